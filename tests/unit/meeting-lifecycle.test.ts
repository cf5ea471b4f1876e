import { describe, expect, it } from "vitest";
import { allowed, isOver, nextStatus, refusal, type Actor, type Lifecycle } from "~/workflow/lifecycle";
import { MEETING_ACTIONS, MEETING_ACTS, MEETING_LIFECYCLE, MEETING_REQUEST_ACTIONS, MEETING_REQUEST_ACTS, MEETING_REQUEST_LIFECYCLE, meetingMay, meetingOver, nextMeetingStatus } from "~/workflow/meeting-lifecycle";
import { CORRECTABLE_STATUSES, LAPSING_MOTION_STATUSES, LIVE_MOTION_STATUSES, MOTION_ACTIONS, MOTION_ACTS, MOTION_LIFECYCLE, motionRefusal, RESOLUTION_ACTIONS, RESOLUTION_ACTS, RESOLUTION_LIFECYCLE } from "~/workflow/motion-lifecycle";
import { ROLES } from "~/workflow/roles";

const ACTORS: Actor[] = [...ROLES, "system", "street"];

const LIFECYCLES: Array<[string, Lifecycle<string, string, string, string>, readonly string[], readonly string[]]> = [
  ["meeting", MEETING_LIFECYCLE, MEETING_ACTIONS, MEETING_ACTS],
  ["meeting request", MEETING_REQUEST_LIFECYCLE, MEETING_REQUEST_ACTIONS, MEETING_REQUEST_ACTS],
  ["motion", MOTION_LIFECYCLE, MOTION_ACTIONS, MOTION_ACTS],
  ["resolution", RESOLUTION_LIFECYCLE, RESOLUTION_ACTIONS, RESOLUTION_ACTS],
];

describe.each(LIFECYCLES)("the %s lifecycle", (_name, lifecycle, actions, acts) => {
  const { statuses, terminal, moves } = lifecycle;
  const live = statuses.filter((s) => !terminal.includes(s));

  it("uses every action once, no act shares a move's name, and only known statuses", () => {
    expect(moves.map((m) => m.action)).toEqual([...actions]);
    expect(Object.keys(lifecycle.acts)).toEqual([...acts]);
    for (const act of acts) expect(actions).not.toContain(act);
    for (const m of moves) for (const s of [...m.from, ...(m.to ? [m.to] : [])]) expect(statuses, m.action).toContain(s);
    for (const s of [...terminal, ...(lifecycle.legacy ?? [])]) expect(statuses).toContain(s);
  });

  it("never leaves a terminal status", () => {
    for (const m of moves) for (const from of m.from) expect(isOver(lifecycle, from), `${m.action} from ${from}`).toBe(false);
  });

  it("lets every live status be left", () => {
    for (const status of live) expect(moves.some((m) => m.from.includes(status)), `leave ${status}`).toBe(true);
  });

  it("reaches every status from the record's creation, except the legacy ones", () => {
    const created = moves.filter((m) => m.from.length === 0);
    expect(created).toHaveLength(1);
    const reached = new Set<string>();
    const frontier = created.map((m) => m.to!);
    while (frontier.length) {
      const status = frontier.pop()!;
      if (reached.has(status)) continue;
      reached.add(status);
      for (const m of moves) if (m.from.includes(status) && m.to) frontier.push(m.to);
    }
    for (const status of statuses) expect(reached.has(status) || (lifecycle.legacy ?? []).includes(status), `reach ${status}`).toBe(true);
    for (const status of lifecycle.legacy ?? []) expect(reached.has(status), `legacy ${status}`).toBe(false);
  });

  it("names who may make every move and do every act, among the community's roles, the system and the street", () => {
    for (const rule of [...moves, ...Object.values(lifecycle.acts)]) {
      expect(rule.by.length).toBeGreaterThan(0);
      for (const actor of rule.by) expect(ACTORS).toContain(actor);
    }
  });

  it("allows acts only while the record lives", () => {
    for (const [act, rule] of Object.entries(lifecycle.acts)) {
      expect(rule.in.length, act).toBeGreaterThan(0);
      for (const status of rule.in) expect(terminal, `${act} in ${status}`).not.toContain(status);
    }
  });

  it("gives a refusal for a status exactly where the move or act is not allowed", () => {
    for (const what of [...actions, ...acts]) {
      for (const status of statuses) {
        expect(refusal(lifecycle, status, what) === null, `${what} in ${status}`).toBe(allowed(lifecycle, status, what));
      }
    }
    for (const m of moves) for (const status of Object.keys(m.refusals ?? {})) expect(m.from, `${m.action} refuses ${status}`).not.toContain(status);
  });

  it("leads each move to its status from every status it starts at, and nowhere from the others", () => {
    for (const m of moves) {
      if (m.from.length === 0) expect(nextStatus(lifecycle, null, m.action)).toBe(m.to);
      else expect(() => nextStatus(lifecycle, null, m.action)).toThrow();
      for (const status of statuses) {
        if (m.from.includes(status)) expect(nextStatus(lifecycle, status, m.action)).toBe(m.to);
        else expect(() => nextStatus(lifecycle, status, m.action), `${m.action} from ${status}`).toThrow();
      }
    }
  });
});

describe("what the tables say", () => {
  it("edits the agenda only before the session, and checks in, attends and votes only in it", () => {
    for (const status of MEETING_LIFECYCLE.statuses) {
      expect(meetingMay(status, "editAgenda"), status).toBe(status === "scheduled");
      for (const act of ["checkIn", "observe", "vote"] as const) expect(meetingMay(status, act), `${act} ${status}`).toBe(status === "inSession");
    }
  });

  it("ends a session as 散会 or 流会, and calls off only a meeting not started", () => {
    expect(nextMeetingStatus("inSession", "end")).toBe("ended");
    expect(nextMeetingStatus("inSession", "endInquorate")).toBe("inquorate");
    expect(nextMeetingStatus("scheduled", "cancel")).toBe("cancelled");
    expect(() => nextMeetingStatus("inSession", "cancel")).toThrow();
    expect(MEETING_LIFECYCLE.statuses.filter(meetingOver)).toEqual(["ended", "inquorate", "cancelled"]);
  });

  it("refuses a motion's vote in the words the convener and the voter read", () => {
    expect(motionRefusal("voting", "open")).toBe("motionOpen");
    expect(motionRefusal("closed", "open")).toBe("votingClosed");
    expect(motionRefusal("pending", "close")).toBe("voteNotOpen");
    expect(motionRefusal("closed", "close")).toBe("votingClosed");
    expect(motionRefusal("pending", "vote")).toBe("voteNotOpen");
    expect(motionRefusal("voting", "vote")).toBeNull();
  });

  it("derives the status lists the queries use", () => {
    expect(LIVE_MOTION_STATUSES).toEqual(["pending", "voting"]);
    expect(LAPSING_MOTION_STATUSES).toEqual(["pending"]);
    expect(CORRECTABLE_STATUSES).toEqual(["publicity", "effective"]);
  });
});
