import { describe, expect, it } from "vitest";
import { can, CAPABILITIES, STATE_ALLOWS } from "~/workflow/capabilities";
import { ROLES } from "~/workflow/roles";
import { ENTRY_STATE, isTerminal, STATE_INFO, TOPIC_STATES } from "~/workflow/states";
import { availableActions, checkTransition, TOPIC_ACTIONS, TRANSITIONS, type Mover } from "~/workflow/transitions";

const MOVERS: Mover[] = [...ROLES, "system"];

describe("the transition table", () => {
  it("uses every action once and only known states", () => {
    expect(new Set(TRANSITIONS.map((t) => t.action)).size).toBe(TRANSITIONS.length);
    expect([...TRANSITIONS.map((t) => t.action)].sort()).toEqual([...TOPIC_ACTIONS].sort());
    for (const t of TRANSITIONS) for (const s of [...t.from, t.to]) expect(TOPIC_STATES).toContain(s);
  });

  it("never leaves a terminal state", () => {
    for (const t of TRANSITIONS) for (const from of t.from) expect(isTerminal(from), `${t.action} from ${from}`).toBe(false);
  });

  it("lets every active state be left, and every state be reached", () => {
    for (const state of TOPIC_STATES.filter((s) => !isTerminal(s))) {
      expect(TRANSITIONS.some((t) => t.from.includes(state)), `leave ${state}`).toBe(true);
    }
    const reachable = new Set(["open", "screening", ...TRANSITIONS.map((t) => t.to)]);
    for (const state of TOPIC_STATES) expect(reachable.has(state), `reach ${state}`).toBe(true);
  });

  it("moves forward through the six stages in order, and back only where the method allows", () => {
    const order = ["collection", "deliberation", "consultation", "decision", "execution", "supervision"];
    for (const t of TRANSITIONS) {
      const to = STATE_INFO[t.to].stage;
      if (!to) continue;
      for (const from of t.from) {
        const diff = order.indexOf(to) - order.indexOf(STATE_INFO[from].stage!);
        if (diff < 0) expect(["sendBack", "failAndRevise", "upholdObjection", "orderCorrection", "reopen"]).toContain(t.action);
      }
    }
  });

  it("has an entry state in each stage", () => {
    for (const [stage, state] of Object.entries(ENTRY_STATE)) expect(STATE_INFO[state].stage).toBe(stage);
  });
});

describe("checkTransition", () => {
  // Every allowed (action, from state, mover) is accepted...
  for (const t of TRANSITIONS) {
    for (const from of t.from) {
      for (const mover of t.by) {
        it(`allows ${t.action} from ${from} by ${mover}`, () => {
          expect(checkTransition({ action: t.action, from, movers: [mover], reason: "因为" })).toEqual({ ok: true, transition: t });
        });
      }
      // ...and refused for every mover who is not listed.
      it(`refuses ${t.action} from ${from} to everyone else`, () => {
        for (const mover of MOVERS.filter((m) => !t.by.includes(m))) {
          expect(checkTransition({ action: t.action, from, movers: [mover], reason: "因为" }), mover).toEqual({ ok: false, problem: "wrongRole" });
        }
      });
    }
  }

  // For each state, every action that does not start there is refused, whoever asks.
  for (const state of TOPIC_STATES) {
    it(`refuses moves that do not start at ${state}`, () => {
      const refused = TRANSITIONS.filter((t) => !t.from.includes(state));
      expect(refused.length).toBeGreaterThan(0);
      for (const t of refused) {
        expect(checkTransition({ action: t.action, from: state, movers: MOVERS, reason: "因为" }), t.action).toEqual({ ok: false, problem: "wrongState" });
      }
    });
  }

  it("demands a reason where the move is public", () => {
    expect(checkTransition({ action: "reject", from: "screening", movers: ["committee"], reason: "  " })).toEqual({ ok: false, problem: "reasonRequired" });
    expect(checkTransition({ action: "reject", from: "screening", movers: ["committee"] })).toEqual({ ok: false, problem: "reasonRequired" });
  });

  it("refuses unknown actions", () => {
    expect(checkTransition({ action: "teleport", from: "open", movers: MOVERS })).toEqual({ ok: false, problem: "unknownAction" });
  });

  it("offers people only their own, non-system moves", () => {
    expect(availableActions("screening", ["committee"]).map((t) => t.action)).toEqual(["accept", "reject", "merge"]);
    expect(availableActions("open", ["resident"])).toEqual([]);
    expect(availableActions("open", ["system"])).toEqual([]);
  });
});

describe("capabilities", () => {
  it("lets residents co-sign only while a topic collects", () => {
    for (const state of TOPIC_STATES) expect(can("cosign", state, ["resident"]), state).toBe(state === "open");
    expect(can("cosign", "open", ["committee"])).toBe(false);
  });

  it("allows nothing in terminal states", () => {
    for (const state of TOPIC_STATES.filter(isTerminal)) for (const c of CAPABILITIES) expect(can(c, state, ROLES)).toBe(false);
    expect(Object.keys(STATE_ALLOWS).sort()).toEqual([...TOPIC_STATES].sort());
  });
});
