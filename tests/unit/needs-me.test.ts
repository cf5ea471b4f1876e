import { describe, expect, it } from "vitest";
import { NEEDS_ME, needsMeRules } from "~/workflow/needs-me";
import { ROLES } from "~/workflow/roles";
import { isTerminal } from "~/workflow/states";

const states = (roles: Parameters<typeof needsMeRules>[0]) => needsMeRules(roles).map((r) => `${r.state}:${r.task}`).sort();

describe("needs me, by role", () => {
  it("asks each role for the states the 116 method waits on them in", () => {
    expect(states(["resident"])).toEqual(["open:cosign", "verifying:rate"]);
    expect(states(["committee"])).toEqual(["consulting:consult", "drafting:draft", "screening:screen"]);
    expect(states(["convener"])).toEqual(["onAgenda:vote"]);
    expect(states(["representative"])).toEqual(["onAgenda:vote"]);
    expect(states(["executor"])).toEqual(["executing:execute"]);
    expect(states(["supervisor"])).toEqual(["executing:superviseExecution", "verifying:verify"]);
    expect(states([])).toEqual([]);
  });

  it("combines roles with one task per state, the office before the resident", () => {
    expect(states(["representative", "resident"])).toEqual(["onAgenda:vote", "open:cosign", "verifying:rate"]);
    expect(states(["resident", "supervisor"])).toEqual(["executing:superviseExecution", "open:cosign", "verifying:verify"]);
    expect(states(["supervisor", "executor"])).toEqual(["executing:execute", "verifying:verify"]);
  });

  it("only co-signing is limited to topics that are not the person's own", () => {
    const limited = ROLES.flatMap((role) => NEEDS_ME[role]).filter((r) => r.notMine);
    expect(limited).toEqual([{ state: "open", task: "cosign", notMine: true }]);
  });

  it("never asks anything of a finished topic", () => {
    for (const role of ROLES) for (const rule of NEEDS_ME[role]) expect(isTerminal(rule.state)).toBe(false);
  });
});
