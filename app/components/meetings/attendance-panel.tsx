import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { meetingMay } from "~/workflow/meeting-lifecycle";
import { neededToOpen, quorumRule } from "./rule-words";
import { RosterMakeUp, type MakeUpData } from "./roster-make-up";
import type { MeetingData, ObserverEntry, QuorumResult, RosterEntry, RulesData, Viewer } from "./types";

const percent = (part: number, whole: number) => (whole ? Math.min(100, Math.round((part / whole) * 100)) : 0);

interface Props {
  meeting: MeetingData;
  quorum: QuorumResult | null;
  rules: RulesData;
  viewer: Viewer;
  mine: RosterEntry | null;
  makeUp: MakeUpData;
  observers: ObserverEntry[];
}

/** 签到与法定人数: present / members, whether the rules' quorum is met, the rule and its legal basis; the check-in button. */
export function AttendancePanel({ meeting, quorum, rules, viewer, mine, makeUp, observers }: Props) {
  const { t, i18n } = useTranslation();
  const { time } = useFormats();
  const mayCheckIn = meetingMay(meeting.status, "checkIn");
  return (
    <Card title={<span id="attendance">{t("meetings.attendance.title")}</span>}>
      <div className="space-y-3 text-sm" data-testid="attendance">
        <RosterMakeUp makeUp={makeUp} />
        {quorum ? (
          <>
            <div className="flex items-end gap-4">
              <p className="text-stone-600">
                <span className="block text-xs">{t("meetings.attendance.present")}</span>
                <span className="text-4xl font-bold tabular-nums text-stone-900" data-testid="present">
                  {quorum.present}
                </span>
                <span className="text-2xl tabular-nums text-stone-500"> / </span>
                <span className="text-2xl font-semibold tabular-nums text-stone-700" data-testid="members">
                  {quorum.members}
                </span>
              </p>
              <span
                className={`mb-1 rounded px-2 py-1 text-sm font-semibold ${quorum.met ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}
                data-testid="quorum"
                data-met={quorum.met ? "yes" : "no"}
              >
                {quorum.met ? `✓ ${t("meetings.attendance.met")}` : t("meetings.attendance.notMet")}
              </span>
            </div>
            <div className="relative h-2 rounded bg-stone-200" aria-hidden="true">
              <div className={`h-full rounded ${quorum.met ? "bg-green-600" : "bg-amber-500"}`} style={{ width: `${percent(quorum.present, quorum.members)}%` }} />
              {/* The line the roll call has to reach. */}
              <div className="absolute -top-1 h-4 w-0.5 bg-stone-700" style={{ left: `${percent(quorum.minimumPresent, quorum.members)}%` }} />
            </div>
            <p className="text-stone-700">{t("meetings.attendance.minimum", { needed: neededToOpen(t, i18n.language, quorum) })}</p>
          </>
        ) : meetingMay(meeting.status, "start") ? (
          <p className="text-stone-600">{t("meetings.attendance.notStarted")}</p>
        ) : null}
        <dl className="space-y-1 rounded-md bg-stone-50 p-3">
          <dt className="text-xs font-medium text-stone-500">{t("meetings.attendance.rule")}</dt>
          <dd className="font-medium text-stone-900" data-testid="quorum-rule">
            {quorumRule(t, i18n.language, rules.quorum)}
          </dd>
          <dt className="pt-1 text-xs font-medium text-stone-500">{t("meetings.attendance.basis")}</dt>
          <dd className="text-xs leading-relaxed text-stone-700" data-testid="basis">
            {i18n.language === "en" ? rules.basisEn : rules.basisZh}
          </dd>
        </dl>
        {mayCheckIn && viewer.isRepresentative && !viewer.onRoster ? <p className="text-stone-600">{t("meetings.attendance.notOnRoster")}</p> : null}
        {mayCheckIn && viewer.onRoster && !viewer.checkedIn ? (
          <Form method="post">
            <input type="hidden" name="intent" value="checkIn" />
            <Button className="w-full py-4 text-lg" data-testid="check-in">
              {t("meetings.attendance.checkIn")}
            </Button>
          </Form>
        ) : null}
        {observers.length ? (
          <p className="text-stone-700" data-testid="observers">
            {t("meetings.attendance.observers", { names: observers.map((o) => o.name).join("、"), count: observers.length })}
          </p>
        ) : null}
        {meetingMay(meeting.status, "observe") && viewer.mayObserve && !viewer.observing ? (
          <Form method="post">
            <input type="hidden" name="intent" value="observe" />
            <Button variant="secondary" className="w-full" data-testid="observe">
              {t("meetings.attendance.observe")}
            </Button>
            <p className="mt-1 text-xs text-stone-500">{t("meetings.attendance.observeHint")}</p>
          </Form>
        ) : null}
        {viewer.checkedIn && mine?.checkedInAt ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 font-medium text-green-800" data-testid="checked-in">
            ✓ {t("meetings.attendance.checkedInAt", { time: time.format(new Date(mine.checkedInAt)) })}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
