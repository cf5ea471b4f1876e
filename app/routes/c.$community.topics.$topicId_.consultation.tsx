import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FreezeCard } from "~/components/consultation/freeze-card";
import { MeetingForm } from "~/components/consultation/meeting-form";
import { MeetingList } from "~/components/consultation/meeting-list";
import { SolicitationSection } from "~/components/consultation/solicitation-section";
import { WaiverCard } from "~/components/consultation/waiver-card";
import { FrozenText } from "~/components/topic/frozen-text";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleConsultationAction } from "~/actions/consultation.server";
import { loadConsultationPage } from "~/models/consultation.server";
import { renderMarkdown } from "~/models/markdown.server";
import { getTopicForPage, parseTopicId } from "~/models/topic-page.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "consultation");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const params = new URL(args.request.url).searchParams;
  const page = loadConsultationPage({ communityId: community.id, topicId, userId: user.id, roles, verify: params.has("verify") }) ?? notFound();
  const notice = params.has("answered") ? "answered" : params.has("summarised") ? "summarised" : null;
  const title = await pageTitle(args.request, [["consultation.pageTitle", { number: page.topic.number, title: page.topic.title }]], community.kind);
  return json({ title, slug: community.slug, notice, ...page, draftHtml: page.draftText ? renderMarkdown(page.draftText) : "" } as const);
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "consultation");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  if (!getTopicForPage({ communityId: community.id, topicId })) notFound();
  return handleConsultationAction({ request: args.request, communityId: community.id, communitySlug: community.slug, topicId, userId: user.id, roles });
}

export default function ConsultationPage() {
  const { slug, notice, topic, consulting, solicitations, meetings, freeze, draftText, draftHtml, needsVote, freezeBlockers, waiver, may } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const resultOf = (intent: string) => (data?.intent === intent ? (data.result as SubmissionResult<string[]> | null) : null);
  const running = solicitations.some((s) => s.open);
  // Which refused forms show their errors: the open form until one runs, the answer form while one runs,
  // the meeting record. A refusal without its form (the summary's note has no message beside it) was of an out-of-date form.
  const freezing = may.freeze && draftText !== null;
  const shown: Record<string, boolean> = { open: may.open && !running, answer: may.answer && running, meeting: may.record, freeze: freezing, waive: may.waive };
  const stray = Boolean(data?.intent && data.result && !data.problem && !shown[data.intent]);
  // A freeze refused by a step gate lists what is missing inside the freeze card, not at the top.
  const refusedBlockers = data?.intent === "freeze" && "blockers" in data && Array.isArray(data.blockers) ? (data.blockers as string[]) : [];
  const topProblem = data?.problem && !(refusedBlockers.length && freezing) ? data.problem : null;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <Link to={`/c/${slug}/topics/${topic.id}`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
        ← {t("consultation.backToTopic")}
      </Link>
      <h1 className="break-words text-xl font-semibold text-stone-900">{t("consultation.pageTitle", { number: topic.number, title: topic.title })}</h1>
      {topProblem ? <Alert tone="error">{t(`consultation.problems.${topProblem}`)}</Alert> : null}
      {stray ? <Alert tone="error">{t("errors.altered")}</Alert> : null}
      {!consulting ? <Alert tone="info">{t("consultation.notConsulting")}</Alert> : null}
      {freeze ? <FrozenText freeze={freeze} /> : null}
      <SolicitationSection solicitations={solicitations} may={may} notice={notice} lastOpen={resultOf("open")} lastAnswer={resultOf("answer")} />
      <Card title={t("consultation.meetings.title")}>
        <div className="space-y-4">
          <MeetingList meetings={meetings} slug={slug} topicId={topic.id} />
          {may.record ? <MeetingForm lastResult={resultOf("meeting")} /> : null}
        </div>
      </Card>
      {waiver || may.waive ? <WaiverCard waiver={waiver} mayWaive={may.waive} lastResult={resultOf("waive")} /> : null}
      {freezing ? (
        <FreezeCard
          draftText={draftText ?? ""}
          draftHtml={draftHtml}
          needsVote={needsVote}
          blockers={freezeBlockers}
          slug={slug}
          topicId={topic.id}
          refusal={data?.intent === "freeze" ? { result: resultOf("freeze"), blockers: refusedBlockers } : null}
        />
      ) : null}
    </main>
  );
}
