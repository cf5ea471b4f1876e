// The e-mail outbox: notifications become outbox rows (at once, or in the day's digest), and due rows
// are sent a few at a time, retried with back-off. Everything lives in the database, so a restart loses
// nothing: queued rows stay queued. A row whose send reached the server but whose `sent` was not yet
// written when the process died is sent again on the next run: delivery is at-least-once.
// Every time decision reads the app's clock (`now()`), which the test clock moves.
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, inTransaction } from "../../db/client.server";
import { communities, notifications, outbox, rules, users } from "../../db/schema";
import { now } from "../models/clock.server";
import { DEFAULT_TIME_ZONE, instantOfWallTime, isTimeZone, localDate } from "../i18n/time-zone";
import { parsePayload as parseStored } from "../models/notification-page.server";
import { agendaTitles } from "./meeting-notice.server";
import { renderDigest, renderOne, type MailItem } from "./message.server";
import { modesOf, prefKindOf } from "./prefs.server";
import type { Sender } from "./sender.server";

/** Waits after the 1st, 2nd… failed attempt; after the last one the row is `failed`. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
const BATCH = 200;

/** DIGEST_HOUR (0–23, default 8): the local hour from which the day's digest goes out. */
export function digestHour(env: Record<string, string | undefined> = process.env): number {
  const hour = Number(env.DIGEST_HOUR ?? 8);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8;
}

interface Pending extends MailItem {
  userId: number;
  name: string;
  email: string | null;
}

function pendingRows(where: ReturnType<typeof and>): Pending[] {
  return getDb()
    .select({
      id: notifications.id,
      userId: notifications.userId,
      name: users.displayName,
      email: users.email,
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      topicId: notifications.topicId,
      communitySlug: communities.slug,
      communityKind: communities.kind,
      communityName: communities.nameZh,
      timeZone: sql<string>`coalesce(${rules.timeZone}, ${DEFAULT_TIME_ZONE})`,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(communities, eq(communities.id, notifications.communityId))
    .leftJoin(rules, eq(rules.communityId, notifications.communityId))
    .where(where)
    .orderBy(asc(notifications.id))
    .limit(BATCH)
    .all()
    .map((r) => ({ ...r, payload: parsePayload(r.payload, r.kind), timeZone: isTimeZone(r.timeZone) ? r.timeZone : DEFAULT_TIME_ZONE }));
}

function parsePayload(text: string, kind: string): Record<string, unknown> {
  const payload = parseStored(text);
  // A meeting notice read later (a digest, a retry of triage) tells the agenda as it stands now.
  return kind === "meeting.scheduled" && typeof payload.meetingId === "number" ? { ...payload, agenda: agendaTitles(getDb(), payload.meetingId) } : payload;
}

const markMailed = (ids: readonly number[], at: Date) => {
  if (ids.length) getDb().update(notifications).set({ mailedAt: at }).where(inArray(notifications.id, [...ids])).run();
};

/**
 * Step 1: notifications not yet dealt with, after `afterId`. Immediate → an outbox row (and marked);
 * never, no e-mail address, or e-mail off → marked; digest → left for the digest. Returns the last id seen.
 */
export async function triageNotifications({ afterId = 0, mailOn = true }: { afterId?: number; mailOn?: boolean } = {}): Promise<{ lastId: number; queued: number }> {
  let lastId = afterId;
  let queued = 0;
  for (;;) {
    const rows = pendingRows(and(isNull(notifications.mailedAt), gt(notifications.id, lastId)));
    if (rows.length === 0) return { lastId, queued };
    const modes = modesOf([...new Set(rows.map((r) => r.userId))]);
    const skip: number[] = [];
    for (const row of rows) {
      lastId = row.id;
      const mode = mailOn && row.email ? modes.get(row.userId)![prefKindOf(row.kind)] : "never";
      if (mode === "never") skip.push(row.id);
      if (mode !== "immediate") continue;
      const message = await renderOne(row.name, row);
      const at = now();
      inTransaction(getDb(), (tx) => {
        tx.insert(outbox).values({ userId: row.userId, address: row.email!, kind: row.kind, subject: message.subject, body: message.text, nextAttemptAt: at, createdAt: at }).run();
        tx.update(notifications).set({ mailedAt: at }).where(eq(notifications.id, row.id)).run();
      });
      queued++;
    }
    markMailed(skip, now());
    // A long backlog (the first run after e-mail is turned on) must not hold the server's requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Step 2: once a day from DIGEST_HOUR in the person's community zone, one digest per person of what
 * waited for it (notifications made before today's hour). The digest key (person and day) is unique,
 * so a second run the same day — or after a restart — makes none.
 */
export async function queueDigests({ hour = digestHour(), mailOn = true }: { hour?: number; mailOn?: boolean } = {}): Promise<number> {
  const at = now();
  const people = getDb().selectDistinct({ userId: notifications.userId }).from(notifications).where(isNull(notifications.mailedAt)).all();
  let made = 0;
  for (const { userId } of people) {
    const rows = pendingRows(and(isNull(notifications.mailedAt), eq(notifications.userId, userId)));
    if (rows.length === 0) continue;
    const zone = rows[0].timeZone;
    const date = localDate(at, zone);
    const cutoff = instantOfWallTime(`${date}T${String(hour).padStart(2, "0")}:00:00`, zone);
    if (at.getTime() < cutoff.getTime()) continue;
    const modes = modesOf([userId]).get(userId)!;
    const due = rows.filter((r) => new Date(r.createdAt).getTime() < cutoff.getTime());
    const email = rows[0].email;
    // Those the person now wants never (or cannot get: no address, e-mail off) are dealt with here.
    const skip = due.filter((r) => !mailOn || !email || modes[prefKindOf(r.kind)] === "never");
    markMailed(skip.map((r) => r.id), at);
    const items = due.filter((r) => !skip.includes(r));
    if (items.length === 0 || !email) continue;
    const digestKey = `${userId}:${date}`;
    if (getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.digestKey, digestKey)).get()) continue;
    const message = await renderDigest(rows[0].name, items, date);
    const inserted = inTransaction(getDb(), (tx) => {
      const row = tx
        .insert(outbox)
        .values({ userId, address: email, kind: "digest", subject: message.subject, body: message.text, nextAttemptAt: at, createdAt: at, digestKey })
        .onConflictDoNothing()
        .returning({ id: outbox.id })
        .get();
      if (row) tx.update(notifications).set({ mailedAt: at }).where(inArray(notifications.id, items.map((i) => i.id))).run();
      return row !== undefined;
    });
    if (inserted) made++;
  }
  return made;
}

/** Step 3: sends up to `limit` due rows, one after another; a failure waits its back-off, then `failed`. */
export async function sendDue(sender: Sender, { limit = 5 }: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const due = getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "queued"), eq(outbox.channel, sender.channel), lte(outbox.nextAttemptAt, now())))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const attempts = row.attempts + 1;
    try {
      await sender.send({ to: row.address, subject: row.subject, text: row.body });
      getDb().update(outbox).set({ status: "sent", attempts, sentAt: now(), lastError: "" }).where(eq(outbox.id, row.id)).run();
      sent++;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const last = attempts >= MAX_ATTEMPTS;
      const nextAttemptAt = new Date(now().getTime() + (last ? 0 : BACKOFF_MS[attempts - 1]));
      getDb()
        .update(outbox)
        .set({ attempts, lastError, nextAttemptAt, ...(last ? { status: "failed" as const } : {}) })
        .where(eq(outbox.id, row.id))
        .run();
      failed++;
    }
  }
  return { sent, failed };
}
