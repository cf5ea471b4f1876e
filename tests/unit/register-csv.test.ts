import { describe, expect, it } from "vitest";
import { decodeCsv, parseRegisterCsv, registerTemplateCsv, REGISTER_MAX_ROWS } from "~/forms/register-csv";

const today = "2026-06-15";
const parse = (text: string) => parseRegisterCsv(text, { today });
const HEADER = "户号,地址,小组,姓名,出生日期,户代表";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
const messages = (text: string) => parse(text).problems.map((p) => `${p.line}:${p.column ?? "-"}:${p.message}`);

describe("reading a register CSV", () => {
  it("reads households of several lines, with a BOM, CRLF, quoted commas, English columns in any order", () => {
    const { households, problems } = parse(
      '\uFEFFname,code,address,group,birth_date,representative\r\n张建国,001,"一组,12号",第一组,1968-03-02,是\r\n李秀英,001,"一组,12号",第一组,1970-11-20,否\r\n\r\n张子涵,001,"一组,12号",第一组,2012-06-01,\r\n王桂兰,002,二组3号,第二组,1955-01-09,yes\r\n',
    );
    expect(problems).toEqual([]);
    expect(households.map((h) => [h.code, h.address, h.group, h.members.map((m) => `${m.line}${m.name}${m.representative ? "*" : ""}`)])).toEqual([
      ["001", "一组,12号", "第一组", ["2张建国*", "3李秀英", "5张子涵"]],
      ["002", "二组3号", "第二组", ["6王桂兰*"]],
    ]);
  });

  it("reads its own template", () => {
    const { households, problems } = parse(registerTemplateCsv());
    expect(problems).toEqual([]);
    expect(households).toHaveLength(2);
  });

  it("keeps formula-looking cells as plain text", () => {
    const { households } = parse(csv("=1+1,@SUM(A1),+组,-张三,1980-01-01,是"));
    expect(households[0]).toMatchObject({ code: "=1+1", address: "@SUM(A1)", group: "+组", members: [{ name: "-张三" }] });
  });

  it("reports missing and too long fields, bad and future dates, a bad flag, by line", () => {
    expect(messages(csv(",地址,组,张三,1980-01-01,是", `002,地址,组,${"名".repeat(61)},1980-01-01,是`, "003,地址,组,李四,1980-02-30,是", "004,地址,组,王五,2026-06-16,否", "004,地址,组,王六,1980-1-1,否", "005,地址,组,赵七,1980-01-01,maybe"))).toEqual([
      "2:code:errors.required",
      "3:name:errors.tooLong|max=60",
      "4:birthDate:register.problems.birthDate",
      "5:birthDate:register.problems.futureBirthDate",
      "6:birthDate:register.problems.birthDate",
      "7:representative:register.csv.representativeFlag",
    ]);
  });

  it("refuses a representative under 18 on the day, and lets one who turns 18 that day be one", () => {
    expect(messages(csv("001,地址,组,张三,2008-06-16,是", "001,地址,组,张父,1980-01-01,否"))).toEqual(["2:representative:register.problems.representativeMinor"]);
    expect(parse(csv("001,地址,组,张三,2008-06-15,是")).problems).toEqual([]);
  });

  it("refuses two representatives, the same person twice, conflicting address or group, a household without an adult", () => {
    expect(
      messages(csv("001,一号,一组,张三,1980-01-01,是", "001,一号,一组,李四,1981-01-01,是", "001,一号,一组,张三,1980-01-01,否", "001,二号,二组,王五,1982-01-01,否", "002,三号,一组,小明,2015-01-01,否", "002,三号,一组,小红,2016-01-01,否")),
    ).toEqual([
      "3:representative:register.csv.twoRepresentatives|line=2",
      "4:name:register.csv.duplicatePerson|line=2",
      "5:address:register.csv.conflictingAddress|line=2",
      "5:group:register.csv.conflictingGroup|line=2",
      "6:code:register.csv.noAdult|code=002",
    ]);
  });

  it("allows the same name with another birth date, and a household without a representative", () => {
    expect(parse(csv("001,地址,组,张三,1980-01-01,否", "001,地址,组,张三,2001-01-01,否")).problems).toEqual([]);
  });

  it("checks the header, the field count, quotes, an empty file and a header alone", () => {
    expect(messages("户号,姓名,电话\n")).toEqual(["1:address:register.csv.missingColumn|column=地址", "1:group:register.csv.missingColumn|column=小组", "1:birthDate:register.csv.missingColumn|column=出生日期", "1:representative:register.csv.missingColumn|column=户代表", "1:-:register.csv.unknownColumn|column=%E7%94%B5%E8%AF%9D"]);
    expect(messages(`${HEADER},户号\n`)).toEqual(["1:-:register.csv.unknownColumn|column=%E6%88%B7%E5%8F%B7"]);
    expect(messages(csv("001,地址,组,张三,1980-01-01"))).toEqual(["2:-:register.csv.fieldCount|expected=6&found=5"]);
    expect(messages(csv('001,"地址,组,张三,1980-01-01,是'))).toContain("2:-:register.csv.malformed");
    expect(messages("")).toEqual(["1:-:register.csv.empty"]);
    expect(messages(`${HEADER}\n\n`)).toEqual(["2:-:register.csv.noRows"]);
  });

  it("refuses more lines than the cap, at the first line beyond it", () => {
    const lines = Array.from({ length: REGISTER_MAX_ROWS + 1 }, (_, i) => `H${i},地址,组,张三,1980-01-01,是`);
    expect(messages(csv(...lines))).toEqual([`${REGISTER_MAX_ROWS + 2}:-:register.csv.tooManyRows|max=${REGISTER_MAX_ROWS}`]);
    expect(parse(csv(...lines.slice(1))).problems).toEqual([]);
  });

  it("decodes UTF-8 with or without a BOM, and refuses what is not UTF-8", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0x88, 0xb7]))).toBe("户");
    expect(decodeCsv(new TextEncoder().encode("户号"))).toBe("户号");
    expect(decodeCsv(new Uint8Array([0xbb, 0xa7, 0xba, 0xc5]))).toBeNull(); // "户号" in GBK
  });
});
