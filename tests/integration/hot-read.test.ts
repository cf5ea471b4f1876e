// Hot reads as plain better-sqlite3 statements (db/hot-read.ts) on a real database: the rows equal
// what drizzle returns for the same query, columns convert as drizzle's schema says, a column the
// database does not have fails at once, and each connection gets its own statement.
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, useDatabaseFile } from "../../db/client.server";
import { hotSelect, orNull } from "../../db/hot-read";
import { motions, topicEvents, users } from "../../db/schema";
import { createSession, generateSessionToken, readSession, sessionIdFromToken } from "~/auth/session.server";
import { userId } from "./support/db";

const testDb = process.env.DATABASE_PATH!;
afterEach(() => {
  useDatabaseFile(testDb);
});

const userById = hotSelect({ id: users.id, username: users.username, displayName: users.displayName, createdAt: users.createdAt }).from<{ id: number }>(
  sql`${users} where ${users.id} = ${sql.placeholder("id")}`,
);

describe("hot reads", () => {
  it("read the same row drizzle reads, with Date columns as Dates", () => {
    const id = userId("resident1");
    const hot = userById.get({ id });
    const drizzleRow = getDb().select({ id: users.id, username: users.username, displayName: users.displayName, createdAt: users.createdAt }).from(users).where(eq(users.id, id)).get();
    expect(hot).toEqual(drizzleRow);
    expect(hot?.createdAt).toBeInstanceOf(Date);
    expect(userById.get({ id: -1 })).toBeUndefined();
  });

  it("give the session lookup the stored milliseconds as Dates", () => {
    const token = generateSessionToken();
    const created = createSession({ token, userId: userId("resident2") });
    const row = readSession(sessionIdFromToken(token));
    expect(row).toEqual({
      sessionId: created.id,
      expiresAt: created.expiresAt,
      lastSeenAt: created.lastSeenAt,
      userId: userId("resident2"),
      username: "resident2",
      displayName: expect.any(String),
    });
    const stored = getDb().$client.prepare("SELECT expires_at FROM sessions WHERE id = ?").pluck().get(created.id);
    expect(row?.expiresAt.getTime()).toBe(stored);
  });

  it("convert booleans, leave a left-joined column null when nothing matched, and order like drizzle", () => {
    const secretOf = hotSelect({ id: motions.id, secret: motions.secret }).from<Record<string, never>>(sql`${motions} order by ${motions.id}`);
    const drizzleMotions = getDb().select({ id: motions.id, secret: motions.secret }).from(motions).orderBy(motions.id).all();
    expect(drizzleMotions.length).toBeGreaterThan(0);
    expect(secretOf.all({})).toEqual(drizzleMotions);
    expect(new Set(secretOf.all({}).map((m) => typeof m.secret))).toEqual(new Set(["boolean"]));

    const withActor = hotSelect({ id: topicEvents.id, at: topicEvents.at, actorName: orNull(users.displayName) }).from<Record<string, never>>(
      sql`${topicEvents} left join ${users} on ${users.id} = ${topicEvents.actorId} order by ${topicEvents.id}`,
    );
    const drizzleEvents = getDb()
      .select({ id: topicEvents.id, at: topicEvents.at, actorName: users.displayName })
      .from(topicEvents)
      .leftJoin(users, eq(users.id, topicEvents.actorId))
      .orderBy(topicEvents.id)
      .all();
    expect(withActor.all({})).toEqual(drizzleEvents);
    expect(drizzleEvents.some((e) => e.actorName === null)).toBe(true);
  });

  it("fail loudly on a column the database does not have, and on a missing parameter", () => {
    const renamed = sqliteTable("users", { id: integer("id").primaryKey(), name: text("user_name").notNull() });
    const byName = hotSelect({ name: renamed.name }).from<{ id: number }>(sql`${renamed} where ${renamed.id} = ${sql.placeholder("id")}`);
    expect(() => byName.get({ id: 1 })).toThrow(/no such column: users\.user_name/);
    expect(() => userById.get({} as { id: number })).toThrow(/Missing named parameter "id"/);
  });

  it("refuse a value baked into the statement: parameters are placeholders", () => {
    expect(() => hotSelect({ id: users.id }).from(sql`${users} where ${eq(users.username, "resident1")}`)).toThrow(/only sql\.placeholder/);
  });

  it("prepare once per connection: another database file is read from its own statement", () => {
    const id = userId("resident1");
    const copy = `${testDb}.copy.db`;
    getDb().$client.exec(`VACUUM INTO '${copy}'`);
    try {
      useDatabaseFile(copy);
      getDb().$client.prepare("UPDATE users SET display_name = '另一个库' WHERE id = ?").run(id);
      expect(userById.get({ id })?.displayName).toBe("另一个库");
      useDatabaseFile(testDb);
      expect(userById.get({ id })?.displayName).not.toBe("另一个库");
    } finally {
      useDatabaseFile(testDb);
      getDb();
      fs.rmSync(copy, { force: true });
    }
  });
});
