import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OverdueList } from "~/components/hall/overdue-list";
import { Card } from "~/components/ui/card";
import { requireStreetAdmin } from "~/auth/guards.server";
import { listStreetCommunities } from "~/models/community.server";
import { countOverdueByCommunity, listOverdueScreening } from "~/models/street.server";
import { countTopicsByStage } from "~/models/topic.server";
import { STAGES } from "~/workflow/stages";

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  const overdue = countOverdueByCommunity({ streetId: street.id });
  const communities = listStreetCommunities({ streetId: street.id }).map((c) => {
    const counts = countTopicsByStage({ communityId: c.id });
    const active = Object.fromEntries(STAGES.map((s) => [s, counts.filter((r) => r.stage === s && r.status === "active").reduce((a, r) => a + r.n, 0)]));
    const closed = counts.filter((r) => r.status === "closed").reduce((a, r) => a + r.n, 0);
    return { slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn, kind: c.kind, active, closed, overdue: overdue[c.slug] ?? 0 };
  });
  return json({
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    communities,
    overdueScreening: listOverdueScreening({ streetId: street.id }),
  });
}

export default function StreetDashboard() {
  const { street, communities, overdueScreening } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("street.title", { name: en ? street.nameEn : street.nameZh })}</h1>
        <div className="flex flex-wrap gap-2">
          <Link to={`/s/${street.slug}/invites`} className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-white no-underline hover:bg-hall-700">
            {t("street.invites")}
          </Link>
          <Link to={`/s/${street.slug}/members`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("members.link")}
          </Link>
        </div>
      </div>
      <Card title={t("street.communities")}>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2 pr-3">{t("invites.community")}</th>
                {STAGES.map((s) => (
                  <th key={s} className="py-2 pr-3 text-right">
                    {t(`stages.${s}`)}
                  </th>
                ))}
                <th className="py-2 pr-3 text-right">{t("street.closed")}</th>
                <th className="py-2 text-right">{t("hall.overdueCount")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {communities.map((c) => (
                <tr key={c.slug}>
                  <td className="py-2 pr-3">
                    <Link to={`/c/${c.slug}`}>{en ? c.nameEn : c.nameZh}</Link>
                    <div className="text-xs text-stone-500">{t(`home.kind_${c.kind}`)}</div>
                  </td>
                  {STAGES.map((s) => (
                    <td key={s} className="py-2 pr-3 text-right tabular-nums">
                      {c.active[s]}
                    </td>
                  ))}
                  <td className="py-2 pr-3 text-right tabular-nums">{c.closed}</td>
                  <td className={`py-2 text-right tabular-nums ${c.overdue ? "font-semibold text-red-700" : ""}`} data-testid={`overdue-count-${c.slug}`}>
                    {c.overdue}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t("hall.overdueTitle")}>
        <OverdueList rows={overdueScreening} />
      </Card>
    </main>
  );
}
