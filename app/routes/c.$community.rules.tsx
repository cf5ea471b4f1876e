import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card";
import { requireAccess, notFound } from "~/auth/guards.server";
import { getRules, listCatalogue } from "~/models/rules.server";

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "rules");
  const rules = getRules({ communityId: community.id });
  if (!rules) notFound();
  return json({ rules, catalogue: listCatalogue({ communityId: community.id }) });
}

export default function Rules() {
  const { rules, catalogue } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const ratio = (num: number, den: number, inclusive: boolean) => t(inclusive ? "rules.atLeast" : "rules.moreThan", { num, den });
  const rows: Array<[string, string]> = [
    [t("rules.quorum"), `${ratio(rules.quorumNum, rules.quorumDen, rules.quorumInclusive)} ${t("rules.ofMembers")}`],
    [t("rules.pass"), `${ratio(rules.passNum, rules.passDen, rules.passInclusive)} ${t("rules.ofPresent")}`],
    [t("rules.meetingRequest"), `${ratio(rules.meetingRequestNum, rules.meetingRequestDen, true)} ${t("rules.ofRepresentatives")}`],
    [t("rules.cosign"), t("rules.cosignValue", { count: rules.cosignThreshold, days: rules.cosignWindowDays })],
    [t("rules.screening"), t("rules.days", { count: rules.screeningDays })],
    [t("rules.publicity"), t("rules.days", { count: rules.publicityDays })],
    [t("rules.meetingNotice"), t("rules.days", { count: rules.meetingNoticeDays })],
    [t("rules.ratingWindow"), t("rules.days", { count: rules.ratingWindowDays })],
    [t("rules.satisfaction"), t("rules.satisfactionValue", { pct: rules.satisfactionThresholdPct })],
    [t("rules.stalled"), t("rules.days", { count: rules.stalledDays })],
  ];
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("rules.title")}</h1>
      <Card title={`${t("rules.pack")}: ${t(`rules.pack_${rules.pack}`, { defaultValue: rules.pack })}`}>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="rules-list">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-500">{label}</dt>
              <dd className="font-medium text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 rounded-md bg-stone-50 p-3 text-sm text-stone-700">
          <div className="font-medium">{t("rules.basis")}</div>
          <p className="mt-1" data-testid="rules-basis">
            {en ? rules.basisEn : rules.basisZh}
          </p>
        </div>
      </Card>
      <Card title={t("rules.catalogue")}>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2 pr-3">{t("rules.category")}</th>
                <th className="py-2 pr-3">{t("rules.needsVote")}</th>
                <th className="py-2 pr-3">{t("rules.needsPublicity")}</th>
                <th className="py-2">{t("rules.passOverride")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {catalogue.map((c) => (
                <tr key={c.id}>
                  <td className="py-2 pr-3 font-medium">{en ? c.nameEn : c.nameZh}</td>
                  <td className="py-2 pr-3">{t(c.needsVote ? "rules.yes" : "rules.no")}</td>
                  <td className="py-2 pr-3">{t(c.needsPublicity ? "rules.yes" : "rules.no")}</td>
                  <td className="py-2">{c.passNum && c.passDen ? `${ratio(c.passNum, c.passDen, true)} ${t("rules.ofPresent")}` : t("rules.default")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </main>
  );
}
