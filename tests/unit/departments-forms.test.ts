// The departments page's form schemas (app/forms/departments.ts): what each post accepts and refuses.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addContactSchema, addDepartmentSchema, archiveDepartmentSchema, DEPARTMENT_INTENTS, DEPARTMENT_SCHEMAS, editDepartmentSchema, inviteContactSchema, removeContactSchema, responseDays, revokeDepartmentInviteSchema } from "~/forms/departments";

function parse<S extends z.ZodType>(schema: S, values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return parseWithZod(data, { schema });
}
const errorsOf = <S extends z.ZodType>(schema: S, values: Record<string, string>) => {
  const s = parse(schema, values);
  return s.status === "success" ? undefined : s.error;
};

describe("adding and editing a department", () => {
  it("takes a Chinese name, an optional English name and contact (cleaned lines) and a limit in whole hours", () => {
    const s = parse(addDepartmentSchema, { intent: "add", nameZh: "  城管\u202e中队 ", contact: "值班电话\n020-1", responseHours: "24" });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value).toEqual({ intent: "add", nameZh: "城管中队", nameEn: "", contact: "值班电话 020-1", responseHours: 24 });
    expect(parse(addDepartmentSchema, { intent: "add", nameZh: "住建办", nameEn: "Housing", responseHours: "720" }).status).toBe("success");
  });

  it("refuses an empty or too long name and a limit outside 1–720 or not a whole number, in the page's words", () => {
    expect(errorsOf(addDepartmentSchema, { intent: "add", nameZh: "", responseHours: "24" })).toEqual({ nameZh: ["errors.required"] });
    expect(errorsOf(addDepartmentSchema, { intent: "add", nameZh: "\u200b", responseHours: "24" })).toEqual({ nameZh: ["errors.required"] });
    expect(errorsOf(addDepartmentSchema, { intent: "add", nameZh: "部".repeat(41), responseHours: "24" })).toEqual({ nameZh: ["errors.tooLong|max=40"] });
    expect(errorsOf(addDepartmentSchema, { intent: "add", nameZh: "甲", contact: "电".repeat(101), responseHours: "24" })).toEqual({ contact: ["errors.tooLong|max=100"] });
    for (const hours of ["0", "721", "abc", "2.5", "-1", ""]) {
      expect(errorsOf(addDepartmentSchema, { intent: "add", nameZh: "甲", responseHours: hours }), hours).toEqual({ responseHours: ["departments.problems.responseHours"] });
    }
  });

  it("edits a department named by its id", () => {
    expect(parse(editDepartmentSchema, { intent: "edit", departmentId: "7", nameZh: "甲", responseHours: "1" }).status).toBe("success");
    expect(errorsOf(editDepartmentSchema, { intent: "edit", departmentId: "x", nameZh: "甲", responseHours: "1" })).toHaveProperty("departmentId");
  });
});

describe("the other posts", () => {
  it("archiving, removing a contact and revoking an invite need the tick", () => {
    expect(errorsOf(archiveDepartmentSchema, { intent: "archive", departmentId: "1" })).toEqual({ confirm: ["errors.confirmRequired"] });
    expect(parse(archiveDepartmentSchema, { intent: "archive", departmentId: "1", confirm: "on" }).status).toBe("success");
    expect(errorsOf(removeContactSchema, { intent: "removeContact", departmentId: "1", userId: "2" })).toEqual({ confirm: ["errors.confirmRequired"] });
    expect(errorsOf(revokeDepartmentInviteSchema, { intent: "revokeInvite", inviteId: "3" })).toEqual({ confirm: ["errors.confirmRequired"] });
  });

  it("a contact is added by username (trimmed, lower-cased); an invite's note is at most 100 characters", () => {
    const s = parse(addContactSchema, { intent: "addContact", departmentId: "1", username: "  ChengGuan2 " });
    expect(s.status === "success" && s.value.username).toBe("chengguan2");
    expect(errorsOf(addContactSchema, { intent: "addContact", departmentId: "1", username: " " })).toEqual({ username: ["errors.required"] });
    expect(errorsOf(inviteContactSchema, { intent: "invite", departmentId: "1", note: "注".repeat(101) })).toEqual({ note: ["errors.tooLong|max=100"] });
    expect(parse(inviteContactSchema, { intent: "invite", departmentId: "1" }).status).toBe("success");
  });

  it("has one schema per intent, each with its own literal", () => {
    expect(Object.keys(DEPARTMENT_SCHEMAS).sort()).toEqual([...DEPARTMENT_INTENTS].sort());
    for (const intent of DEPARTMENT_INTENTS) expect(errorsOf(DEPARTMENT_SCHEMAS[intent], { intent: "other" })).toHaveProperty("intent");
  });

  it("says the limit in days from a day up", () => {
    expect(responseDays(12)).toBeNull();
    expect(responseDays(24)).toBe(1);
    expect(responseDays(36)).toBe(1.5);
    expect(responseDays(100)).toBe(4.2);
  });
});
