import { describe, expect, it } from "vitest";
import { normalisePhone, parseRosterCsv, readRoles, rosterTemplateCsv } from "~/forms/roster-csv";
import { ROSTER_MAX_ROWS } from "~/forms/roster-limits";
import { ROLES } from "~/workflow/roles";

const communities = [
  { id: 1, slug: "xinhua", nameZh: "新华社区" },
  { id: 2, slug: "dongfeng", nameZh: "东风村" },
];
const street = (text: string) => parseRosterCsv(text, { communities, only: null });
const committee = (text: string) => parseRosterCsv(text, { communities, only: 1 });
const HEADER = "姓名,电话,社区,角色,户号或小组";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
const messages = (r: ReturnType<typeof street>) => r.problems.map((p) => `${p.line}:${p.column ?? "-"}:${p.message}`);

describe("reading a roster CSV", () => {
  it("reads Chinese headers, a BOM, CRLF, communities by slug or Chinese name, phones normalised, roles in words", () => {
    const { rows, problems } = street("\uFEFF姓名,电话,社区,角色,户号或小组,邮箱\r\n张建国,138 0000-0001,xinhua,居民、居民代表,第一居民小组,ZJG@Example.com\r\n李秀英,,东风村,村民;村委会成员|召集人,3组,\r\n");
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: "张建国", phone: "13800000001", email: "zjg@example.com", communityId: 1, roles: ["resident", "representative"], household: "第一居民小组" },
      { line: 3, name: "李秀英", phone: null, email: null, communityId: 2, roles: ["resident", "committeeMember", "convener"], household: "3组" },
    ]);
  });

  it("accepts the English headers in any order, role keys, and no e-mail column", () => {
    const { rows, problems } = street("roles,household,name,community,phone\ncommitteeMember|party,,王五,DONGFENG,+86 20 1234 5678\n");
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ name: "王五", communityId: 2, roles: ["committeeMember", "party"], phone: "+862012345678", email: null });
  });

  it("reads its own template (a committee's: the community column blank)", () => {
    const { rows, problems } = committee(rosterTemplateCsv());
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.communityId)).toEqual([1, 1]);
  });

  it("knows every role by a Chinese word, takes a blank as resident, and names the word it does not know", () => {
    for (const role of ROLES) expect(readRoles(role)).toEqual({ roles: [role] });
    expect(readRoles("议事会、居务监督委员会、责任单位、党组织、村民代表")).toEqual({ roles: ["committee", "supervisor", "executor", "party", "representative"] });
    expect(readRoles(" ")).toEqual({ roles: ["resident"] });
    expect(readRoles("居民、街道主任")).toEqual({ unknown: "街道主任" });
  });

  it("reports a missing, an unknown and a repeated column on the header line, and stops there", () => {
    expect(messages(street("姓名,电话,社区,角色,备注\n张三,,xinhua,居民,x\n"))).toEqual(["1:-:roster.csv.unknownColumn|column=%E5%A4%87%E6%B3%A8", "1:household:roster.csv.missingColumn|column=户号或小组"]);
    expect(messages(street("姓名,name,电话,社区,角色,户号或小组\n"))).toEqual(["1:-:roster.csv.unknownColumn|column=name"]);
  });

  it("reports every kind of bad line, by line and column", () => {
    const r = street(
      csv(
        ",,xinhua,居民,",
        `${"名".repeat(41)},,xinhua,居民,`,
        "张三,12ab,xinhua,居民,",
        "李四,,,居民,",
        "王五,,nowhere,居民,",
        "赵六,,xinhua,街道主任,",
        "钱七,,xinhua,居委会成员、监督委员会,",
        `孙八,,xinhua,居民,${"户".repeat(61)}`,
        "周九,,xinhua",
      ),
    );
    expect(messages(r)).toEqual([
      "2:name:errors.required",
      "3:name:errors.tooLong|max=40",
      "4:phone:roster.csv.phone",
      "5:community:roster.csv.communityRequired",
      "6:community:roster.csv.unknownCommunity|community=nowhere",
      "7:roles:roster.csv.unknownRole|role=%E8%A1%97%E9%81%93%E4%B8%BB%E4%BB%BB",
      "8:roles:roster.csv.exclusiveRoles",
      "9:household:errors.tooLong|max=60",
      "10:-:roster.csv.fieldCount|expected=5&found=3",
    ]);
    expect(r.rows).toEqual([]);
  });

  it("reports a bad e-mail address", () => {
    expect(messages(street("姓名,电话,社区,角色,户号或小组,邮箱\n张三,,xinhua,居民,,not-an-address\n"))).toEqual(["2:email:roster.csv.email"]);
  });

  it("lets a committee import only its own community", () => {
    expect(messages(committee(csv("张三,,东风村,居民,")))).toEqual(["2:community:roster.csv.otherCommunity|community=%E4%B8%9C%E9%A3%8E%E6%9D%91"]);
    expect(committee(csv("张三,,新华社区,居民,", "李四,,,居民,")).rows.map((r) => r.communityId)).toEqual([1, 1]);
  });

  it("finds the same person twice in the file (names compared as names are), but not namesakes of two communities", () => {
    expect(messages(street(csv("张三,,xinhua,居民,", "李四,,xinhua,居民,", "张 三,,xinhua,议事会,")))).toEqual([]);
    expect(messages(street(csv("张三,,xinhua,居民,", "Ｌｉ Si,,xinhua,居民,", "li si,,新华社区,议事会,")))).toEqual(["4:name:roster.csv.duplicatePerson|line=3"]);
    expect(street(csv("张三,,xinhua,居民,", "张三,,dongfeng,村民,")).problems).toEqual([]);
  });

  it("reports the file's own problems: empty, header only, unreadable, too many lines", () => {
    expect(messages(street(""))).toEqual(["1:-:roster.csv.empty"]);
    expect(messages(street(`${HEADER}\n`))).toEqual(["2:-:roster.csv.noRows"]);
    expect(messages(street(csv("李四,,xinhua,居民,", '张三,,xinhua,"居民,'))).map((m) => m.split(":").slice(1).join(":"))).toEqual(["-:roster.csv.malformed"]);
    const many = Array.from({ length: ROSTER_MAX_ROWS + 1 }, (_, i) => `人${i},,xinhua,居民,`);
    expect(messages(street(csv(...many)))).toEqual([`${ROSTER_MAX_ROWS + 2}:-:roster.csv.tooManyRows|max=${ROSTER_MAX_ROWS}`]);
  });

  it("normalises phone numbers and refuses what is not one", () => {
    expect(normalisePhone("020-8765 4321")).toBe("02087654321");
    expect(normalisePhone("(020) 87654321")).toBe(null);
    expect(normalisePhone("1234")).toBe(null);
    expect(normalisePhone("138000000011234567")).toBe(null);
  });
});
