import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { departmentCalls, departmentContacts, departments, users } from "../../db/schema";
import { OPEN_CALL_STATES } from "../workflow/department-call";
import { now } from "./clock.server";
import { addDepartmentContactIn, createDepartmentIn, getDepartment, listDepartments, type DepartmentProblem, type NewDepartment } from "./department.server";
import { attempt, refusals, type DomainError, type Refusal, type Result } from "./domain-error.server";
import { write } from "./write.server";

// The street admin keeps the street's departments (issue 19): names, public contact, response limit,
// archive / restore, and their contact people. A department belongs to the street, not to a
// community, so these acts have no community ledger to go in; the rows keep who added whom and when.

export type DepartmentAdminProblem = DepartmentProblem | "unknownUser" | "alreadyArchived" | "notArchived" | "inviteGone";
export const departmentAdminRefused = refusals<DepartmentAdminProblem>("departments");

/** Runs a write of this page, answering the department model's refusals (a taken name, a bad limit) in this page's words. */
export function attemptDepartments<T extends object>(fn: () => T): Result<DepartmentAdminProblem, T> {
  return attempt<DepartmentAdminProblem, T>("departments", fn, (error: DomainError): Refusal<DepartmentAdminProblem> => {
    if (error.domain !== "department") throw error;
    return { ok: false, problem: error.problem as DepartmentProblem };
  });
}

/** The department of this street, for a write; another street's is not found. */
export function departmentOf(tx: Tx, streetId: number, departmentId: number) {
  const row = getDepartment({ streetId, departmentId }, tx);
  if (!row) throw departmentAdminRefused("notFound");
  return row;
}

/** Empty English name: the Chinese one. */
const withEnglish = (d: NewDepartment): NewDepartment => ({ ...d, nameEn: d.nameEn || d.nameZh });

export function addDepartment({ streetId, department }: { streetId: number; department: NewDepartment }): Result<DepartmentAdminProblem, { id: number }> {
  return attemptDepartments(() => write((tx) => ({ id: createDepartmentIn(tx, { streetId, department: withEnglish(department) }) })));
}

/** New names, contact or limit; nothing is written when nothing changed. A changed limit counts for calls sent from now on. */
export function editDepartment({ streetId, departmentId, department }: { streetId: number; departmentId: number; department: NewDepartment }): Result<DepartmentAdminProblem, { changed: boolean }> {
  const next = withEnglish(department);
  return attemptDepartments(() =>
    write((tx) => {
      const row = departmentOf(tx, streetId, departmentId);
      if (row.nameZh === next.nameZh && row.nameEn === next.nameEn && row.contact === next.contact && row.responseHours === next.responseHours) return { changed: false };
      const clash = tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.streetId, streetId), eq(departments.nameZh, next.nameZh), ne(departments.id, departmentId)))
        .get();
      if (clash) throw departmentAdminRefused("nameTaken");
      tx.update(departments).set(next).where(eq(departments.id, departmentId)).run();
      return { changed: true };
    }),
  );
}

/** Archived, a department takes no new calls (the call model checks archivedAt) and no new contacts; its calls and record stay. */
export function setDepartmentArchived({ streetId, departmentId, archived }: { streetId: number; departmentId: number; archived: boolean }): Result<DepartmentAdminProblem, { nameZh: string }> {
  return attemptDepartments(() =>
    write((tx) => {
      const row = departmentOf(tx, streetId, departmentId);
      if (archived && row.archivedAt) throw departmentAdminRefused("alreadyArchived");
      if (!archived && !row.archivedAt) throw departmentAdminRefused("notArchived");
      tx.update(departments)
        .set({ archivedAt: archived ? now() : null })
        .where(eq(departments.id, departmentId))
        .run();
      return { nameZh: row.nameZh };
    }),
  );
}

/** Makes an existing account (by its username) a contact of the department. */
export function addContactByUsername({ streetId, departmentId, username, actorId }: { streetId: number; departmentId: number; username: string; actorId: number }): Result<DepartmentAdminProblem, { displayName: string }> {
  return attemptDepartments(() =>
    write((tx) => {
      const row = departmentOf(tx, streetId, departmentId);
      if (row.archivedAt) throw departmentAdminRefused("archived");
      const user = tx.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.username, username.toLowerCase())).get();
      if (!user) throw departmentAdminRefused("unknownUser");
      addDepartmentContactIn(tx, { departmentId, userId: user.id, addedBy: actorId });
      return { displayName: user.displayName };
    }),
  );
}

/** Takes a person off the department's contacts (their account stays; calls already answered keep their names). */
export function removeContact({ streetId, departmentId, userId }: { streetId: number; departmentId: number; userId: number }): Result<DepartmentAdminProblem, { displayName: string }> {
  return attemptDepartments(() =>
    write((tx) => {
      departmentOf(tx, streetId, departmentId);
      const gone = tx
        .delete(departmentContacts)
        .where(and(eq(departmentContacts.departmentId, departmentId), eq(departmentContacts.userId, userId)))
        .run();
      if (gone.changes === 0) throw departmentAdminRefused("notContact");
      const user = tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).get();
      return { displayName: user?.displayName ?? "" };
    }),
  );
}

/**
 * The street's departments for their admin: each with its contacts and how many calls it has open
 * and overdue now (an answer owed past its due time, or accepted work past its promised date).
 */
export function listDepartmentsForAdmin({ streetId, at = now() }: { streetId: number; at?: Date }) {
  const rows = listDepartments({ streetId });
  const ids = rows.map((d) => d.id);
  const atMs = at.getTime();
  const overdue = sql<number>`sum(case when (${departmentCalls.state} = 'sent' and ${departmentCalls.responseDueAt} <= ${atMs}) or (${departmentCalls.state} = 'accepted' and ${departmentCalls.promisedBy} <= ${atMs}) then 1 else 0 end)`;
  const counts = ids.length
    ? getDb()
        .select({ departmentId: departmentCalls.departmentId, open: sql<number>`count(*)`, overdue })
        .from(departmentCalls)
        .where(and(inArray(departmentCalls.departmentId, ids), inArray(departmentCalls.state, [...OPEN_CALL_STATES])))
        .groupBy(departmentCalls.departmentId)
        .all()
    : [];
  return rows.map((d) => {
    const c = counts.find((x) => x.departmentId === d.id);
    return { ...d, openCalls: Number(c?.open ?? 0), overdueCalls: Number(c?.overdue ?? 0) };
  });
}
