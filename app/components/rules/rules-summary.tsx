import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { legalArticle, legalStanding, type LegalField, type LegalNumbers, type PackId, type Standing } from "~/workflow/legal-floors";
import { citeArticle, RULE_PACKS, type Ratio } from "~/workflow/rule-packs";
import { zoneLabel } from "../time-zone";
import { Card } from "../ui/card";
import { PackArticles } from "./pack-articles";

export interface RulesData extends LegalNumbers {
  pack: string;
  cosignThreshold: number;
  cosignWindowDays: number;
  screeningDays: number;
  meetingNoticeDays: number;
  ratingWindowDays: number;
  satisfactionThresholdPct: number;
  stalledDays: number;
  timeZone: string;
  basisZh: string;
  basisEn: string;
}

const STANDING_STYLE: Record<Standing, string> = {
  atLaw: "bg-stone-100 text-stone-700",
  stricter: "bg-hall-50 text-hall-800",
  looser: "bg-red-50 text-red-800",
};

type Row = [id: string, label: string, value: string];

function Rows({ rows, children }: { rows: Row[]; children?: (id: string) => ReactNode }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      {rows.map(([id, label, value]) => (
        <div key={id} className="contents">
          <dt className="text-stone-500">{label}</dt>
          <dd className="text-stone-900">
            <span className="font-medium" data-testid={`rule-${id}`}>
              {value}
            </span>
            {children?.(id)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * 议事制度 as every member reads it: what the law requires (each number with its article, and whether
 * the community is stricter), apart from what the community chose for itself; then the articles.
 */
export function RulesSummary({ rules, packId, at }: { rules: RulesData; packId: PackId; at: Date }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const pack = RULE_PACKS[packId];
  const share = (r: Ratio, of: "ofMembers" | "ofPresent" | "ofRepresentatives") => `${t(r.inclusive ? "rules.atLeast" : "rules.moreThan", { num: r.num, den: r.den })} ${t(`rules.${of}`)}`;
  const standing = legalStanding(rules);
  const days = (count: number) => t("rules.days", { count });
  const quorum = { num: rules.quorumNum, den: rules.quorumDen, inclusive: rules.quorumInclusive };
  const pass = { num: rules.passNum, den: rules.passDen, inclusive: rules.passInclusive };
  const request = { num: rules.meetingRequestNum, den: rules.meetingRequestDen, inclusive: true };
  const legal: Array<{ id: string; field: LegalField; label: string; value: string; law: string }> = [
    { id: "quorum", field: "quorum", label: t("rules.quorum"), value: share(quorum, "ofMembers"), law: share(pack.quorum, "ofMembers") },
    { id: "pass", field: "pass", label: t("rules.pass"), value: share(pass, "ofPresent"), law: share(pack.pass, "ofPresent") },
    { id: "meetingRequest", field: "meetingRequest", label: t("rules.meetingRequest"), value: share(request, "ofRepresentatives"), law: share(pack.meetingRequest, "ofRepresentatives") },
    { id: "publicity", field: "publicityDays", label: t("rules.publicity"), value: days(rules.publicityDays), law: days(pack.publicityDays) },
  ];
  const byId = new Map(legal.map((r) => [r.id, r]));
  const local: Row[] = [
    ["cosign", t("rules.cosign"), t("rules.cosignValue", { count: rules.cosignThreshold, days: rules.cosignWindowDays })],
    ["screening", t("rules.screening"), t("rules.days", { count: rules.screeningDays })],
    ["meetingNotice", t("rules.meetingNotice"), t("rules.days", { count: rules.meetingNoticeDays })],
    ["ratingWindow", t("rules.ratingWindow"), t("rules.days", { count: rules.ratingWindowDays })],
    ["satisfaction", t("rules.satisfaction"), t("rules.satisfactionValue", { pct: rules.satisfactionThresholdPct })],
    ["stalled", t("rules.stalled"), t("rules.days", { count: rules.stalledDays })],
    ["timeZone", t("timeZone.setting"), zoneLabel(t, rules.timeZone, at)],
  ];
  return (
    <Card title={`${t("rules.pack")}: ${t(`rules.pack_${rules.pack}`, { defaultValue: rules.pack })}`}>
      <div data-testid="rules-list" className="space-y-5">
        <section data-testid="rules-legal" className="space-y-2">
          <h3 className="font-medium text-stone-900">{t("rulesLaw.legalTitle")}</h3>
          <p className="text-xs text-stone-500">{t("rulesLaw.legalIntro")}</p>
          <Rows rows={[...legal.map((r): Row => [r.id, r.label, r.value]), ["convene", t("rulesLaw.convene"), t(`rulesLaw.convene_${pack.conveneEveryMonths}`)]]}>
            {(id) => {
              const row = byId.get(id);
              // The rhythm of meetings is set by the same article as the meeting request.
              const article = citeArticle(legalArticle(packId, row?.field ?? "meetingRequest"), language);
              const state = row ? standing[row.field] : null;
              return (
                <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600">
                  {state ? (
                    <span className={`rounded px-1.5 py-0.5 font-medium ${STANDING_STYLE[state]}`} data-testid={`rule-standing-${id}`}>
                      {t(`rulesLaw.${state}`)}
                    </span>
                  ) : null}
                  {state === "stricter" ? <span>{t("rulesLaw.lawSays", { value: row?.law })}</span> : null}
                  <span data-testid={`rule-article-${id}`}>{t("rulesLaw.basisOf", { article })}</span>
                </span>
              );
            }}
          </Rows>
        </section>
        <section data-testid="rules-local" className="space-y-2 border-t border-stone-100 pt-4">
          <h3 className="font-medium text-stone-900">{t("rulesLaw.localTitle")}</h3>
          <p className="text-xs text-stone-500">{t("rulesLaw.localIntro")}</p>
          <Rows rows={local}>{(id) => (id === "meetingNotice" ? <span className="mt-0.5 block text-xs text-stone-500">{t("rulesLaw.meetingNoticeLocal")}</span> : null)}</Rows>
        </section>
      </div>
      <div className="mt-4 rounded-md bg-stone-50 p-3 text-sm text-stone-700">
        <div className="font-medium">{t("rules.basis")}</div>
        <p className="mt-1" data-testid="rules-basis">
          {language === "en" ? rules.basisEn : rules.basisZh}
        </p>
      </div>
      <PackArticles packId={packId} />
    </Card>
  );
}
