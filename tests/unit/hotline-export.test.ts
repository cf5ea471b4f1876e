// The 12345 export's pure parts: the column layout, the hotline's words, the CSV writer and `since`.
import { describe, expect, it } from "vitest";
import { csvCell, hotlineCsv, HOTLINE_CSV_HEADER, parseSince, writeCsv, type HotlineTicket } from "~/workflow/hotline-export";

const ticket: HotlineTicket = {
  ticket: "GZ12345-1",
  community: "明月社区",
  communitySlug: "mingyue",
  topicNumber: 7,
  acceptance: "closed",
  reason: "",
  stage: "closed",
  departments: ["城管中队", "住建办"],
  resolution: "决议(2026)第 3 号,已生效",
  result: "已疏通",
  satisfactionPct: 85,
  raters: 12,
  closedAt: "2026-11-02T10:00:00+08:00",
  updatedAt: "2026-11-02T10:00:00+08:00",
};

describe("the hotline's layout", () => {
  it("has the hotline's columns in its order", () => {
    expect(HOTLINE_CSV_HEADER).toEqual(["工单编号", "所属社区", "受理状态", "不受理原因", "办理阶段", "处理部门", "办理结果", "结果说明", "满意度", "评价人数", "办结时间", "最后更新时间"]);
  });

  it("writes a ticket in the hotline's words: BOM, CRLF, departments ;-separated, satisfaction in %", () => {
    const csv = hotlineCsv([ticket, { ...ticket, ticket: "GZ-2", acceptance: "rejected", reason: "不属于自治范围", stage: "collection", departments: [], resolution: "", result: "", satisfactionPct: null, raters: null, closedAt: null }]);
    expect(csv.startsWith("\uFEFF工单编号,所属社区,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[1]).toBe("GZ12345-1,明月社区,已办结,,已结项,城管中队; 住建办,\"决议(2026)第 3 号,已生效\",已疏通,85%,12,2026-11-02T10:00:00+08:00,2026-11-02T10:00:00+08:00");
    expect(lines[2]).toBe("GZ-2,明月社区,不予受理,不属于自治范围,议题收集,,,,,,,2026-11-02T10:00:00+08:00");
  });
});

describe("the CSV writer", () => {
  it("quotes as RFC 4180 says: quotes doubled, commas and line breaks inside quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("x\r\ny")).toBe('"x\r\ny"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell("")).toBe("");
  });

  it("defuses formulae: = + - @ tab and CR at the start get a leading apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("ends every line with CRLF, and an empty table is the header alone", () => {
    expect(writeCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
    expect(writeCsv(["a"], [["1"], ["2"]])).toBe("\uFEFFa\r\n1\r\n2\r\n");
  });
});

describe("since", () => {
  it("is a real calendar date or nothing", () => {
    expect(parseSince(null)).toBeNull();
    expect(parseSince("")).toBeNull();
    expect(parseSince("2026-10-01")).toBe("2026-10-01");
    expect(parseSince("2026-02-30")).toBe("bad");
    expect(parseSince("2026-1-1")).toBe("bad");
    expect(parseSince("yesterday")).toBe("bad");
  });
});
