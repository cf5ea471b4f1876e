import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CommunityTile } from "~/components/dashboard/community-tile";
import { StreetRanking } from "~/components/dashboard/street-ranking";
import { DispatchCard } from "~/components/street/dispatch-card";
import type { DispatchRefusal } from "~/components/street/dispatch-form";
import { EvaluationSummary } from "~/components/street/evaluation-summary";
import { OverdueCalls } from "~/components/street/overdue-calls";
import { RecentCalls } from "~/components/street/recent-calls";
import { Card } from "~/components/ui/card";
import { PageStyle, printCss } from "~/components/ui/print";
import { requireStreetAdmin } from "~/auth/guards.server";
import { handleDispatchAction } from "~/actions/calls-community.server";
import { listOverdueCalls } from "~/models/department-call-overdue.server";
import { getDispatchSection } from "~/models/street-dispatch.server";
import { listOverdueScreening, listStreetFigures } from "~/models/street.server";
import { thisMonthsDepartments } from "~/models/evaluation.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

const BUTTON = "inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100";

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({
    title: await pageTitle(args.request, [["street.title", { name: street }]]),
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    communities: listStreetFigures({ streetId: street.id }),
    overdueScreening: listOverdueScreening({ streetId: street.id }),
    // The street's loop (issue 19): overdue calls, what to dispatch, the latest calls.
    overdueCalls: listOverdueCalls({ streetId: street.id }),
    dispatch: getDispatchSection({ streetId: street.id }),
    evaluation: thisMonthsDepartments({ streetId: street.id }),
  });
}

/** 街道派单 (actions/calls-community.server.ts): the admin sends a department to a stalled task or an overdue topic. */
export async function action(args: ActionFunctionArgs) {
  const { street, user } = requireStreetAdmin(args, args.params.street);
  return handleDispatchAction({ request: args.request, streetId: street.id, streetSlug: street.slug, userId: user.id });
}

export default function StreetDashboard() {
  const { street, communities, overdueScreening, overdueCalls, dispatch, evaluation } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as DispatchRefusal | undefined;
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
          <Link to={`/s/${street.slug}/members`} className={BUTTON}>
            {t("members.link")}
          </Link>
          <Link to={`/s/${street.slug}/roster`} className={BUTTON}>
            {t("roster.nav")}
          </Link>
          <Link to={`/s/${street.slug}/communities`} className={BUTTON}>
            {t("streetCommunities.link")}
          </Link>
          <Link to={`/s/${street.slug}/calls`} className={BUTTON}>
            {t("callsCommunity.dashboard.callsLink")}
          </Link>
          <Link to={`/s/${street.slug}/departments`} className={BUTTON}>
            {t("departments.link")}
          </Link>
          <Link to={`/s/${street.slug}/evaluation`} className={BUTTON}>
            {t("evaluation.link")}
          </Link>
          <Link to={`/s/${street.slug}/hotline`} className={BUTTON}>
            {t("hotlineExport.link")}
          </Link>
        </div>
      </div>
      <Card title={t("callsCommunity.dashboard.overdueTitle")}>
        <OverdueCalls rows={overdueCalls} streetSlug={street.slug} />
      </Card>
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
      <DispatchCard tasks={dispatch.stalledTasks} topics={overdueScreening} departments={dispatch.departments} refusal={refused ?? null} />
      <Card title={t("callsCommunity.dashboard.recentTitle")}>
        <RecentCalls rows={dispatch.recentCalls} streetSlug={street.slug} />
      </Card>
      <Card title={t("evaluation.summaryTitle")}>
        <EvaluationSummary streetSlug={street.slug} month={evaluation.month} rows={evaluation.rows} />
      </Card>
    </main>
  );
}
