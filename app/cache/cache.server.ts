import { isDeepStrictEqual } from "node:util";
import { getTableName, type Table } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { watchChanges } from "../../db/changes";
import { getDb, type Db } from "../../db/client.server";
import { prepared } from "../../db/prepared";

/**
 * The one cache of reads (docs/decisions/033-scoped-cache.md). A read is remembered under its name, its
 * community and its key, with the tables it depends on; a write forgets only what it touched: the
 * database reports every row written, with its table and community (db/changes.ts), and that one
 * listener below forgets the entries of that community whose reads depend on that table. A draft
 * keystroke, a session refresh or a co-sign in another village forget nothing of a hall.
 *
 *   const hall = cachedRead("hall", { tables: [topics, catalogueEntries], community: (id: number) => id }, readHall);
 *
 * Reads made inside a transaction are not remembered (they may see what a rollback undoes), and a
 * commit by another connection (a CLI, a test writing to the file) forgets everything.
 */
export interface CachedReadOptions<A, V> {
  /** Every table the read looks at: a write to any of them in the read's community forgets it. */
  tables: readonly Table[];
  /** The community the read belongs to; omitted for a read across communities (any write to its tables forgets it). */
  community?: (arg: A) => number;
  /** Which arguments are the same read within a community (default: the argument itself). */
  key?: (arg: A) => string | number;
  /** How many entries are kept, least recently used first out. */
  max?: number;
  /** For CACHE_VERIFY: whether a remembered value still equals a fresh read (default: deep equality). */
  same?: (remembered: NoInfer<V>, fresh: NoInfer<V>) => boolean;
}

interface Box<V> {
  value: V;
}

interface Store {
  name: string;
  tables: ReadonlySet<string>;
  scoped: boolean;
  forgetCommunity(community: number): void;
  clear(): void;
}

const stores: Store[] = [];
const storesByTable = new Map<string, Store[]>();
const verify = process.env.CACHE_VERIFY === "1";

function forget(table: string, community: number | null): void {
  for (const store of storesByTable.get(table) ?? []) {
    if (community === null || !store.scoped) store.clear();
    else store.forgetCommunity(community);
  }
}

let watchedDb: Db | undefined;
let seenVersion: unknown;

/** The connection the app reads through, watched; everything is forgotten when another connection committed or the connection changed (tests swap files). */
function currentDb(): Db {
  const db = getDb();
  if (db !== watchedDb) {
    if (watchedDb) for (const store of stores) store.clear();
    watchedDb = db;
    seenVersion = undefined;
    watchChanges(db.$client, forget);
  }
  const version = dataVersion().get();
  if (version !== seenVersion) {
    if (seenVersion !== undefined) for (const store of stores) store.clear();
    seenVersion = version;
  }
  return db;
}

// Prepared once per connection: better-sqlite3's pragma() compiles the statement on every call.
const dataVersion = prepared((db) => db.$client.prepare("PRAGMA data_version").pluck());

export type CachedRead<A, V> = ((arg: A) => V) & { readonly counts: { hits: number; misses: number } };

export function cachedRead<A, V>(name: string, options: CachedReadOptions<A, V>, read: (arg: A) => V): CachedRead<A, V> {
  const { community, key = (arg: A) => arg as unknown as string | number, max = 1000, same = isDeepStrictEqual } = options;
  const byCommunity = new Map<number, Set<string>>();
  const lru = new LRUCache<string, Box<V>, number>({
    max,
    dispose: (_box, id, reason) => {
      if (reason === "set") return;
      const scope = Number(id.slice(0, id.indexOf("|")));
      const ids = byCommunity.get(scope);
      ids?.delete(id);
      if (ids?.size === 0) byCommunity.delete(scope);
    },
  });
  const store: Store = {
    name,
    tables: new Set(options.tables.map((t) => getTableName(t))),
    scoped: community !== undefined,
    forgetCommunity(scope) {
      const ids = byCommunity.get(scope);
      if (!ids) return;
      for (const id of [...ids]) lru.delete(id);
    },
    clear() {
      if (lru.size === 0) return;
      lru.clear();
      byCommunity.clear();
    },
  };
  stores.push(store);
  for (const table of store.tables) storesByTable.set(table, [...(storesByTable.get(table) ?? []), store]);

  const counts = { hits: 0, misses: 0 };
  const remembered = (arg: A): V => {
    const db = currentDb();
    if (db.$client.inTransaction) {
      return read(arg);
    }
    const scope = community ? community(arg) : 0;
    const id = `${scope}|${key(arg)}`;
    const box = lru.get(id);
    if (box) {
      counts.hits++;
      if (verify) {
        const fresh = read(arg);
        if (!same(box.value, fresh)) throw new Error(`cachedRead "${name}" (${id}) is stale: its read depends on a table it does not declare (declared: ${[...store.tables].join(", ")})`);
      }
      return box.value;
    }
    counts.misses++;
    const value = read(arg);
    lru.set(id, { value });
    if (community) {
      let ids = byCommunity.get(scope);
      if (!ids) byCommunity.set(scope, (ids = new Set()));
      ids.add(id);
    }
    return value;
  };
  return Object.assign(remembered, { counts });
}
