import { prepared } from "../../db/prepared";
import { getDb, inTransaction, type Tx } from "../../db/client.server";

interface Waiting {
  fn: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Writes asked for with `durablyTogether`, in order, not yet committed. */
let waiting: Waiting[] = [];

/** How many turns of the event loop a batch may wait for more writes while they keep coming. */
const MAX_TURNS = 16;

/**
 * Runs one transaction with `synchronous = FULL`: its commit is on disk (the WAL is fsynced) before
 * the function returns, so an acknowledged ballot survives a power cut, not only a crash of the
 * process. SQLite refuses to change the setting inside a transaction, so it is switched around it;
 * better-sqlite3 is synchronous, so no other transaction of this connection runs in between.
 */
export function durably<T>(fn: (tx: Tx) => T): T {
  // Writes waiting for a group commit came first, so they commit first: a close never jumps ahead
  // of the ballots that reached the model before it.
  commitWaiting();
  return withFullSync(() => inTransaction(getDb(), fn));
}

// Prepared once: better-sqlite3's pragma() prepares its statement anew on every call, twice per ballot.
const fullSync = prepared((db) => db.$client.prepare("PRAGMA synchronous = FULL"));
const normalSync = prepared((db) => db.$client.prepare("PRAGMA synchronous = NORMAL"));

function withFullSync<T>(run: () => T): T {
  fullSync().run();
  try {
    return run();
  } finally {
    normalSync().run();
  }
}

/**
 * Group commit: like `durably`, but writes asked for while a storm of them lasts share one durable
 * transaction, so 500 ballots pay for a few fsyncs instead of 500 (an fsync blocks the whole server
 * for milliseconds). Each write runs in its own savepoint, in the order asked: one that throws is
 * rolled back alone and its promise rejects; the others see the writes before them. Every promise
 * settles only after the commit is on disk, so nothing is acknowledged that a power cut could lose.
 */
export function durablyTogether<T>(fn: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (waiting.length === 0) setImmediate(lingerThenCommit, 0, 0);
    waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
  });
}

// Requests reach their action one or a few per turn of the event loop: while the last turn brought
// more writes, wait one more turn (up to MAX_TURNS); a lone write commits on the next turn.
function lingerThenCommit(seen: number, turns: number) {
  if (waiting.length > seen && turns < MAX_TURNS) setImmediate(lingerThenCommit, waiting.length, turns + 1);
  else commitWaiting();
}

function commitWaiting() {
  const batch = waiting;
  if (batch.length === 0) return;
  waiting = [];
  let outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  try {
    outcomes = withFullSync(
      () =>
        inTransaction(getDb(), () =>
          batch.map((w) => {
            try {
              return { ok: true as const, value: inTransaction(getDb(), w.fn) };
            } catch (error) {
              return { ok: false as const, error };
            }
          }),
        ) as Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>,
    );
  } catch (error) {
    // The commit itself failed: nothing of the batch was stored.
    for (const w of batch) w.reject(error);
    return;
  }
  outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)));
}
