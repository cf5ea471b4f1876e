// `npm run setup`'s arguments (server/cli/setup-args.ts): what it takes, what it refuses, what it still needs.
import { describe, expect, it } from "vitest";
import { checkPassword, checkUsername, missingOf, parseCommunity, parseDepartment, parseSetupArgs } from "../../server/cli/setup-args";

describe("setup's arguments", () => {
  it("reads the contract's command, in both --name value and --name=value forms", () => {
    const { given, errors } = parseSetupArgs(["--street", "huadu", "--street-name=花都街道", "--community", "xinhua:新华社区:urban", "--community=dongfeng:东风村:village:Dongfeng Village", "--admin", "Admin1"]);
    expect(errors).toEqual([]);
    expect(given).toEqual({
      street: "huadu",
      streetName: "花都街道",
      admin: "admin1",
      communities: [
        { slug: "xinhua", nameZh: "新华社区", nameEn: "新华社区", kind: "urban" },
        { slug: "dongfeng", nameZh: "东风村", nameEn: "Dongfeng Village", kind: "village" },
      ],
      departments: [],
    });
    expect(missingOf(given, "secret-123")).toEqual([]);
  });

  it("takes 社区 and 村 for the kind, and an English name with colons in it", () => {
    expect(parseCommunity("a1:甲社区:社区")).toMatchObject({ kind: "urban" });
    expect(parseCommunity("b2:乙村:村:Yi: the village")).toMatchObject({ kind: "village", nameEn: "Yi: the village" });
  });

  it("says every problem, one each", () => {
    const { errors } = parseSetupArgs(["--street", "Hua Du", "--community", "x:名:town", "--community", "ok:名", "--admin", "a", "--street", "--bogus", "--time-zone", "Mars/Base"]);
    expect(errors).toEqual([
      'street "Hua Du" is not a valid slug (lower-case letters, digits and hyphens, 2–40 characters, starting with a letter or digit)',
      'community "x" is not a valid slug (lower-case letters, digits and hyphens, 2–40 characters, starting with a letter or digit)',
      '--community "ok:名" must be slug:name:kind (kind urban or village)',
      'username "a" is not valid (3–32 lower-case letters, digits, _ or -)',
      "--street needs a value",
      'unknown argument "--bogus"',
      'time zone "Mars/Base" is not one this runtime knows (e.g. Asia/Shanghai)',
    ]);
    expect(parseCommunity("good:名:town")).toEqual({ error: 'community good: kind "town" is neither urban (社区) nor village (村)' });
  });

  it("refuses the same community or option twice", () => {
    expect(parseSetupArgs(["--community", "aa:甲:urban", "--community", "aa:乙:village"]).errors).toEqual(["community aa is given twice"]);
    expect(parseSetupArgs(["--admin", "abc", "--admin", "abd"]).errors).toEqual(["--admin is given twice"]);
  });

  it("names what is missing, the password included", () => {
    expect(missingOf({ communities: [], departments: [] }, undefined)).toEqual(["--street", "--street-name", "--community", "--admin", "SETUP_ADMIN_PASSWORD"]);
    expect(missingOf({ communities: [], departments: [], street: "huadu", streetName: "花都" }, "")).toEqual(["--community", "--admin", "SETUP_ADMIN_PASSWORD"]);
  });

  it("takes the street's departments as name:hours, repeatable (issue 19)", () => {
    const { given, errors } = parseSetupArgs(["--department", "城管中队:24", "--department=住建办:720", "--department", "综治:中心:1"]);
    expect(errors).toEqual([]);
    expect(given.departments).toEqual([
      { nameZh: "城管中队", nameEn: "城管中队", contact: "", responseHours: 24 },
      { nameZh: "住建办", nameEn: "住建办", contact: "", responseHours: 720 },
      { nameZh: "综治:中心", nameEn: "综治:中心", contact: "", responseHours: 1 },
    ]);
    for (const bad of ["城管中队", "城管中队:0", "城管中队:721", "城管中队:abc", "城管中队:2.5", ":24", `${"部".repeat(41)}:24`]) expect(parseDepartment(bad), bad).toHaveProperty("error");
    expect(parseDepartment("城管中队:721")).toEqual({ error: 'department 城管中队: response limit "721" is not a whole number of hours from 1 to 720' });
    expect(parseSetupArgs(["--department", "民政办:24", "--department", "民政办:48"]).errors).toEqual(["department 民政办 is given twice"]);
  });

  it("holds the admin to /join's rules", () => {
    expect(checkUsername(" Admin_1 ")).toBe("admin_1");
    expect(checkUsername("管理员")).toHaveProperty("error");
    expect(checkPassword("1234567")).toHaveProperty("error");
    expect(checkPassword("12345678")).toBe("12345678");
    expect(checkPassword("x".repeat(201))).toHaveProperty("error");
  });
});
