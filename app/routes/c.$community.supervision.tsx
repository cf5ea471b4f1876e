import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CommunityCharts } from "~/components/dashboard/community-charts";
import { TopicWatch } from "~/components/supervision/topic-watch";
import { VerifyEntry } from "~/components/supervision/verify-queue";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { PageStyle, PrintButton, printCss } from "~/components/ui/print";
import { requireAccess } from "~/auth/guards.server";
import { handleSupervisionAction } from "~/actions/supervision.server";
import { getCommunityDashboard } from "~/models/dashboard.server";
import { getSupervisionPage } from "~/models/supervision-page.server";
import { formatSize, uploadMaxBytes } from "~/models/upload.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, roles } = requireAccess(args, args.params.community, "supervision");
  const page = getSupervisionPage({ communityId: community.id });
  return json({
    title: await pageTitle(args.request, [["supervision.title"], community], community.kind),
    slug: community.slug,
    ...page,
    figures: getCommunityDashboard({ communityId: community.id }),
    canVerify: roles.includes("supervisor"),
    sizeLabel: formatSize(uploadMaxBytes()),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "supervision");
  return handleSupervisionAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles });
}

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null } | null;

export default function SupervisionPage() {
  const { slug, topics, queue, thresholdPct, stalledDays, figures, canVerify, sizeLabel } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const reply = (data?.result ?? null) as Reply;
  // A refused check whose topic has no form on the page (verified and closed meanwhile, or not of this page) was out of date.
  const stray = Boolean(reply && !data?.problem && !(canVerify && queue.some((entry) => entry.round && String(entry.topicId) === String(reply.initialValue?.topicId))));
  const errorsFor = (topicId: number) => (reply && String(reply.initialValue?.topicId) === String(topicId) ? ((reply.error ?? {}) as Record<string, string[] | undefined>) : {});
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <PageStyle css={printCss("supervision")} />
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold text-stone-900">{t("supervision.title")}</h1>
          <p className="max-w-3xl text-sm text-stone-600">{t("supervision.intro")}</p>
        </div>
        <span className="no-print">
          <PrintButton label={t("supervision.print")} />
        </span>
      </header>
      {data?.problem ? <Alert tone="error">{t(`supervision.problems.${data.problem}`)}</Alert> : null}
      {stray ? <Alert tone="error">{t("errors.altered")}</Alert> : null}
      <Card title={t("supervision.overview")}>
        <CommunityCharts figures={figures} thresholdPct={thresholdPct} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-5">
        <section className="min-w-0 space-y-3 lg:col-span-3" aria-labelledby="watch-title">
          <h2 id="watch-title" className="text-lg font-semibold text-stone-900">
            {t("supervision.watchTitle")}
          </h2>
          <p className="text-xs text-stone-500">{t("supervision.stalledRule", { count: stalledDays })}</p>
          {topics.length ? topics.map((topic) => <TopicWatch key={topic.id} slug={slug} topic={topic} />) : <p className="text-sm text-stone-600">{t("supervision.watchNone")}</p>}
        </section>
        <section className="min-w-0 space-y-3 lg:col-span-2" aria-labelledby="queue-title">
          <h2 id="queue-title" className="text-lg font-semibold text-stone-900">
            {t("supervision.queue.title")}
          </h2>
          <p className="text-xs text-stone-500">{t("supervision.queue.intro")}</p>
          {queue.length ? (
            queue.map((entry) => <VerifyEntry key={entry.topicId} slug={slug} entry={entry} thresholdPct={thresholdPct} canVerify={canVerify} sizeLabel={sizeLabel} errors={errorsFor(entry.topicId)} />)
          ) : (
            <p className="text-sm text-stone-600">{t("supervision.queue.none")}</p>
          )}
        </section>
      </div>
    </main>
  );
}
