import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "../ui/button";
import { CatalogueEntryForm, type CatalogueEntryData } from "./catalogue-entry-form";

export interface CatalogueRow extends CatalogueEntryData {
  topics: number;
}

/** 协商事项目录清单; for the street admin each entry can be edited or removed (when no topic uses it). */
export function CatalogueList({
  entries,
  editable,
  editing,
}: {
  entries: CatalogueRow[];
  editable: boolean;
  /** The entry whose edit form was just submitted with errors, and the result to show. */
  editing?: { id: number; result: SubmissionResult<string[]> } | null;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const ratio = (num: number, den: number) => `${t("rules.atLeast", { num, den })} ${t("rules.ofPresent")}`;
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
                  <dd className="inline">{c.passNum && c.passDen ? ratio(c.passNum, c.passDen) : t("rules.default")}</dd>
                </div>
              </dl>
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
                <CatalogueEntryForm entry={c} lastResult={editing?.id === c.id ? editing.result : undefined} />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
