import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Agenda } from "~/components/meetings/agenda";
import { AttendancePanel } from "~/components/meetings/attendance-panel";
import { ChairControls } from "~/components/meetings/chair-controls";
import { MeetingHeader } from "~/components/meetings/meeting-header";
import { Roster } from "~/components/meetings/roster";
import { useLiveMeeting } from "~/components/meetings/use-live-meeting";
import { VotingNow } from "~/components/meetings/voting-now";
import { Alert } from "~/components/ui/alert";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleMeetingAction } from "~/actions/meeting.server";
import { renderMarkdown } from "~/models/markdown.server";
import { getMeetingView } from "~/models/meeting-view.server";
import { opensEarly } from "~/models/meeting-session.server";
import { listTableableTopics } from "~/models/meeting-list.server";
import { parseTopicId as parseRecordId } from "~/models/topic-page.server";
import { meetingMay } from "~/workflow/meeting-lifecycle";
import { noticeDays, sitsOnRoster } from "~/workflow/meetings";
import { motionMay } from "~/workflow/motion-lifecycle";
import { partyReviewGates } from "~/models/party-review.server";
import { fourTwoGates } from "~/models/four-two.server";
import { partyReviewArticleOf } from "~/workflow/party-review";
import { citeArticle } from "~/workflow/rule-packs";
import { powersArticles } from "~/workflow/powers";
import { meetingTablingBlock } from "~/models/powers-matters.server";
import { mayKeepDoor } from "~/models/assembly-door.server";
import { RollCount } from "~/components/assembly/roll-count";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meeting");
  // Anything but a plain positive number is 404, and so is a meeting of another community.
  const meetingId = parseRecordId(args.params.meetingId) ?? notFound();
  const view = getMeetingView({ communityId: community.id, meetingId, forUserId: user.id }) ?? notFound();
  const { meeting, rules, quorum, roster, agenda, me, observers, makeUp, assembly } = view;
  const isConvener = roles.includes("convener");
  const voted = parseRecordId(new URL(args.request.url).searchParams.get("voted") ?? undefined);
  // 重要事项 waiting for the party organisation's review: its open-vote button says why it is disabled.
  const partyArticle = partyReviewArticleOf(rules.pack);
  const partyGates = partyReviewGates({ communityId: community.id, topicIds: agenda.filter((m) => motionMay(m.status, "open")).map((m) => m.topicId) });
  // 四议两公开 (villages): the same disabled button, with why, until the three deliberations agreed.
  const fourTwo = fourTwoGates({ communityId: community.id, topicIds: agenda.filter((m) => motionMay(m.status, "open")).map((m) => m.topicId) });
  return json({
    title: await pageTitle(args.request, [{ text: meeting.title }, [meeting.body === "assembly" ? "assembly.numbered" : "meetingRecords.meetingNumber", { number: meeting.number }]], community.kind),
    slug: community.slug,
    meeting,
    rules,
    quorum,
    // The roster is the convener's tool; others only need their own line.
    roster: isConvener ? roster : roster.filter((p) => p.userId === user.id),
    agenda: agenda.map((m) => {
      const problem = fourTwo.get(m.topicId)?.problem ?? partyGates.get(m.topicId) ?? null;
      return { ...m, html: renderMarkdown(m.text), partyBlock: problem ? { problem, article: partyArticle } : null };
    }),
    partyArticle,
    // The assembly (issue 17): its roll in figures, and whether this person keeps the door.
    assembly,
    keepsDoor: mayKeepDoor(roles),
    viewer: {
      isConvener,
      isRepresentative: sitsOnRoster(roles),
      onRoster: me.onRoster,
      checkedIn: me.checkedIn,
      // 列席: a supervisor may attend (never counted); whether they have registered.
      mayObserve: roles.includes("supervisor") && !me.onRoster,
      observing: observers.some((o) => o.userId === user.id),
    },
    observers: observers.map(({ userId, name, checkedInAt }) => ({ userId, name, checkedInAt })),
    makeUp,
    noticeGiven: noticeDays(meeting.createdAt, meeting.scheduledAt),
    // On the server's clock: opening now would be before the announced time (the start form asks to confirm it).
    opensEarlyNow: meetingMay(meeting.status, "start") && opensEarly(meeting),
    // A topic only an assembly may take is listed with the reason (powers-matters.server.ts); tableMotion refuses it again.
    tableable:
      isConvener && meetingMay(meeting.status, "editAgenda")
        ? listTableableTopics({ communityId: community.id }).map((topic) => ({ ...topic, block: meetingTablingBlock({ communityId: community.id, topicId: topic.id, meeting }) }))
        : null,
    votedMotionId: voted,
    userId: user.id,
    kind: community.kind,
  });
}

