import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingList } from "~/components/meetings/meeting-list";
import { RequestForm } from "~/components/meetings/request-form";
import { RequestList } from "~/components/meetings/request-list";
import { AssemblyRequestPanel } from "~/components/powers/assembly-requests";
import { assemblyRequestView } from "~/models/assembly-request.server";
import { RosterMakeUp } from "~/components/meetings/roster-make-up";
import { DutiesPanel } from "~/components/duties/duties-panel";
import { ScheduleForm } from "~/components/meetings/schedule-form";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { handleMeetingsAction } from "~/actions/meeting.server";
import { listMeetingRequests } from "~/models/meeting-request.server";
import { listMeetingGroups } from "~/models/meeting-list.server";
import { now } from "~/models/clock.server";
import { getRosterMakeUp } from "~/models/meeting.server";
import { getCommunityDuties } from "~/models/duties.server";
import { getRules } from "~/models/rules.server";
import { parseTopicId as parseRecordId } from "~/models/topic-page.server";
import { requestMay } from "~/workflow/meeting-lifecycle";
import { ASSEMBLY_RULES } from "~/workflow/assembly";
import { citeArticle } from "~/workflow/rule-packs";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meetings");
  const groups = listMeetingGroups({ communityId: community.id });
  const card = ({ id, number, title, place, scheduledAt, status, shortNotice, motions, body }: (typeof groups.past)[number]) => ({ id, number, title, place, scheduledAt, status, shortNotice, motions, body });
  const { threshold, requests } = listMeetingRequests({ communityId: community.id, userId: user.id });
  return json({
    title: await pageTitle(args.request, [["meetings.listTitle"], community], community.kind),
    slug: community.slug,
    // Upcoming soonest first; overdue (time passed, never opened) and past ones most recent first.
    upcoming: groups.upcoming.map(card),
    overdue: groups.overdue.map(card),
    past: groups.past.map(card),
    // The server's clock decides short notice: the schedule form reads it, not the browser's.
    serverNow: now().getTime(),
    threshold,
    requests,
    noticeDaysRequired: getRules({ communityId: community.id })?.meetingNoticeDays ?? 0,
    // The assembly's notice and its article, by the community's kind (issue 17).
    assemblyNotice: { noticeDays: ASSEMBLY_RULES[community.kind === "village" ? "village" : "urban"].noticeDays, convene: ASSEMBLY_RULES[community.kind === "village" ? "village" : "urban"].articles.convene },
    answering: parseRecordId(new URL(args.request.url).searchParams.get("answer") ?? undefined),
    isConvener: roles.includes("convener"),
    // Who a meeting scheduled now would count: the convener sees the make-up before calling it.
    makeUp: roles.includes("convener") ? getRosterMakeUp({ communityId: community.id }) : null,
    isRepresentative: roles.includes("representative"),
    // The meetings and the 民主评议 the law asks for this period, and any overdue (issue 17).
    kind: community.kind,
    duties: getCommunityDuties({ communityId: community.id }),
    isCommittee: roles.includes("committee"),
    // 提议召开村(居)民会议: the shares on today's register and each assembly request's counts (no names).
    assembly: assemblyRequestView({ communityId: community.id, requestIds: requests.filter((r) => r.body === "assembly").map((r) => r.id) }),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meetings");
  return handleMeetingsAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles });
}

export default function MeetingsPage() {
  const { slug, upcoming, overdue, past, serverNow, threshold, requests, noticeDaysRequired, answering, isConvener, isRepresentative, isCommittee, makeUp, kind, duties, assembly, assemblyNotice } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const resultOf = (intent: string) => (data?.intent === intent ? (data.result as SubmissionResult<string[]> | null) : null);
  const refusedShort = data?.intent === "schedule" && data.problem === "shortNotice";
  const pending = requests.filter((r) => requestMay(r.status, "answer"));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-stone-900">{t("meetings.listTitle")}</h1>
        <p className="max-w-3xl text-sm text-stone-600">{t("meetings.listIntro")}</p>
      </header>
      {data?.problem ? (
        <Alert tone="error">
          {t(`meetings.problems.${data.problem}`)}
          {refusedShort ? (
            <a href="#schedule" className="ml-2 font-medium">
              {t("meetings.schedule.confirmBelow")}
            </a>
          ) : null}
        </Alert>
      ) : null}
      {isConvener && pending.length ? <Alert tone="info">{t("meetings.requests.pendingForConvener")}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t("meetings.upcoming")}>
            <MeetingList meetings={upcoming} slug={slug} empty={t("meetings.noneUpcoming")} />
          </Card>
          {overdue.length ? (
            <Card title={t("meetings.overdue")}>
              <div className="space-y-2" data-testid="overdue-meetings">
                <p className="text-xs text-stone-500">{t("meetings.overdueHint")}</p>
                <MeetingList meetings={overdue} slug={slug} empty="" overdue />
              </div>
            </Card>
          ) : null}
          <Card title={t("meetings.past")}>
            <MeetingList meetings={past} slug={slug} empty={t("meetings.none")} />
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          {isConvener ? (
            <Card title={<span id="schedule">{t("meetings.schedule.title")}</span>}>
              {makeUp ? <RosterMakeUp makeUp={makeUp} /> : null}
              <ScheduleForm lastResult={resultOf("schedule")} refusedShort={refusedShort} serverNow={serverNow} noticeDaysRequired={noticeDaysRequired} pendingRequests={pending} answering={answering} assembly={{ noticeDays: assemblyNotice.noticeDays, article: citeArticle(assemblyNotice.convene, i18n.language === "en" ? "en" : "zh-CN") }} />
            </Card>
          ) : null}
          <Card title={t("duties.title")}>
            <DutiesPanel duties={duties} kind={kind} />
          </Card>
          <Card title={t("meetings.requests.title")}>
            <div className="space-y-4">
              <p className="text-xs text-stone-500">{t("meetings.requests.intro")}</p>
              <RequestList requests={requests} threshold={threshold} slug={slug} mayAnswer={isConvener} maySign={isRepresentative} assembly={assembly} />
              {isRepresentative ? <RequestForm lastResult={resultOf("request")} /> : null}
            </div>
          </Card>
          <Card title={t("powers.requests.title")}>
            <AssemblyRequestPanel
              shares={assembly.shares}
              collecting={requests.filter((r) => r.body === "assembly" && requestMay(r.status, "petition")).map(({ id, reason }) => ({ id, reason }))}
              isRepresentative={isRepresentative}
              isCommittee={isCommittee}
              problem={data && "powersProblem" in data && data.powersProblem ? { key: data.powersProblem, lines: "lines" in data ? (data.lines as string[]) : [] } : null}
            />
          </Card>
        </div>
      </div>
    </main>
  );
}
