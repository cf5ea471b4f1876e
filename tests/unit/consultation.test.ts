import { describe, expect, it } from "vitest";
import { daysBetween, endOfLocalDay, isEmptyDraft, localDate, openSchema, startOfLocalDay } from "~/forms/consultation";
import { parseWithZod } from "@conform-to/zod/v4";
import { draftText, templateUpdate } from "~/models/draft-text";
import { paragraphUpdate } from "../fixtures/consultation";
import * as Y from "yjs";

describe("empty drafts", () => {
  it("the template alone is empty; a paragraph under any heading is not", () => {
    const template = templateUpdate();
    expect(isEmptyDraft(draftText(template))).toBe(true);
    expect(isEmptyDraft("")).toBe(true);
    const withText = Y.mergeUpdates([template, paragraphUpdate(template, "预算五万元。", "预算")]);
    expect(draftText(withText)).toContain("## 预算\n预算五万元。");
    expect(isEmptyDraft(draftText(withText))).toBe(false);
    expect(isEmptyDraft("## 背景\n#不是标题")).toBe(false);
  });
});

describe("dates in the communities' time zone (UTC+8)", () => {
  it("counts whole days and places a deadline at the end of its local day", () => {
    expect(daysBetween("2026-11-28", "2026-11-29")).toBe(1);
    expect(daysBetween("2026-11-28", "2027-01-27")).toBe(60);
    expect(localDate(new Date("2026-11-27T16:30:00Z"))).toBe("2026-11-28");
    expect(endOfLocalDay("2026-11-28").toISOString()).toBe("2026-11-28T15:59:59.999Z");
    expect(startOfLocalDay("2026-11-28").toISOString()).toBe("2026-11-27T16:00:00.000Z");
  });

  it("the open form wants a question of 1–200 characters and a real date", () => {
    const form = (entries: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(entries)) data.set(k, v);
      return parseWithZod(data, { schema: openSchema }).status;
    };
    expect(form({ intent: "open", question: "问题", deadline: "2026-12-01" })).toBe("success");
    expect(form({ intent: "open", question: "", deadline: "2026-12-01" })).toBe("error");
    expect(form({ intent: "open", question: "问".repeat(201), deadline: "2026-12-01" })).toBe("error");
    expect(form({ intent: "open", question: "问题", deadline: "2026-13-01" })).toBe("error");
  });
});
