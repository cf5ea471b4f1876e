import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CatalogueEntryForm } from "~/components/rules/catalogue-entry-form";
import { CatalogueList } from "~/components/rules/catalogue-list";
import { PackForm } from "~/components/rules/pack-form";
import { RulesForm } from "~/components/rules/rules-form";
import { RulesSummary } from "~/components/rules/rules-summary";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess, requireMember, requireStreetAdmin, notFound } from "~/auth/guards.server";
import { translateError } from "~/forms/messages";
import { readForm } from "~/actions/read-form.server";
import { handleRulesAction } from "~/actions/rules.server";
import { handleAuthorisationPost, isAuthorisationIntent } from "~/actions/powers.server";
import { Authorisations } from "~/components/powers/authorisations";
import { listAssemblyCategories, listAuthorisations, listEndedAssemblies } from "~/models/powers-matters.server";
import { timeZones } from "~/i18n/time-zone";
import { countTopicsByCategory, getRules, listCatalogue, rulesPack } from "~/models/rules.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { ASSEMBLY_MATTERS_ARTICLE } from "~/workflow/powers";
import { citeArticle } from "~/workflow/rule-packs";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, isStreetAdmin, roles } = requireAccess(args, args.params.community, "rules");
  const rules = getRules({ communityId: community.id });
  if (!rules) notFound();
  const { communityId: _c, updatedAt, ...shown } = rules;
  const used = countTopicsByCategory({ communityId: community.id });
  const catalogue = listCatalogue({ communityId: community.id }).map(({ id, nameZh, nameEn, needsVote, needsPublicity, important, fourTwo, passOfAll, ownersDecide, consultationOptional, decidedBy, passNum, passDen }) => ({
    ...{ id, nameZh, nameEn, needsVote, needsPublicity, important, fourTwo, passOfAll, ownersDecide, consultationOptional, decidedBy, passNum, passDen },
    topics: used.get(id) ?? 0,
  }));
  const { lawRevision: _l, ...rest } = shown;
  const title = await pageTitle(args.request, [["rules.title"], community], community.kind);
  return json({
    title,
    rules: rest,
    packId: rulesPack(rules, community.kind),
    version: updatedAt.getTime(),
    catalogue,
    canEdit: isStreetAdmin,
    // 村委会组织法 Art. 28: the assembly's authorisations, recorded and revoked by the committee.
    isVillage: community.kind === "village",
    authorisations: listAuthorisations({ communityId: community.id }).map((a) => ({ ...a, revokedAt: a.revokedAt?.toISOString() ?? null })),
    mayAuthorise: roles.includes("committee"),
    assemblyCategories: roles.includes("committee") ? listAssemblyCategories({ communityId: community.id }) : [],
    endedAssemblies: roles.includes("committee") ? listEndedAssemblies({ communityId: community.id }).map(({ id, number, title }) => ({ id, number, title })) : [],
    // The server's list, so the page and its hydration offer the same zones (the server checks against it).
    timeZones: isStreetAdmin ? timeZones() : [],
  });
}

// Only the admin of the community's street edits: outsiders get 404, members of the street 403.
export async function action(args: ActionFunctionArgs) {
  const { community } = requireMember(args, args.params.community);
  const formData = await readForm(args.request);
  // The assembly's authorisations are the committee's to record (powers.server.ts answers the role).
  if (isAuthorisationIntent(formData.get("intent"))) {
    const { user, roles } = requireAccess(args, args.params.community, "rules");
    return handleAuthorisationPost({ formData, actor: { communityId: community.id, userId: user.id, roles } });
  }
  const { user } = requireStreetAdmin(args, community.streetSlug);
  const rules = getRules({ communityId: community.id }) ?? notFound();
  const pack = rulesPack(rules, community.kind);
  const { status, data } = handleRulesAction({ formData, communityId: community.id, actorId: user.id, pack, kind: community.kind });
  return json(data, { status });
}

export default function Rules() {
  const { rules, packId, version, catalogue, canEdit, timeZones: zones, isVillage, authorisations, mayAuthorise, assemblyCategories, endedAssemblies } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const powers = data && "powersProblem" in data ? data : null;
  const banner =
    data && "message" in data && data.message ? (
      <Alert tone={data.ok ? "success" : "error"}>{translateError(t, data.message)}</Alert>
    ) : powers?.powersProblem ? (
      <Alert tone="error">{t(`powers.problems.${powers.powersProblem}`)}</Alert>
    ) : powers && "done" in powers ? (
      <Alert tone="success">{t(`powers.authorisations.${powers.done}`)}</Alert>
    ) : null;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("rules.title")}</h1>
      <div data-testid="rules-banner">{banner}</div>
      <RulesSummary rules={rules} packId={packId} at={new Date(version)} />
      {canEdit ? (
        <Card title={t("rulesEdit.editTitle")} actions={<span className="text-xs text-stone-500">{t("rulesEdit.editHint")}</span>}>
          <div className="space-y-6">
            <RulesForm key={version} rules={rules} packId={packId} timeZones={zones} at={new Date(version)} lastResult={data?.intent === "rules" ? (data.result ?? undefined) : undefined} />
            <div className="border-t border-stone-100 pt-4">
              <h3 className="mb-2 font-medium">{t("rulesEdit.packTitle")}</h3>
              <PackForm current={rules.pack} />
            </div>
          </div>
        </Card>
      ) : null}
      <Card title={t("rules.catalogue")}>
        <CatalogueList
          packId={packId}
          entries={catalogue}
          editable={canEdit}
          editing={data?.intent === "catalogueEdit" && data.id && data.result ? { id: data.id, result: data.result } : null}
        />
        {canEdit ? (
          <div className="mt-4 border-t border-stone-100 pt-4">
            <h3 className="mb-2 font-medium">{t("rulesEdit.catalogueAdd")}</h3>
            {/* 村委会组织法 Art. 28: what 须经村民会议讨论决定 means, said once for the add and edit forms. */}
            {isVillage ? (
              <p className="mb-2 text-xs text-stone-500" data-testid="assembly-decides-hint">
                {t("powers.catalogue.decidedByHint", { article: citeArticle(ASSEMBLY_MATTERS_ARTICLE, i18n.language === "en" ? "en" : "zh-CN") })} {t("powers.catalogue.art28")}
              </p>
            ) : null}
            <CatalogueEntryForm packId={packId} lastResult={data?.intent === "catalogueAdd" ? (data.result ?? undefined) : undefined} />
          </div>
        ) : null}
      </Card>
      {isVillage || authorisations.length ? (
        <Card title={t("powers.authorisations.title")}>
          <Authorisations items={authorisations} mayRecord={mayAuthorise && isVillage} categories={assemblyCategories} assemblies={endedAssemblies} />
        </Card>
      ) : null}
    </main>
  );
}
