import Database from "better-sqlite3";

/**
 * Opens an SQLite file with better-sqlite3. Every connection the app, its tools and its tests open
 * goes through here (tests/unit/sqlite-driver.test.ts checks), so that one setting chooses the
 * driver's compiled half: SQLITE_NATIVE_BINDING, the path of a better_sqlite3.node built for the
 * Node that runs. Unset (the normal case), better-sqlite3 loads the one `npm ci` built in
 * node_modules. CI sets it for its second run on Node 24 (decision 041): a native module is built
 * for one Node ABI, and the tree in node_modules stays Node 20's.
 */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.SQLITE_NATIVE_BINDING || undefined;
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

export type { Database };
