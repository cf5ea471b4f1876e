import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { useTranslation } from "~/i18n/use-translation";
import { AssistForms } from "~/components/assist/assist-forms";
import { MyAssistedActs, RecentAssistedActs } from "~/components/assist/assist-lists";
import { Alert } from "~/components/ui/alert";
import { requireAccess } from "~/auth/guards.server";
import { handleAssistAction } from "~/actions/assist.server";
import { readForm } from "~/actions/read-form.server";
import { translateError } from "~/forms/messages";
import { loadAssistPage } from "~/models/assist-page.server";

export const meta = titleMeta;

// 代录 (docs/decisions/040-assisted-acts.md): staff record for residents; each resident reviews and withdraws what was recorded for them.
export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "assist");
  const title = await pageTitle(args.request, [["assist.title"], community], community.kind);
  return json({ title, slug: community.slug, ...loadAssistPage({ communityId: community.id, userId: user.id, roles }) });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "assist");
  const formData = await readForm(args.request);
  return handleAssistAction({ formData, communityId: community.id, userId: user.id, roles, back: `/c/${community.slug}/assist` });
}

export default function Assist() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const done = search.get("done");
  const fieldErrors = Object.values(answer?.result?.error ?? {}).flat().filter((e): e is string => typeof e === "string");
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("assist.title")}</h1>
      <p className="text-stone-600">{t("assist.intro")}</p>
      {done === "record" ? <Alert tone="success">{t("assist.form.done")}</Alert> : null}
      {done === "withdraw" ? <Alert tone="success">{t("assist.mine.done")}</Alert> : null}
      {answer?.problem ? (
        <Alert tone="error">
          <span data-testid="assist-problem">{t(`assist.problems.${answer.problem}`)}</span>
        </Alert>
      ) : null}
      {fieldErrors.length ? (
        <Alert tone="error">
          <span data-testid="assist-problem">{fieldErrors.map((e) => translateError(t, e)).join(" ")}</span>
        </Alert>
      ) : null}
      <MyAssistedActs acts={data.mine} slug={data.slug} />
      {data.staff ? (
        <>
          <AssistForms data={data} />
          <RecentAssistedActs acts={data.recent} />
        </>
      ) : null}
    </main>
  );
}
