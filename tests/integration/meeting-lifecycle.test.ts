// The lifecycle tables (app/workflow/meeting-lifecycle.ts, motion-lifecycle.ts) against the models on a
// real database: every move and act is tried on a meeting, motion and request in every status, and the
// model refuses for the status exactly where the table does, in the table's words.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { meetingRequests, meetings, motions } from "../../db/schema";
import { DAY_MS } from "~/models/clock.server";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { tableMotion, withdrawMotion } from "~/models/meeting-agenda.server";
import { attendAsObserver, checkIn } from "~/models/meeting-attendance.server";
import { createMeetingRequest, signMeetingRequest } from "~/models/meeting-request.server";
import { scheduleMeeting, type MeetingProblem, type MeetingResult } from "~/models/meeting.server";
import { cancelMeeting, endMeeting, startMeeting } from "~/models/meeting-session.server";
import { refusal } from "~/workflow/lifecycle";
import { MEETING_LIFECYCLE, MEETING_REQUEST_LIFECYCLE, meetingMay, type MeetingAct, type MeetingAction } from "~/workflow/meeting-lifecycle";
import type { MeetingRequestStatus, MeetingStatus, MotionStatus } from "~/workflow/meetings";
import { MOTION_LIFECYCLE, motionRefusal } from "~/workflow/motion-lifecycle";
import { agendaTopic, convener, must, representative } from "./support/meeting";
import { communityId, userId } from "./support/db";

const problemOf = (result: MeetingResult) => (result.ok ? null : result.problem);
const chair = () => convener();
const later = (days: number) => new Date(Date.now() + days * DAY_MS);

/** A meeting of mingyue with one motion, brought to `status`; in session with 14 of the 15 representatives checked in (the quorum). */
function meetingIn(status: MeetingStatus) {
  const { id } = must(scheduleMeeting({ ...chair(), title: "生命周期测试", place: "社区议事厅", scheduledAt: later(7), requestId: null, acceptShortNotice: true }));
  const { id: motionId } = must(tableMotion({ ...chair(), meetingId: id, topicId: agendaTopic(), secret: false, onFail: "close" }));
  if (status === "cancelled") must(cancelMeeting({ ...chair(), meetingId: id, reason: "改期" }));
  if (status === "inSession" || status === "ended" || status === "inquorate") must(startMeeting({ ...chair(), meetingId: id, early: true }));
  if (status === "inSession" || status === "ended") for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId: id }));
  if (status === "ended" || status === "inquorate") must(endMeeting({ ...chair(), meetingId: id }));
  expect(getDb().select({ status: meetings.status }).from(meetings).where(eq(meetings.id, id)).get()!.status).toBe(status);
  return { id, motionId };
}

const supervisor = () => ({ communityId: communityId("mingyue"), userId: userId("supervisor1"), roles: ["supervisor"] as const });

/** Each of the meeting's moves and acts, made through its model function. */
const MEETING_TRIES: Record<MeetingAction | MeetingAct, ((m: { id: number; motionId: number }) => MeetingResult) | null> = {
  schedule: null, // creates the meeting: no status to start from
  start: (m) => startMeeting({ ...chair(), meetingId: m.id, early: true }),
  end: (m) => endMeeting({ ...chair(), meetingId: m.id }),
  endInquorate: null, // the same request as `end`: the model chooses by the quorum
  cancel: (m) => cancelMeeting({ ...chair(), meetingId: m.id, reason: "改期" }),
  editAgenda: (m) => withdrawMotion({ ...chair(), meetingId: m.id, motionId: m.motionId }),
  checkIn: (m) => checkIn({ ...representative(15), meetingId: m.id }),
  observe: (m) => attendAsObserver({ ...supervisor(), meetingId: m.id }),
  vote: (m) => openVote({ ...chair(), meetingId: m.id, motionId: m.motionId }),
};

describe("the meeting lifecycle and the models", () => {
  for (const status of MEETING_LIFECYCLE.statuses) {
    for (const [what, attempt] of Object.entries(MEETING_TRIES) as Array<[MeetingAction | MeetingAct, (typeof MEETING_TRIES)[MeetingAction]]>) {
      if (!attempt) continue;
      const allowedByTable = meetingMay(status, what) || (what === "end" && meetingMay(status, "endInquorate"));
      it(`${allowedByTable ? "allows" : "refuses"} ${what} in a meeting ${status}`, () => {
        const problem = problemOf(attempt(meetingIn(status)));
        if (allowedByTable) expect(problem).toBeNull();
        else expect(problem).toBe(refusal(MEETING_LIFECYCLE, status, what));
      });
    }
  }

  it("tables a motion only while the agenda is open (a topic not ready is refused for itself, not the status)", () => {
    for (const status of MEETING_LIFECYCLE.statuses.filter((s) => s !== "scheduled")) {
      expect(problemOf(tableMotion({ ...chair(), meetingId: meetingIn(status).id, topicId: agendaTopic(), secret: false, onFail: "close" })), status).toBe("wrongStatus");
    }
    expect(problemOf(tableMotion({ ...chair(), meetingId: meetingIn("scheduled").id, topicId: agendaTopic(), secret: false, onFail: "close" }))).toBeNull();
  });
});

/** A motion in `status`, on a meeting in session (pending, voting, closed) or ended (lapsed). */
function motionIn(status: MotionStatus) {
  const m = meetingIn(status === "lapsed" ? "ended" : "inSession");
  if (status === "lapsed") return m;
  if (status !== "pending") must(openVote({ ...chair(), meetingId: m.id, motionId: m.motionId }));
  if (status === "closed") must(closeVote({ ...chair(), meetingId: m.id, motionId: m.motionId }));
  expect(getDb().select({ status: motions.status }).from(motions).where(eq(motions.id, m.motionId)).get()!.status).toBe(status);
  return m;
}

