import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { PackId } from "~/workflow/legal-floors";
import { citeArticle, RULE_PACKS } from "~/workflow/rule-packs";
import { ASSEMBLY_MATTERS_ARTICLE } from "~/workflow/powers";
import { Button } from "../ui/button";
import { CatalogueEntryForm, type CatalogueEntryData } from "./catalogue-entry-form";

export interface CatalogueRow extends CatalogueEntryData {
  topics: number;
}

/** 协商事项目录清单; for the street admin each entry can be edited or removed (when no topic uses it). */
export function CatalogueList({
  packId,
  entries,
  editable,
  editing,
}: {
  packId: PackId;
  entries: CatalogueRow[];
  editable: boolean;
  /** The entry whose edit form was just submitted with errors, and the result to show. */
  editing?: { id: number; result: SubmissionResult<string[]> } | null;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const language = en ? "en" : "zh-CN";
  const ratio = (num: number, den: number, ofAll: boolean) => `${t("rules.atLeast", { num, den })} ${t(ofAll ? "rules.ofMembers" : "rules.ofPresent")}`;
  const passRule = (c: CatalogueRow) => {
    if (c.passNum && c.passDen) return ratio(c.passNum, c.passDen, c.passOfAll);
    return c.passOfAll ? `${t("rules.default")}, ${t("rulesLaw.passOfAll")}` : t("rules.default");
  };
  return (
    <ul className="divide-y divide-stone-100" data-testid="catalogue">
      {entries.map((c) => (
        <li key={c.id} className="py-3" data-testid="catalogue-entry">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <div className="font-medium text-stone-900">{en ? c.nameEn : c.nameZh}</div>
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
                <div>
                  <dt className="inline">{t("rules.needsVote")}: </dt>
                  <dd className="inline">{t(c.needsVote ? "rules.yes" : "rules.no")}</dd>
                </div>
                <div>
                  <dt className="inline">{t("rules.needsPublicity")}: </dt>
                  <dd className="inline">{t(c.needsPublicity ? "rules.yes" : "rules.no")}</dd>
                </div>
                <div>
                  <dt className="inline">{t("rules.passOverride")}: </dt>
                  <dd className="inline" data-testid="catalogue-pass">
                    {passRule(c)}
                  </dd>
                </div>
              </dl>
              {c.important || c.fourTwo || c.ownersDecide || c.consultationOptional || c.decidedBy === "assembly" ? (
                <ul className="mt-1 space-y-0.5 text-sm text-stone-800" aria-label={t("rulesLaw.flags")} data-testid="catalogue-flags">
                  {c.important ? <li>{t("rulesLaw.important", { article: citeArticle(RULE_PACKS[packId].partyReviewArticle, language) })}</li> : null}
                  {c.fourTwo ? <li data-testid="catalogue-four-two">{t("fourTwo.rules.flag")}</li> : null}
                  {c.ownersDecide ? <li>{t("rulesLaw.ownersDecide", { article: citeArticle("civilCode:278", language) })}</li> : null}
                  {c.consultationOptional ? <li data-testid="catalogue-consultation-optional">{t("rulesLaw.consultationOptional")}</li> : null}
                  {c.decidedBy === "assembly" ? <li data-testid="catalogue-assembly">{t("powers.catalogue.listed", { article: citeArticle(ASSEMBLY_MATTERS_ARTICLE, language) })}</li> : null}
                </ul>
              ) : null}
            </div>
            {editable && c.topics > 0 ? <span className="text-sm text-stone-500">{t("rulesEdit.inUseShort", { count: c.topics })}</span> : null}
            {editable && c.topics === 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="catalogueRemove" />
                <input type="hidden" name="id" value={c.id} />
                <Button variant="danger" aria-label={`${t("rulesEdit.remove")} ${en ? c.nameEn : c.nameZh}`}>
                  {t("rulesEdit.remove")}
                </Button>
              </Form>
            ) : null}
          </div>
          {editable ? (
            <details className="mt-1" open={editing?.id === c.id}>
              <summary className="inline-flex min-h-[44px] cursor-pointer items-center text-sm text-hall-700">{t("rulesEdit.edit")}</summary>
              <div className="mt-2 rounded-md border border-stone-200 p-3">
                <CatalogueEntryForm packId={packId} entry={c} lastResult={editing?.id === c.id ? editing.result : undefined} />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
