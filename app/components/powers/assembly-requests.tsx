import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { REQUEST_REASON_MAX } from "~/forms/meetings";
import { PETITION_LINES_MAX } from "~/forms/powers";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

export interface AssemblyShares {
  kind: "urban" | "village";
  article: ArticleKey;
  representatives: { members: number; needed: number };
  persons: { members: number; needed: number };
  households: { members: number; needed: number } | null;
}

export interface AssemblyCounts {
  signatures: number;
  persons: number;
  households: number;
}

const control = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500";

export function Labeled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block space-y-1 text-sm font-medium text-stone-800">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** An assembly request's progress on both routes, each against its legal share with the article. */
export function AssemblyRequestShares({ shares, counts }: { shares: AssemblyShares; counts: AssemblyCounts }) {
  const { t, i18n } = useTranslation();
  const article = citeArticle(shares.article, i18n.language === "en" ? "en" : "zh-CN");
  return (
    <div className="mt-1 space-y-0.5 text-stone-700" data-testid="assembly-request-shares">
      <p className="font-medium text-stone-900">{t("powers.requests.body")}</p>
      <p>{t("powers.requests.repShare", { signatures: counts.signatures, needed: shares.representatives.needed, members: shares.representatives.members, article })}</p>
      <p>{t("powers.requests.personsShare", { signed: counts.persons, needed: shares.persons.needed, members: shares.persons.members, article })}</p>
      {shares.households ? <p>{t("powers.requests.householdsShare", { signed: counts.households, needed: shares.households.needed, members: shares.households.members, article })}</p> : null}
    </div>
  );
}

/**
 * 提议召开村(居)民会议: the shares the law sets, a representative's request (signed online by others as
 * any request) and the committee's form for a request signed on paper: one signer per line, from the register.
 */
export function AssemblyRequestPanel({
  shares,
  collecting,
  isRepresentative,
  isCommittee,
  problem,
}: {
  shares: AssemblyShares;
  collecting: Array<{ id: number; reason: string }>;
  isRepresentative: boolean;
  isCommittee: boolean;
  problem: { key: string; lines: string[] } | null;
}) {
  const { t, i18n } = useTranslation();
  const article = citeArticle(shares.article, i18n.language === "en" ? "en" : "zh-CN");
  return (
    <div className="space-y-4" data-testid="assembly-requests">
      <p className="text-xs text-stone-500">{t("powers.requests.intro", { article })}</p>
      {problem ? (
        <p className="text-sm text-red-700" role="alert">
          {t(`powers.problems.${problem.key}`, { lines: problem.lines.join("; ") })}
        </p>
      ) : null}
      {isRepresentative ? (
        <Form method="post" className="space-y-3 border-t border-stone-100 pt-3" data-testid="assembly-request-form">
          <input type="hidden" name="intent" value="requestAssembly" />
          <h3 className="text-sm font-semibold text-stone-900">{t("powers.requests.formTitle")}</h3>
          <Labeled label={t("powers.requests.reason")}>
            <textarea name="reason" required rows={3} maxLength={REQUEST_REASON_MAX} className={control} />
          </Labeled>
          <Button>{t("powers.requests.submit")}</Button>
        </Form>
      ) : null}
      {isCommittee ? (
        <Form method="post" className="space-y-3 border-t border-stone-100 pt-3" data-testid="petition-form">
          <input type="hidden" name="intent" value="petition" />
          <h3 className="text-sm font-semibold text-stone-900">{t("powers.requests.paperTitle")}</h3>
          <p className="text-xs text-stone-500">{t("powers.requests.paperIntro")}</p>
          {collecting.length ? (
            <Labeled label={t("powers.requests.addTo")}>
              <select name="requestId" className={control} defaultValue="">
                <option value="">{t("powers.requests.newPaper")}</option>
                {collecting.map((r) => (
                  <option key={r.id} value={r.id}>
                    #{r.id} {r.reason.slice(0, 40)}
                  </option>
                ))}
              </select>
            </Labeled>
          ) : null}
          <Labeled label={t("powers.requests.reason")}>
            <textarea name="reason" rows={2} maxLength={REQUEST_REASON_MAX} className={control} />
          </Labeled>
          <Labeled label={t("powers.requests.lines")}>
            <textarea name="lines" required rows={6} maxLength={PETITION_LINES_MAX} className={`${control} font-mono`} />
          </Labeled>
          <Button>{t("powers.requests.record")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
