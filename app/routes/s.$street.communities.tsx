import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ArchivedCommunityRow, CommunityRow } from "~/components/street/community-rows";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { notFound, requireStreetAdmin } from "~/auth/guards.server";
import { parseForm } from "~/actions/parse-form.server";
import { readForm } from "~/actions/read-form.server";
import { addCommunitySchema, archiveCommunitySchema, COMMUNITY_KINDS, renameCommunitySchema, restoreCommunitySchema } from "~/forms/communities";
import { addCommunity, listStreetCommunitiesAll, renameCommunity, setCommunityArchived } from "~/models/community-admin.server";
import { DEFAULT_TIME_ZONE, timeZones } from "~/i18n/time-zone";
import { translateError } from "~/forms/messages";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({
    title: await pageTitle(args.request, [["streetCommunities.title", { name: street }]]),
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    communities: listStreetCommunitiesAll({ streetId: street.id }).map((c) => ({ ...c, archivedAt: c.archivedAt?.getTime() ?? null, timeZone: c.timeZone ?? DEFAULT_TIME_ZONE })),
    timeZones: timeZones(),
  });
}

type Done = { key: string; name?: string; kind?: string };

export async function action(args: ActionFunctionArgs) {
  const { user, street } = requireStreetAdmin(args, args.params.street);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  const base = { streetId: street.id, actorId: user.id };
  if (intent === "add") {
    const submission = parseForm(formData, addCommunitySchema);
    if (submission.status !== "success") return json({ intent, done: null, problem: null, slug: null, result: submission.reply() }, { status: 400 });
    const { intent: _i, ...community } = submission.value;
    const added = addCommunity({ ...base, community });
    if (!added.ok) return json({ intent, done: null, problem: null, slug: null, result: submission.reply({ fieldErrors: { slug: [`streetCommunities.problems.${added.problem}`] } }) }, { status: 400 });
    const done: Done = { key: "streetCommunities.added", name: community.nameZh, kind: `streetCommunities.kind_${community.kind}` };
    return json({ intent, done, problem: null, slug: community.slug, result: submission.reply({ resetForm: true }) });
  }
  const schema = intent === "rename" ? renameCommunitySchema : intent === "archive" ? archiveCommunitySchema : intent === "restore" ? restoreCommunitySchema : null;
  if (!schema) throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") {
    // A rename's names or an archive's confirmation: said next to the community's row.
    const slug = String(formData.get("slug"));
    const problem = Object.values(submission.error ?? {}).flat()[0] ?? "errors.required";
    return json({ intent, done: null, problem, slug, result: null }, { status: 400 });
  }
  const value = submission.value;
  const result =
    value.intent === "rename"
      ? renameCommunity({ ...base, slug: value.slug, nameZh: value.nameZh, nameEn: value.nameEn })
      : setCommunityArchived({ ...base, slug: value.slug, archived: value.intent === "archive" });
  if (!result.ok && result.problem === "notFound") notFound();
  if (!result.ok) return json({ intent, done: null, problem: `streetCommunities.problems.${result.problem}`, slug: value.slug, result: null }, { status: 409 });
  const name = listStreetCommunitiesAll({ streetId: street.id }).find((c) => c.slug === value.slug)?.nameZh;
  const key = value.intent === "rename" ? ("changed" in result && !result.changed ? "streetCommunities.unchanged" : "streetCommunities.renamed") : value.intent === "archive" ? "streetCommunities.archivedDone" : "streetCommunities.restoredDone";
  return json({ intent, done: { key, name } as Done, problem: null, slug: value.slug, result: null });
}

export default function StreetCommunities() {
  const { street, communities, timeZones: zones } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [form, fields] = useForm({
    lastResult: data?.intent === "add" ? data.result : undefined,
    defaultValue: { kind: "urban", timeZone: DEFAULT_TIME_ZONE },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addCommunitySchema }),
    shouldValidate: "onBlur",
  });
  const active = communities.filter((c) => c.archivedAt === null);
  const archived = communities.filter((c) => c.archivedAt !== null);
  const rowProblem = (slug: string) => (data?.problem && data.slug === slug ? data.problem : null);
  // A problem with a community no row shows (a post from an older page): said at the top.
  const strayProblem = data?.problem && !communities.some((c) => c.slug === data.slug) ? data.problem : null;
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("streetCommunities.title", { name: en ? street.nameEn : street.nameZh })}</h1>
        <Link to={`/s/${street.slug}`}>{t("nav.street")}</Link>
      </div>
      {strayProblem ? <Alert tone="error">{translateError(t, strayProblem)}</Alert> : null}
      {data?.done ? <Alert tone="success">{t(data.done.key, { name: data.done.name, kind: data.done.kind ? t(data.done.kind) : "" })}</Alert> : null}
      <Card title={t("streetCommunities.active")}>
        <ul className="divide-y divide-stone-200">
          {active.map((c) => (
            <CommunityRow key={c.slug} c={c} problem={rowProblem(c.slug)} />
          ))}
        </ul>
      </Card>
      <Card title={t("streetCommunities.add")}>
        <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="add" />
          <Field field={fields.slug} label={t("streetCommunities.slug")} hint={t("streetCommunities.slugHint")} />
          <SelectField field={fields.kind} label={t("streetCommunities.kind")} options={COMMUNITY_KINDS.map((k) => ({ value: k, label: t(`streetCommunities.kind_${k}`) }))} />
          <Field field={fields.nameZh} label={t("streetCommunities.nameZh")} />
          <Field field={fields.nameEn} label={t("streetCommunities.nameEn")} />
          <SelectField field={fields.timeZone} label={t("streetCommunities.timeZone")} options={zones.map((z) => ({ value: z, label: t(`timeZone.names.${z}`, { defaultValue: z }) }))} />
          <div className="sm:col-span-2">
            <Button>{t("streetCommunities.add")}</Button>
          </div>
        </Form>
      </Card>
      <Card title={t("streetCommunities.archived")}>
        {archived.length === 0 ? (
          <p className="text-sm text-stone-600">{t("streetCommunities.noneArchived")}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {archived.map((c) => (
              <ArchivedCommunityRow key={c.slug} c={c} problem={rowProblem(c.slug)} />
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
