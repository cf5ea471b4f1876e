import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { StageTimeline } from "~/components/stage-timeline";
import { COMMENTS_PART, CommentItems, CommentSection } from "~/components/topic/comment-section";
import { ConsultationLink } from "~/components/topic/consultation-link";
import { CorrectionForm } from "~/components/topic/correction-form";
import { COSIGNERS_PART, CosignPanel, CosignerChips } from "~/components/topic/cosign-panel";
import { DecisionCard } from "~/components/topic/decision-card";
import { FourTwoCard } from "~/components/topic/four-two-card";
import { AssemblyOnlyCard } from "~/components/powers/assembly-only-card";
import { DraftLink } from "~/components/topic/draft-link";
import { CompleteForm } from "~/components/execution/complete-form";
import { ExecutionLink } from "~/components/topic/execution-link";
import { FrozenText } from "~/components/topic/frozen-text";
import { MoveForms } from "~/components/topic/move-forms";
import { OwnersCard } from "~/components/topic/owners-card";
import { PartyReviewCard } from "~/components/topic/party-review-card";
import { RatingCard } from "~/components/topic/rating-card";
import { TopicBody } from "~/components/topic/topic-body";
import { TopicHeader } from "~/components/topic/topic-header";
import { TopicHistory } from "~/components/topic/topic-history";
import { CallsCard } from "~/components/calls/calls-card";
import type { CallRefusal } from "~/components/calls/types";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleTopicAction } from "~/actions/topic.server";
import { i18n } from "~/i18n/i18next.server";
import { i18nFor } from "~/i18n/instances.server";
import { getTopicCallsSection } from "~/models/calls-page.server";
import { getCompletionPanel } from "~/models/execution-view.server";
import { freezeBlockers, getFreeze } from "~/models/freeze.server";
import { getOwnersSection } from "~/models/owner-decision.server";
import { getPartyReviewSection } from "~/models/party-review.server";
import { getFourTwoSection } from "~/models/four-two-view.server";
import { getCorrectableResolution } from "~/models/resolution-correction.server";
import { renderAhead } from "~/pages/render-ahead.server";
import { getTimeZone } from "~/models/time-zone.server";
import { getTopicDecision } from "~/models/topic-decision.server";
import { getTopicPowers } from "~/models/powers-undo.server";
import { getTopicForPage, parseTopicId } from "~/models/topic-page.server";
import { loadTopicPage } from "~/pages/topic.server";

export const meta = titleMeta;

const CALL_POSTS = new Set(["sendCall", "answerCall", "withdrawCall", "redispatchCall"]);

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles, isStreetAdmin } = requireAccess(args, args.params.community, "topic");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const search = new URL(args.request.url).searchParams;
  const commentsBefore = parseTopicId(search.get("commentsBefore") ?? undefined) ?? undefined;
  const page = loadTopicPage({ communityId: community.id, topicId, userId: user.id, roles, commentsBefore }) ?? notFound();
  // The comments and co-signers are the same for every reader until a write: their markup too.
  const words = await i18nFor(await i18n.getLocale(args.request), community.kind);
  const { comments } = page.comments;
  const { cosigners } = page.cosign;
  const zone = getTimeZone(community.id);
  renderAhead(args.context, words, zone, {
    [COMMENTS_PART]: [comments, () => <CommentItems comments={comments} />],
    [COSIGNERS_PART]: [cosigners, () => <CosignerChips cosigners={cosigners} />],
  });
  const freeze = getFreeze({ communityId: community.id, topicId, verify: search.has("verify") });
  const decision = getTopicDecision({ communityId: community.id, topicId, roles });
  const partyReview = getPartyReviewSection({ communityId: community.id, topic: page.topic, roles });
  const owners = getOwnersSection({ communityId: community.id, topic: page.topic, roles });
  const fourTwo = getFourTwoSection({ communityId: community.id, topicId, roles });
  // 责令改正: only an admin of this community's street sees the form (orderCorrection checks again).
  const correctable = isStreetAdmin ? getCorrectableResolution({ communityId: community.id, topicId }) : null;
  // 报告完成: the execution page's form, with what the step gate finds missing, for those who may report it.
  const completion = getCompletionPanel({ communityId: community.id, topicId, userId: user.id, roles });
  // What 定稿 still needs, for the committee while the topic is in consultation (the freeze's own step gate).
  const stillNeeded = page.topic.state === "consulting" && roles.includes("committee") ? freezeBlockers(topicId) : [];
  // 撤销 / 变更 and Art. 28 matters: only an assembly may take the topic (powers-undo.server.ts).
  const powers = getTopicPowers({ communityId: community.id, topicId, kind: community.kind, roles, state: page.topic.state });
  // 部门响应 (issue 19): the topic's calls on the street's departments; ?task= preselects a task in the 吹哨 form.
  const calls = getTopicCallsSection({ communityId: community.id, topicId, roles });
  const callTask = parseTopicId(search.get("task") ?? undefined) ?? null;
  const title = await pageTitle(args.request, [{ text: `#${page.topic.number} ${page.topic.title}` }], community.kind);
  return json({ title, slug: community.slug, commentsBefore: commentsBefore ?? null, freeze, decision, partyReview, fourTwo, owners, correctable, completion, freezeBlockers: stillNeeded, powers, calls, callTask, ...page });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "topic");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  if (!getTopicForPage({ communityId: community.id, topicId })) notFound();
  return handleTopicAction({ request: args.request, communityId: community.id, communitySlug: community.slug, topicId, userId: user.id, roles });
}

