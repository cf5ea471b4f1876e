// Each person's choice, per kind of notification, of how it reaches them off the site: at once, in
// the daily digest, or never. The notification kinds are grouped into a handful a person can choose
// for (PREF_KINDS); a kind nobody listed here falls under "other".
import { and, eq, inArray } from "drizzle-orm";
import { getDb, inTransaction } from "../../db/client.server";
import { DELIVERY_MODES, notificationPrefs, users, type DeliveryMode } from "../../db/schema";
import { MODES, PREF_KINDS, type Mode, type PrefKind } from "./pref-kinds";

export { PREF_KINDS, type PrefKind } from "./pref-kinds";

// The form's choices are the table's modes, both ways round (a compile error otherwise).
const sameModes: [readonly Mode[], readonly DeliveryMode[]] = [DELIVERY_MODES, MODES];
void sameModes;

const GROUPS: Record<string, PrefKind> = {
  "topic.moved": "topics",
  "topic.mergedIn": "topics",
  "objection.lodged": "topics",
  "objection.answered": "topics",
  "resolution.suspended": "topics",
  "resolution.correctionOrdered": "topics",
  "meeting.scheduled": "meetings",
  "meeting.cancelled": "meetings",
  "meeting.agendaChanged": "meetings",
  "meeting.rescheduled": "meetings",
  "meeting.requested": "meetings",
  "ballot.recorded": "meetings",
  "task.assigned": "tasks",
  "rectification.raised": "tasks",
  "rectification.answered": "tasks",
  "assist.recorded": "assist",
  "call.arrived": "tasks",
  "call.infoGiven": "tasks",
  "call.withdrawn": "tasks",
  "call.answered": "tasks",
  "call.overdue": "tasks",
};

/** The preference kind a notification kind falls under. */
export function prefKindOf(kind: string): PrefKind {
  return GROUPS[kind] ?? "other";
}

/** Meeting notices go out at once (a meeting is days away); the rest wait for the day's digest. */
export const DEFAULT_MODES: Record<PrefKind, DeliveryMode> = { topics: "digest", meetings: "immediate", tasks: "digest", assist: "digest", other: "digest" };

/** A person's mode for every preference kind (defaults where they chose nothing). */
export function readModes(userId: number): Record<PrefKind, DeliveryMode> {
  const rows = getDb().select({ kind: notificationPrefs.kind, mode: notificationPrefs.mode }).from(notificationPrefs).where(eq(notificationPrefs.userId, userId)).all();
  const modes = { ...DEFAULT_MODES };
  for (const r of rows) if ((PREF_KINDS as readonly string[]).includes(r.kind)) modes[r.kind as PrefKind] = r.mode;
  return modes;
}

/** The modes of many people at once (the worker's batch): userId → kind → mode. */
export function modesOf(userIds: readonly number[]): Map<number, Record<PrefKind, DeliveryMode>> {
  const result = new Map(userIds.map((id) => [id, { ...DEFAULT_MODES }]));
  if (userIds.length === 0) return result;
  const rows = getDb().select().from(notificationPrefs).where(inArray(notificationPrefs.userId, [...userIds])).all();
  for (const r of rows) {
    const modes = result.get(r.userId);
    if (modes && (PREF_KINDS as readonly string[]).includes(r.kind)) modes[r.kind as PrefKind] = r.mode;
  }
  return result;
}

export function readEmail(userId: number): string {
  return getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email ?? "";
}

/**
 * Saves a person's e-mail address (empty: none) and their mode for every preference kind. A mode equal
 * to the default is stored too: the person chose it, and a later change of default leaves them be.
 */
export function saveNotificationPrefs({ userId, email, modes }: { userId: number; email: string; modes: Record<PrefKind, DeliveryMode> }): void {
  const db = getDb();
  inTransaction(db, (tx) => {
    tx.update(users).set({ email: email || null }).where(eq(users.id, userId)).run();
    for (const kind of PREF_KINDS) {
      tx.delete(notificationPrefs).where(and(eq(notificationPrefs.userId, userId), eq(notificationPrefs.kind, kind))).run();
      tx.insert(notificationPrefs).values({ userId, kind, mode: modes[kind] }).run();
    }
  });
}
