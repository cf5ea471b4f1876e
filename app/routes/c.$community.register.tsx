import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { requireAccess, requireAudience } from "~/auth/guards.server";
import { decide, REGISTER_EDITORS } from "~/auth/permissions";
import { handleRegisterAction } from "~/actions/register.server";
import { linkableAccounts, listRegister, registerCounts, registerToday } from "~/models/register.server";
import { assemblyRulesFor, isAdultOn } from "~/workflow/assembly";
import { Card } from "~/components/ui/card";
import { HouseholdForm } from "~/components/register/household-form";
import { RegisterBanner } from "~/components/register/register-banner";
import { RegisterImport } from "~/components/register/register-import";
import { RegisterList } from "~/components/register/register-list";
import { RegisterTotals } from "~/components/register/register-totals";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, roles, isStreetAdmin } = requireAccess(args, args.params.community, "register");
  const canEdit = decide(REGISTER_EDITORS, { signedIn: true, isMember: roles.length > 0, roles, isStreetAdmin }) === "allow";
  const today = registerToday(community.id);
  const households = listRegister({ communityId: community.id }).map((h) => ({ ...h, members: h.members.map((m) => ({ ...m, adult: isAdultOn(m.birthDate, today) })) }));
  return json(
    {
      title: await pageTitle(args.request, [["register.title"], community], community.kind),
      slug: community.slug,
      today,
      article: assemblyRulesFor(community.kind).articles.quorum,
      ageArticle: assemblyRulesFor(community.kind).articles.members,
      counts: registerCounts({ communityId: community.id, onDate: today }),
      households,
      canEdit,
      // The household whose forms are open (?edit=<id>): one at a time.
      editing: Number(new URL(args.request.url).searchParams.get("edit")) || null,
      accounts: canEdit ? linkableAccounts({ communityId: community.id }) : [],
    },
    // Personal data: never kept by a shared cache.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, community } = requireAudience(args, args.params.community, REGISTER_EDITORS);
  return handleRegisterAction({ request: args.request, communityId: community.id, communitySlug: community.slug, actorId: user.id });
}

export default function Register() {
  const { slug, today, article, ageArticle, counts, households, canEdit, editing, accounts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("register.title")}</h1>
      <p className="text-sm text-stone-600">{t("register.intro")}</p>
      {data && "problem" in data ? <RegisterBanner data={data} /> : null}
      <RegisterTotals counts={counts} today={today} article={article} ageArticle={ageArticle} />
      <RegisterList households={households} canEdit={canEdit} editing={editing} accounts={accounts} />
      {canEdit ? (
        <>
          <Card title={t("register.form.addHousehold")}>
            <HouseholdForm />
          </Card>
          <RegisterImport slug={slug} outcome={data && "outcome" in data ? data.outcome : null} />
        </>
      ) : null}
    </main>
  );
}
