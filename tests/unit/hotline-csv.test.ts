import { describe, expect, it } from "vitest";
import { decodeCsv, HOTLINE_MAX_ROWS, isIsoDate, parseHotlineCsv } from "~/forms/hotline";
import { hotlineCsv } from "../fixtures/propose";

const codes = ["facilities", "environment"];
const parse = (text: string) => parseHotlineCsv(text, { categoryCodes: codes });

describe("reading a hotline CSV", () => {
  it("reads rows with a BOM, CRLF, quoted commas, quotes and line breaks, columns in any order", () => {
    const { rows, problems } = parse(
      '\uFEFFtitle,ticket,description,location,category,reported_at\r\n"灯,不亮",A-1,"他说""很暗""\r\n第二行",东门,Facilities,2024-05-01\r\n\r\n垃圾,A-2,,,,\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, ticket: "A-1", title: "灯,不亮", description: '他说"很暗"\n第二行', location: "东门", category: "facilities", reportedAt: "2024-05-01" },
      { line: 5, ticket: "A-2", title: "垃圾", description: "", location: "", category: null, reportedAt: null },
    ]);
  });

  it("reports every problem with its line (the header is line 1) and returns no rows then", () => {
    const { rows, problems } = parse(hotlineCsv([{ ticket: "A-1", title: "好" }, { ticket: "A-1", title: "" }, { ticket: "B 2", title: "好", category: "lift" }]));
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 3, column: "title", message: "errors.required" },
      { line: 3, column: "ticket", message: "propose.csv.duplicateTicket|line=2" },
      { line: 4, column: "ticket", message: "propose.csv.ticketFormat" },
      { line: 4, column: "category", message: "propose.csv.unknownCategory|code=lift" },
    ]);
  });

  it("checks the header: missing and unknown columns", () => {
    expect(parse("ticket,title,foo\n").problems.map((p) => p.message)).toEqual([
      "propose.csv.missingColumn|column=description",
      "propose.csv.missingColumn|column=location",
      "propose.csv.missingColumn|column=category",
      "propose.csv.missingColumn|column=reported_at",
      "propose.csv.unknownColumn|column=foo",
    ]);
  });

  it("refuses an empty file, a header alone, unbalanced quotes, wrong column counts, too many rows", () => {
    expect(parse("").problems).toEqual([{ line: 1, column: null, message: "propose.csv.empty" }]);
    expect(parse(hotlineCsv([])).problems).toEqual([{ line: 2, column: null, message: "propose.csv.noRows" }]);
    expect(parse(`${hotlineCsv([{ ticket: "A", title: "x" }])}B,"open\n`).problems).toEqual([{ line: 3, column: null, message: "propose.csv.malformed" }]);
    expect(parse(`${hotlineCsv([])}A,x,,,,,extra\n`).problems).toEqual([{ line: 2, column: null, message: "propose.csv.fieldCount|expected=6&found=7" }]);
    const many = hotlineCsv(Array.from({ length: HOTLINE_MAX_ROWS + 1 }, (_, i) => ({ ticket: `T${i}`, title: "x" })));
    expect(parse(many).problems).toEqual([{ line: HOTLINE_MAX_ROWS + 2, column: null, message: "propose.csv.tooManyRows|max=500" }]);
    expect(parse(hotlineCsv(Array.from({ length: HOTLINE_MAX_ROWS }, (_, i) => ({ ticket: `T${i}`, title: "x" })))).rows).toHaveLength(500);
  });

  it("keeps user text in messages intact (encoded for the message parameters)", () => {
    const [problem] = parse(hotlineCsv([{ ticket: "A", title: "x", category: "a&b=c" }])).problems;
    const params = new URLSearchParams(problem.message.split("|")[1]);
    expect(params.get("code")).toBe("a&b=c");
  });
});

describe("file encoding and dates", () => {
  it("decodes UTF-8 with or without a BOM, refuses anything else", () => {
    expect(decodeCsv(new TextEncoder().encode("东门"))).toBe("东门");
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
    expect(decodeCsv(new Uint8Array([0xb6, 0xab, 0xc3, 0xc5]))).toBeNull();
  });

  it("takes ISO dates naming days that exist", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2024-05-01T08:30:00Z")).toBe(true);
    expect(isIsoDate("2024-05-01 08:30")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("5/1/2024")).toBe(false);
    expect(isIsoDate("2024-05-01T25:00")).toBe(false);
  });
});
