import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { UnitForm } from "~/components/execution/unit-form";
import { UnitList } from "~/components/execution/unit-list";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { handleUnitsAction } from "~/actions/execution.server";
import { listExecutors, listUnitsWithContacts } from "~/models/execution-view.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, roles } = requireAccess(args, args.params.community, "units");
  const committee = roles.includes("committee");
  return json({
    title: await pageTitle(args.request, [["execution.units.title"], community], community.kind),
    units: listUnitsWithContacts({ communityId: community.id }),
    // Only the committee registers units, so only it needs the list of people to name.
    executors: committee ? listExecutors({ communityId: community.id }).map(({ id, name, username }) => ({ id, name, username })) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "units");
  return handleUnitsAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles });
}

export default function UnitsPage() {
  const { units, executors } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold text-stone-900">{t("execution.units.title")}</h1>
      <p className="text-sm text-stone-600">{t("execution.units.intro")}</p>
      {data?.problem ? <Alert tone="error">{t(`execution.problems.${data.problem}`)}</Alert> : null}
      <UnitList units={units} />
      {executors ? (
        <Card title={t("execution.units.formTitle")}>
          <UnitForm executors={executors} lastResult={(data?.result ?? null) as SubmissionResult<string[]> | null} />
        </Card>
      ) : null}
    </main>
  );
}
