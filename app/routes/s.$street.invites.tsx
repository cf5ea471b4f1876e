import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { InviteList } from "~/components/invite-list";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { requireStreetAdmin } from "~/auth/guards.server";
import { createInviteSchema, revokeInviteSchema } from "~/forms/invites";
import { readForm } from "~/actions/read-form.server";
import { listStreetCommunities } from "~/models/community.server";
import { now } from "~/models/clock.server";
import { createInvite, listStreetInvites, revokeInvite } from "~/models/invite.server";
import { ROLES } from "~/workflow/roles";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({
    title: await pageTitle(args.request, [["invites.title"], street]),
    communities: listStreetCommunities({ streetId: street.id }).map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })),
    invites: listStreetInvites({ streetId: street.id }),
    now: now().getTime(),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { user, street } = requireStreetAdmin(args, args.params.street);
  const formData = await readForm(args.request);
  if (formData.get("intent") === "revoke") {
    const submission = parseWithZod(formData, { schema: revokeInviteSchema });
    const ok = submission.status === "success" && revokeInvite({ inviteId: submission.value.inviteId, streetId: street.id, actorId: user.id });
    return json({ kind: "revoke" as const, ok, created: null, result: null }, { status: ok ? 200 : 400 });
  }
  const submission = parseWithZod(formData, { schema: createInviteSchema });
  if (submission.status !== "success") return json({ kind: "create" as const, ok: false, created: null, result: submission.reply() }, { status: 400 });
  const community = listStreetCommunities({ streetId: street.id }).find((c) => c.slug === submission.value.community);
  if (!community) {
    return json(
      { kind: "create" as const, ok: false, created: null, result: submission.reply({ fieldErrors: { community: ["errors.choice"] } }) },
      { status: 400 },
    );
  }
  const { community: _slug, intent: _intent, ...rest } = submission.value;
  const created = createInvite({ ...rest, communityId: community.id, createdBy: user.id });
  return json({ kind: "create" as const, ok: true, created: { code: created.code }, result: submission.reply({ resetForm: true }) });
}

export default function Invites() {
  const { communities, invites, now } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [form, fields] = useForm({
    lastResult: data?.kind === "create" ? data.result : undefined,
    defaultValue: { maxUses: "1", expiresInDays: "14", role: "resident", community: communities[0]?.slug },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createInviteSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("invites.title")}</h1>
      {data?.created ? (
        <Alert tone="success">
          {t("invites.created")}{" "}
          <code className="select-all rounded bg-white px-2 py-1 font-mono text-lg tracking-widest" data-testid="new-invite-code">
            {data.created.code}
          </code>
        </Alert>
      ) : null}
      {data?.kind === "revoke" && !data.ok ? <Alert tone="error">{t("invites.revokeFailed")}</Alert> : null}
      <Card title={t("invites.create")}>
        <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="create" />
          <SelectField field={fields.community} label={t("invites.community")} options={communities.map((c) => ({ value: c.slug, label: en ? c.nameEn : c.nameZh }))} />
          <SelectField field={fields.role} label={t("invites.role")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <Field field={fields.maxUses} label={t("invites.maxUses")} type="number" inputMode="numeric" />
          <Field field={fields.expiresInDays} label={t("invites.expiresInDays")} type="number" inputMode="numeric" />
          <div className="sm:col-span-2">
            <Field field={fields.note} label={t("invites.note")} />
          </div>
          <div className="sm:col-span-2">
            <Button>{t("invites.create")}</Button>
          </div>
        </Form>
      </Card>
      <Card title={t("invites.list")}>
        <InviteList invites={invites} now={now} />
      </Card>
    </main>
  );
}
