import { describe, expect, it } from "vitest";
import { movesResolution } from "../../server/witness";

describe("the moves after which a community's head is witnessed", () => {
  it("are a resolution published (to 公示, or straight to execution), taking effect, suspended and corrected", () => {
    expect(movesResolution({ from: "onAgenda", to: "publicity" })).toBe(true);
    expect(movesResolution({ from: "onAgenda", to: "executing" })).toBe(true);
    expect(movesResolution({ from: "publicity", to: "executing" })).toBe(true);
    expect(movesResolution({ from: "publicity", to: "onAgenda" })).toBe(true);
    expect(movesResolution({ from: "executing", to: "onAgenda" })).toBe(true);
  });

  it("are not a failed vote or any other move", () => {
    expect(movesResolution({ from: "onAgenda", to: "drafting" })).toBe(false);
    expect(movesResolution({ from: "onAgenda", to: "failed" })).toBe(false);
    expect(movesResolution({ from: "screening", to: "drafting" })).toBe(false);
    expect(movesResolution({ from: "executing", to: "verifying" })).toBe(false);
  });
});