const ballot = (m: { id: number; motionId: number }) => castBallot({ ...representative(1), meetingId: m.id, motionId: m.motionId, choice: "yes" });

describe("the motion lifecycle and the models", () => {
  for (const status of MOTION_LIFECYCLE.statuses) {
    const meetingStatus: MeetingStatus = status === "lapsed" ? "ended" : "inSession";
    it(`opens, closes and takes ballots on a motion ${status} as the table says`, () => {
      // Opening asks the meeting first (it must allow votes), then the motion.
      const open = problemOf(openVote({ ...chair(), ...ids(motionIn(status)) }));
      expect(open).toBe(meetingMay(meetingStatus, "vote") ? motionRefusal(status, "open") : "wrongStatus");
      expect(problemOf(closeVote({ ...chair(), ...ids(motionIn(status)) }))).toBe(motionRefusal(status, "close"));
      expect(problemOf(ballot(motionIn(status)))).toBe(motionRefusal(status, "vote"));
    });
  }

  it("withdraws a pending motion only while its meeting's agenda is open", () => {
    const scheduled = meetingIn("scheduled");
    expect(problemOf(withdrawMotion({ ...chair(), meetingId: scheduled.id, motionId: scheduled.motionId }))).toBeNull();
    for (const status of ["pending", "voting", "closed"] as const) {
      const m = motionIn(status);
      expect(problemOf(withdrawMotion({ ...chair(), meetingId: m.id, motionId: m.motionId })), status).toBe("wrongStatus");
    }
  });

  // Found when the table was written (issue 16): the ballot model took a ballot on a lapsed motion (a
  // ballot row and a ledger entry never counted); it now asks the table like every other move.
  it("refuses a ballot on a lapsed motion (its meeting ended before the vote opened), as the lifecycle does", () => {
    expect(motionRefusal("lapsed", "vote")).toBe("votingClosed");
    expect(problemOf(ballot(motionIn("lapsed")))).toBe("votingClosed");
  });
});

const ids = (m: { id: number; motionId: number }) => ({ meetingId: m.id, motionId: m.motionId });

describe("who may act", () => {
  it("refuses the convener's moves to a representative, as the tables name only the convener", () => {
    const rep = representative(1);
    const scheduled = meetingIn("scheduled");
    const sitting = motionIn("voting");
    const tries: Array<[string, () => MeetingResult]> = [
      ["schedule", () => scheduleMeeting({ ...rep, title: "代表自行召集", place: "议事厅", scheduledAt: later(9), requestId: null, acceptShortNotice: true })],
      ["start", () => startMeeting({ ...rep, meetingId: scheduled.id, early: true })],
      ["cancel", () => cancelMeeting({ ...rep, meetingId: scheduled.id, reason: "改期" })],
      ["end", () => endMeeting({ ...rep, meetingId: sitting.id })],
      ["table", () => tableMotion({ ...rep, meetingId: scheduled.id, topicId: agendaTopic(), secret: false, onFail: "close" })],
      ["withdraw", () => withdrawMotion({ ...rep, ...ids(scheduled) })],
      ["open", () => openVote({ ...rep, ...ids(sitting) })],
      ["close", () => closeVote({ ...rep, ...ids(sitting) })],
    ];
    for (const [action, attempt] of tries) {
      const move = [...MEETING_LIFECYCLE.moves, ...MOTION_LIFECYCLE.moves].find((m) => m.action === action)!;
      expect(move.by, action).toEqual(["convener"]);
      expect(problemOf(attempt()), action).toBe("wrongRole");
    }
    // The representative may do what the tables give them: sign a request, take part in a vote.
    expect(MEETING_REQUEST_LIFECYCLE.acts.sign.by).toContain("representative");
    expect(MOTION_LIFECYCLE.acts.vote.by).toContain("representative");
    expect(problemOf(ballot(sitting))).toBeNull();
  });
});

/** A request of mingyue's representatives brought to `status` (3 of 15 signatures make it pending). */
function requestIn(status: MeetingRequestStatus) {
  const { id } = must(createMeetingRequest({ ...representative(1), reason: "生命周期测试的提议" }));
  if (status !== "collecting") for (const n of [2, 3]) must(signMeetingRequest({ ...representative(n), requestId: id }));
  if (status === "answered") must(scheduleMeeting({ ...chair(), title: "应提议召开", place: "议事厅", scheduledAt: later(8), requestId: id, acceptShortNotice: true }));
  expect(getDb().select({ status: meetingRequests.status }).from(meetingRequests).where(eq(meetingRequests.id, id)).get()!.status).toBe(status);
  return id;
}

describe("the meeting request lifecycle and the models", () => {
  for (const status of MEETING_REQUEST_LIFECYCLE.statuses) {
    it(`signs and answers a request ${status} as the table says`, () => {
      expect(problemOf(signMeetingRequest({ ...representative(4), requestId: requestIn(status) }))).toBe(refusal(MEETING_REQUEST_LIFECYCLE, status, "sign"));
      const answered = scheduleMeeting({ ...chair(), title: "应提议召开", place: "议事厅", scheduledAt: later(8), requestId: requestIn(status), acceptShortNotice: true });
      expect(problemOf(answered)).toBe(refusal(MEETING_REQUEST_LIFECYCLE, status, "answer") as MeetingProblem | null);
    });
  }
});
