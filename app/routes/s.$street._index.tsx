import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CommunityTile } from "~/components/dashboard/community-tile";
import { StreetRanking } from "~/components/dashboard/street-ranking";
import { OverdueList } from "~/components/hall/overdue-list";
import { Card } from "~/components/ui/card";
import { PageStyle, printCss } from "~/components/ui/print";
import { requireStreetAdmin } from "~/auth/guards.server";
import { listOverdueScreening, listStreetFigures } from "~/models/street.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({
    title: await pageTitle(args.request, [["street.title", { name: street }]]),
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    communities: listStreetFigures({ streetId: street.id }),
    overdueScreening: listOverdueScreening({ streetId: street.id }),
  });
}

export default function StreetDashboard() {
  const { street, communities, overdueScreening } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <PageStyle css={printCss("street")} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("street.title", { name: en ? street.nameEn : street.nameZh })}</h1>
        <div className="no-print flex flex-wrap gap-2">
          <Link to={`/s/${street.slug}/invites`} className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-white no-underline hover:bg-hall-700">
            {t("street.invites")}
          </Link>
          <Link to={`/s/${street.slug}/members`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("members.link")}
          </Link>
          <Link to={`/s/${street.slug}/roster`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("roster.nav")}
          </Link>
          <Link to={`/s/${street.slug}/communities`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("streetCommunities.link")}
          </Link>
          <Link to={`/s/${street.slug}/departments`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("departments.link")}
          </Link>
          <Link to={`/s/${street.slug}/evaluation`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("evaluation.link")}
          </Link>
          <Link to={`/s/${street.slug}/hotline`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
            {t("hotlineExport.link")}
          </Link>
        </div>
      </div>
      <Card title={t("supervision.street.ranking")}>
        <StreetRanking communities={communities} />
      </Card>
      <section className="space-y-3" aria-labelledby="communities-title">
        <h2 id="communities-title" className="text-lg font-semibold text-stone-900">
          {t("supervision.street.dashboard")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {communities.map((c) => (
            <CommunityTile key={c.slug} c={c} />
          ))}
        </div>
      </section>
      <Card title={t("hall.overdueTitle")}>
        <OverdueList rows={overdueScreening} />
      </Card>
    </main>
  );
}