export default function TopicPage() {
  const { slug, topic, events, marks, photos, cosign, comments, moves, commentsBefore, freeze, decision, partyReview, fourTwo, owners, correctable, completion, rating, life, freezeBlockers, powers, calls, callTask } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const result = (refused?.result ?? null) as SubmissionResult<string[]> | null;
  const cosignProblem = refused?.intent === "cosign" || refused?.intent === "withdrawCosign" ? refused.problem : null;
  const moveRefusal =
    refused?.intent === "move" && refused.action
      ? { action: refused.action, problem: refused.problem, blockers: "blockers" in refused ? (refused.blockers ?? []) : [], fieldErrors: result?.error ?? {} }
      : null;
  // A refused move without a form on this page (the state moved on, or it was never this person's) is said at the top.
  const strayRefusal = moveRefusal && !moves.some((m) => m.action === moveRefusal.action) ? (moveRefusal.problem ?? "unknownAction") : null;
  const objectionRefusal =
    refused && (refused.intent === "object" || refused.intent === "answerObjection")
      ? { intent: refused.intent, problem: refused.problem, objectionId: "objectionId" in refused ? refused.objectionId : null, fieldErrors: result?.error ?? {} }
      : null;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      {strayRefusal ? <Alert tone="error">{t(`topic.problems.${strayRefusal}`)}</Alert> : null}
      {objectionRefusal?.problem && !decision ? <Alert tone="error">{t(`resolutions.problems.${objectionRefusal.problem}`)}</Alert> : null}
      {/* A refused review, owners' result or correction whose section is not on this page is said at the top. */}
      {refused?.problem && refused.intent === "partyReview" && !partyReview ? <Alert tone="error">{t(`party.problems.${refused.problem}`)}</Alert> : null}
      {refused?.problem && refused.intent === "fourTwoStep" && !fourTwo ? <Alert tone="error">{t(`fourTwo.problems.${refused.problem}`)}</Alert> : null}
      {refused?.problem && refused.intent === "ownersDecision" && !owners ? <Alert tone="error">{t(`owners.problems.${refused.problem}`)}</Alert> : null}
      {refused?.problem && refused.intent === "orderCorrection" && !correctable ? <Alert tone="error">{t(`resolutions.correction.problems.${refused.problem}`)}</Alert> : null}
      <TopicHeader topic={topic} lastAction={events.at(-1)?.action} slug={slug} />
      <Card title={t("topic.timelineTitle")}>
        {/* English stage names are long: on a phone the timeline scrolls inside its card rather than overlap. */}
        <div className="overflow-x-auto">
          <div className={i18n.language === "en" ? "min-w-[34rem] sm:min-w-0" : undefined}>
            <StageTimeline current={topic.stage} closed={topic.state === "closed"} marks={marks} notes={fourTwo?.notes.map((n) => ({ stage: n.stage, at: n.at, label: t(`fourTwo.steps.${n.kind}`) }))} />
          </div>
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <DraftLink state={topic.state} slug={slug} topicId={topic.id} />
          <ExecutionLink state={topic.state} slug={slug} topicId={topic.id} />
          {completion ? <CompleteForm completion={completion} page={`/c/${slug}/topics/${topic.id}/execution`} /> : null}
          <TopicBody description={topic.description} photos={photos} number={topic.number} slug={slug} />
          {calls.calls.length || calls.mayAct ? <CallsCard section={calls} slug={slug} task={callTask} refusal={refused && CALL_POSTS.has(String(refused.intent)) ? (refused as CallRefusal) : null} /> : null}
          {rating ? <RatingCard rating={rating} refusal={refused?.intent === "rate" ? { problem: refused.problem, fieldErrors: result?.error ?? {} } : null} /> : null}
          {owners ? <OwnersCard owners={owners} refusal={refused?.intent === "ownersDecision" ? { problem: refused.problem, result } : null} /> : null}
          {fourTwo ? <FourTwoCard fourTwo={fourTwo} refusal={refused?.intent === "fourTwoStep" ? { problem: refused.problem, result } : null} /> : null}
          {partyReview ? <PartyReviewCard review={partyReview} refusal={refused?.intent === "partyReview" ? { problem: refused.problem, result } : null} /> : null}
          {powers ? <AssemblyOnlyCard powers={powers} slug={slug} topicId={topic.id} /> : null}
          {decision ? <DecisionCard decision={decision} slug={slug} refusal={objectionRefusal} /> : null}
          {correctable ? <CorrectionForm resolution={correctable} refusal={refused?.intent === "orderCorrection" ? { problem: refused.problem, result } : null} /> : null}
          {topic.state === "consulting" || freeze ? <ConsultationLink slug={slug} topicId={topic.id} freezeBlockers={freezeBlockers} /> : null}
          {freeze ? <FrozenText freeze={freeze} /> : null}
          {cosign.collecting || cosign.cosigners.length || cosignProblem ? <CosignPanel cosign={cosign} count={topic.cosignCount} problem={cosignProblem} /> : null}
          <CommentSection
            comments={comments.comments}
            total={comments.total}
            hasOlder={comments.hasOlder}
            olderPage={commentsBefore !== null}
            mayComment={comments.mayComment}
            lastResult={refused?.intent === "comment" ? result : null}
            refused={refused?.intent === "comment" && refused.problem === "notAllowed"}
          />
        </div>
        <div className="min-w-0 space-y-4">
          {moves.length ? <MoveForms moves={moves} refusal={moveRefusal} slug={slug} topicId={topic.id} /> : null}
          <TopicHistory groups={life} />
        </div>
      </div>
    </main>
  );
}
