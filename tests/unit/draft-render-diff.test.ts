import { describe, expect, it } from "vitest";
import { diffDraftTexts } from "~/models/draft-version.server";

describe("diffDraftTexts", () => {
  it("keeps unchanged lines whole and compares a changed line character by character", () => {
    const parts = diffDraftTexts("## 背景\n投放点异味严重\n## 方案", "## 背景\n北区投放点异味十分严重\n## 方案");
    expect(parts).toEqual([
      { kind: "same", text: "## 背景\n" },
      { kind: "added", text: "北区" },
      { kind: "same", text: "投放点异味" },
      { kind: "added", text: "十分" },
      { kind: "same", text: "严重\n## 方案" },
    ]);
  });

  it("shows added and removed lines", () => {
    expect(diffDraftTexts("甲\n乙", "甲\n丙\n乙")).toEqual([
      { kind: "same", text: "甲\n" },
      { kind: "added", text: "丙\n" },
      { kind: "same", text: "乙" },
    ]);
    expect(diffDraftTexts("甲\n乙", "甲")).toEqual([
      { kind: "same", text: "甲\n" },
      { kind: "removed", text: "乙" },
    ]);
  });

  it("has no change for equal texts, and everything added from empty", () => {
    expect(diffDraftTexts("甲", "甲")).toEqual([{ kind: "same", text: "甲" }]);
    expect(diffDraftTexts("", "甲")).toEqual([{ kind: "added", text: "甲" }]);
  });
});
