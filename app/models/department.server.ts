import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { departmentContacts, departments, streets, users } from "../../db/schema";
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from "../workflow/department-call";
import { now } from "./clock.server";
import { refusals } from "./domain-error.server";

// The street's departments (issue 19): kept by the street admin, answered for by their contacts.

export type DepartmentProblem = "notFound" | "nameTaken" | "responseHours" | "alreadyContact" | "notContact" | "archived";
export const departmentRefused = refusals<DepartmentProblem>("department");

export interface NewDepartment {
  nameZh: string;
  nameEn: string;
  contact: string;
  responseHours: number;
}

/** A department of the street (the seed, setup and the departments page make them so). */
export function createDepartmentIn(tx: Tx, { streetId, department }: { streetId: number; department: NewDepartment }): number {
  const { responseHours } = department;
  if (!Number.isInteger(responseHours) || responseHours < RESPONSE_HOURS_MIN || responseHours > RESPONSE_HOURS_MAX) throw departmentRefused("responseHours");
  const clash = tx.select({ id: departments.id }).from(departments).where(and(eq(departments.streetId, streetId), eq(departments.nameZh, department.nameZh))).get();
  if (clash) throw departmentRefused("nameTaken");
  return tx
    .insert(departments)
    .values({ streetId, ...department, createdAt: now() })
    .returning({ id: departments.id })
    .get().id;
}

/** Makes a person a contact of a department (the executor role at street level). */
export function addDepartmentContactIn(tx: Tx, { departmentId, userId, addedBy }: { departmentId: number; userId: number; addedBy: number | null }): void {
  const known = tx.select({ userId: departmentContacts.userId }).from(departmentContacts).where(and(eq(departmentContacts.departmentId, departmentId), eq(departmentContacts.userId, userId))).get();
  if (known) throw departmentRefused("alreadyContact");
  tx.insert(departmentContacts).values({ departmentId, userId, addedBy, createdAt: now() }).run();
}

/** The street's departments, archived ones last, each with its contact people. */
export function listDepartments({ streetId, includeArchived = true }: { streetId: number; includeArchived?: boolean }) {
  const db = getDb();
  const rows = db
    .select()
    .from(departments)
    .where(includeArchived ? eq(departments.streetId, streetId) : and(eq(departments.streetId, streetId), isNull(departments.archivedAt)))
    .orderBy(asc(departments.archivedAt), asc(departments.id))
    .all();
  const ids = rows.map((d) => d.id);
  const contacts = ids.length
    ? db
        .select({ departmentId: departmentContacts.departmentId, userId: users.id, username: users.username, displayName: users.displayName })
        .from(departmentContacts)
        .innerJoin(users, eq(users.id, departmentContacts.userId))
        .where(inArray(departmentContacts.departmentId, ids))
        .orderBy(asc(users.displayName))
        .all()
    : [];
  return rows.map((d) => ({ ...d, contacts: contacts.filter((c) => c.departmentId === d.id).map(({ departmentId: _, ...c }) => c) }));
}

/** One department of the street, or undefined (a department of another street is not found). */
export function getDepartment({ streetId, departmentId }: { streetId: number; departmentId: number }, tx: Tx | ReturnType<typeof getDb> = getDb()) {
  return tx
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.streetId, streetId)))
    .get();
}

/** The departments of the street a person answers for (empty for everyone else). */
export function departmentIdsOf({ userId, streetId }: { userId: number; streetId: number }, tx: Tx | ReturnType<typeof getDb> = getDb()): number[] {
  return tx
    .select({ id: departments.id })
    .from(departmentContacts)
    .innerJoin(departments, eq(departments.id, departmentContacts.departmentId))
    .where(and(eq(departmentContacts.userId, userId), eq(departments.streetId, streetId)))
    .all()
    .map((r) => r.id);
}

/** The contact people of a department (who are told of a call). */
export function departmentContactIds(tx: Tx, departmentId: number): number[] {
  return tx
    .select({ userId: departmentContacts.userId })
    .from(departmentContacts)
    .where(eq(departmentContacts.departmentId, departmentId))
    .all()
    .map((r) => r.userId);
}

/** The street whose departments a person answers for (the first, by id), for their queue's link and where they land; null for most people. */
export function contactStreetOf(userId: number, db: ReturnType<typeof getDb> = getDb()): { slug: string } | null {
  return (
    db
      .select({ slug: streets.slug })
      .from(departmentContacts)
      .innerJoin(departments, eq(departments.id, departmentContacts.departmentId))
      .innerJoin(streets, eq(streets.id, departments.streetId))
      .where(eq(departmentContacts.userId, userId))
      .orderBy(asc(streets.id))
      .limit(1)
      .get() ?? null
  );
}
