// Departments of the demo street made for a test case (issue 19): a fresh one each time, so that
// archiving or inviting never changes the demo's five departments other cases rely on.
import { eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { streets } from "../../../db/schema";
import { addContactByUsername, addDepartment, setDepartmentArchived } from "~/models/department-admin.server";
import { createDepartmentInvite } from "~/models/department-invite.server";
import { userId } from "./db";

let made = 0;
const huacheng = () => getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;

function must<T extends object>(r: ({ ok: true } & T) | { ok: false; problem: string }): T {
  if (!r.ok) throw new Error(`refused while preparing: ${r.problem}`);
  return r;
}

/** A department of huacheng of our own (archived when asked). */
export function ownDepartment(archived = false): number {
  const streetId = huacheng();
  const { id } = must(addDepartment({ streetId, department: { nameZh: `测试部门 ${process.pid}-${++made}`, nameEn: "", contact: "", responseHours: 48 } }));
  if (archived) must(setDepartmentArchived({ streetId, departmentId: id, archived: true }));
  return id;
}

/** A department of our own with `username` as its contact. */
export function departmentWithContact(username: string): number {
  const id = ownDepartment();
  must(addContactByUsername({ streetId: huacheng(), departmentId: id, username, actorId: userId("street1") }));
  return id;
}

/** An unused invite of a department of our own. */
export function freshDepartmentInvite() {
  const departmentId = ownDepartment();
  return must(createDepartmentInvite({ streetId: huacheng(), departmentId, note: "", createdBy: userId("street1") }));
}
