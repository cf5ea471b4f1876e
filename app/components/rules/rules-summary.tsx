import { useTranslation } from "react-i18next";
import { Card } from "../ui/card";

export interface RulesData {
  pack: string;
  quorumNum: number;
  quorumDen: number;
  quorumInclusive: boolean;
  passNum: number;
  passDen: number;
  passInclusive: boolean;
  meetingRequestNum: number;
  meetingRequestDen: number;
  cosignThreshold: number;
  cosignWindowDays: number;
  screeningDays: number;
  publicityDays: number;
  meetingNoticeDays: number;
  ratingWindowDays: number;
  satisfactionThresholdPct: number;
  stalledDays: number;
  basisZh: string;
  basisEn: string;
}

/** 议事制度 as every member reads it: the numbers and their legal basis. */
export function RulesSummary({ rules }: { rules: RulesData }) {
  const { t, i18n } = useTranslation();
  const ratio = (num: number, den: number, inclusive: boolean) => t(inclusive ? "rules.atLeast" : "rules.moreThan", { num, den });
  const rows: Array<[string, string, string]> = [
    ["quorum", t("rules.quorum"), `${ratio(rules.quorumNum, rules.quorumDen, rules.quorumInclusive)} ${t("rules.ofMembers")}`],
    ["pass", t("rules.pass"), `${ratio(rules.passNum, rules.passDen, rules.passInclusive)} ${t("rules.ofPresent")}`],
    ["meetingRequest", t("rules.meetingRequest"), `${ratio(rules.meetingRequestNum, rules.meetingRequestDen, true)} ${t("rules.ofRepresentatives")}`],
    ["cosign", t("rules.cosign"), t("rules.cosignValue", { count: rules.cosignThreshold, days: rules.cosignWindowDays })],
    ["screening", t("rules.screening"), t("rules.days", { count: rules.screeningDays })],
    ["publicity", t("rules.publicity"), t("rules.days", { count: rules.publicityDays })],
    ["meetingNotice", t("rules.meetingNotice"), t("rules.days", { count: rules.meetingNoticeDays })],
    ["ratingWindow", t("rules.ratingWindow"), t("rules.days", { count: rules.ratingWindowDays })],
    ["satisfaction", t("rules.satisfaction"), t("rules.satisfactionValue", { pct: rules.satisfactionThresholdPct })],
    ["stalled", t("rules.stalled"), t("rules.days", { count: rules.stalledDays })],
  ];
  return (
    <Card title={`${t("rules.pack")}: ${t(`rules.pack_${rules.pack}`, { defaultValue: rules.pack })}`}>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="rules-list">
        {rows.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="text-stone-500">{label}</dt>
            <dd className="font-medium text-stone-900" data-testid={`rule-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 rounded-md bg-stone-50 p-3 text-sm text-stone-700">
        <div className="font-medium">{t("rules.basis")}</div>
        <p className="mt-1" data-testid="rules-basis">
          {i18n.language === "en" ? rules.basisEn : rules.basisZh}
        </p>
      </div>
    </Card>
  );
}