// Posts skip the page's view (a vote storm should cost a ballot, not a page): every model looks the
// meeting up within this community itself and answers another community's or a missing one with 404.
export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meeting");
  const meetingId = parseRecordId(args.params.meetingId) ?? notFound();
  return handleMeetingAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles, meetingId });
}

export default function MeetingPage() {
  const { slug, meeting, rules, quorum, roster, agenda, viewer, noticeGiven, opensEarlyNow, tableable, votedMotionId, userId, partyArticle, observers, makeUp, kind, assembly, keepsDoor } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const resultOf = (intent: string) => (data?.intent === intent ? (data.result as SubmissionResult<string[]> | null) : null);
  const inSession = meeting.status === "inSession";
  useLiveMeeting(inSession, `/c/${slug}/meetings/${meeting.id}/events`);
  const voting = agenda.find((m) => m.status === "voting");
  // Only the chair's forms (table, cancel) have fields to refuse; once the meeting started, a refusal of one was of an out-of-date form.
  const stray = Boolean(data?.result && !data.problem && !(viewer.isConvener && meetingMay(meeting.status, "editAgenda")));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <Link to={`/c/${slug}/meetings`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
        ← {t("meetings.page.back")}
      </Link>
      {data?.problem ? <Alert tone="error">{t(`meetings.problems.${data.problem}`, { article: citeArticle(partyArticle, i18n.language === "en" ? "en" : "zh-CN"), ...powersArticles(kind, i18n.language === "en" ? "en" : "zh-CN") })}</Alert> : null}
      {stray ? <Alert tone="error">{t("errors.altered")}</Alert> : null}
      <MeetingHeader meeting={meeting} slug={slug} noticeGiven={noticeGiven} lapsed={agenda.filter((m) => m.status === "lapsed").length} overdue={meetingMay(meeting.status, "start") && !opensEarlyNow} />
      {inSession ? <p className="text-xs text-stone-500">{t("meetings.page.live")}</p> : null}
      {voting && !assembly ? <VotingNow motion={voting} viewer={viewer} /> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <aside className="min-w-0 space-y-4 lg:col-start-3 lg:row-start-1">
          {assembly ? (
            <section className="space-y-2" id="attendance" aria-label={t("assembly.roll.title")}>
              <RollCount assembly={assembly} quorum={quorum} />
              {keepsDoor && inSession ? (
                <Link to={`/c/${slug}/meetings/${meeting.id}/door`} className="flex min-h-[52px] items-center justify-center rounded-md bg-hall-600 px-4 text-lg font-medium text-white" data-testid="door-link">
                  {t("assembly.roll.door")}
                </Link>
              ) : null}
            </section>
          ) : (
            <AttendancePanel meeting={meeting} quorum={quorum} rules={rules} viewer={viewer} mine={roster.find((p) => p.userId === userId) ?? null} makeUp={makeUp} observers={observers} />
          )}
          {viewer.isConvener ? <ChairControls status={meeting.status} lastCancel={resultOf("cancel")} early={opensEarlyNow} scheduledAt={meeting.scheduledAt} /> : null}
        </aside>
        <div className="min-w-0 space-y-4 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <Agenda
            agenda={agenda}
            meetingStatus={meeting.status}
            slug={slug}
            viewer={viewer}
            present={quorum?.present ?? 0}
            roster={roster}
            tableable={tableable}
            lastTable={resultOf("table")}
            votedMotionId={votedMotionId}
            countedByHand={assembly !== null}
          />
          {viewer.isConvener && inSession && !assembly ? <Roster roster={roster} /> : null}
        </div>
      </div>
    </main>
  );
}
