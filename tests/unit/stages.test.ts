import { describe, expect, it } from "vitest";
import { STAGES, stagesWaitingOn } from "~/workflow/stages";
import { translateError, msg } from "~/forms/messages";

describe("stages", () => {
  it("are the six of the 116 method, in order", () => {
    expect(STAGES).toEqual(["collection", "deliberation", "consultation", "decision", "execution", "supervision"]);
  });
  it("say which stages wait on a role", () => {
    expect(stagesWaitingOn(["executor"])).toEqual(["execution"]);
    expect(stagesWaitingOn(["representative", "resident"])).toEqual(["collection", "consultation", "decision", "supervision"]);
    expect(stagesWaitingOn([])).toEqual([]);
  });
});

describe("error messages", () => {
  it("carry a key and parameters that the UI translates", () => {
    const t = ((key: string, params: Record<string, string>) => `${key}:${JSON.stringify(params)}`) as never;
    expect(translateError(t, msg("errors.tooLong", { max: 40 }))).toBe('errors.tooLong:{"max":"40"}');
    expect(translateError(t, "errors.required")).toBe("errors.required:{}");
  });
});
