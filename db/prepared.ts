import { getDb, type Db } from "./client.server";

/**
 * A hot query prepared once per database connection (unprepared drizzle point reads cost ~10×).
 * Usage: `const byId = prepared((db) => db.select()...where(eq(t.id, sql.placeholder("id"))).prepare());`
 * then `byId().get({ id })`.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

const versionOf = prepared((db) => db.$client.prepare("SELECT total_changes() AS changes").pluck());

/**
 * The database's version as this process sees it: it moves with every row this connection writes
 * (total_changes, even a change later rolled back) and with every commit of another connection
 * (data_version). Equal versions mean nothing was written in between.
 */
export function databaseVersion(): string {
  const db = getDb();
  return `${db.$client.pragma("data_version", { simple: true })}:${versionOf().get()}`;
}

/**
 * A read remembered until the next write anywhere in the database: for what every view of a busy
 * page reads and few requests change (the hall's stage columns). One entry per key.
 */
export function untilNextWrite<K, V>(read: (key: K) => V): (key: K) => V {
  const remembered = new Map<K, { version: string; value: V }>();
  return (key) => {
    const version = databaseVersion();
    const hit = remembered.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = read(key);
    remembered.set(key, { version, value });
    return value;
  };
}
