import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MemberList } from "~/components/members/member-list";
import { Alert } from "~/components/ui/alert";
import { requireStreetAdmin } from "~/auth/guards.server";
import { revokeMembershipSchema } from "~/forms/members";
import { readForm } from "~/actions/read-form.server";
import { listStreetMembers, revokeMembership } from "~/models/membership.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({ title: await pageTitle(args.request, [["members.title"], street]), members: listStreetMembers({ streetId: street.id }) });
}

export async function action(args: ActionFunctionArgs) {
  const { user, street } = requireStreetAdmin(args, args.params.street);
  const submission = parseWithZod(await readForm(args.request), { schema: revokeMembershipSchema });
  if (submission.status !== "success") return json({ ok: false, message: "errors.formInvalid" }, { status: 400 });
  const { community, userId, role } = submission.value;
  const revoked = revokeMembership({ streetId: street.id, communitySlug: community, userId, role, actorId: user.id });
  if (!revoked) return json({ ok: false, message: "members.notFound" }, { status: 404 });
  return json({ ok: true, message: "members.revoked" });
}

export default function Members() {
  const { members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("members.title")}</h1>
      <p className="text-stone-600">{t("members.intro")}</p>
      {result ? <Alert tone={result.ok ? "success" : "error"}>{t(result.message)}</Alert> : null}
      <MemberList members={members} />
    </main>
  );
}
