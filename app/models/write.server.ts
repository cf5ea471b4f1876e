import { getDb, inTransaction, type Tx } from "../../db/client.server";
import { publishCommitted, type CommittedEvent } from "./committed-events.server";
import { durably, durablyTogether } from "./durable.server";

/** Hands an event to be published once the write has committed. */
export type Publish = (event: CommittedEvent) => void;
export type WriteFn<T> = (tx: Tx, publish: Publish) => T;

/**
 * How the write reaches the disk: `false` (the default) commits with `synchronous = NORMAL`; `true`
 * fsyncs before returning (docs/decisions/008-ballots-durable-and-witnessed.md); `"together"` shares
 * one durable commit with the writes of the same moment and settles after it (009-group-commit-for-ballots.md).
 */
export interface WriteOptions {
  durable?: boolean | "together";
}

/** The events of the write now running, if any: a write inside it publishes with it, when it commits. */
let running: CommittedEvent[] | null = null;

/**
 * The one way the app writes: runs `fn` in one transaction, where it changes rows and appends to the
 * ledger (`appendLedger(tx, ...)`) together; a DomainError (or any error) thrown by `fn` rolls all of
 * it back. The events `fn` publishes reach the listeners only after the commit, never for a write that
 * was rolled back. A write inside another is a savepoint and publishes when the outer one commits.
 */
export function write<T>(fn: WriteFn<T>, options?: { durable?: boolean }): T;
export function write<T>(fn: WriteFn<T>, options: { durable: "together" }): Promise<T>;
export function write<T>(fn: WriteFn<T>, { durable = false }: WriteOptions = {}): T | Promise<T> {
  const events: CommittedEvent[] = [];
  const body = collecting(fn, events);
  if (durable === "together") {
    return durablyTogether(body).then((value) => {
      publishAll(events);
      return value;
    });
  }
  const outer = running;
  const value = durable && outer === null ? durably(body) : inTransaction(getDb(), body);
  if (outer !== null) outer.push(...events);
  else publishAll(events);
  return value;
}

function collecting<T>(fn: WriteFn<T>, events: CommittedEvent[]): (tx: Tx) => T {
  return (tx) => {
    const outer = running;
    running = events;
    try {
      return fn(tx, (event) => events.push(event));
    } finally {
      running = outer;
    }
  };
}

function publishAll(events: readonly CommittedEvent[]) {
  for (const event of events) publishCommitted(event);
}
