import type { Role } from "./roles";

/**
 * A record's life as data (no I/O): the statuses it passes through, the moves between them, what may
 * be done while it sits in each, and who may do it. The meeting, motion, resolution and meeting
 * request tables (meeting-lifecycle.ts, motion-lifecycle.ts) are of this shape; the models ask them
 * before they write and the pages ask the same functions before they offer a button.
 */

/** Who acts: a role of the community, the system (a count, a deadline, another record's move) or a street admin (who holds no community role). */
export type Actor = Role | "system" | "street";

interface Rule<S extends string, P extends string> {
  by: readonly Actor[];
  /**
   * What the model checks besides the status, by name (the quorum reached, no vote open …): the
   * table says that the condition applies, the model reads the facts and refuses with its own words.
   */
  guards?: readonly string[];
  /** The problem a model answers when asked from a status the rule does not allow; the lifecycle's `refused` otherwise. */
  refusals?: Partial<Record<S, P>>;
}

export interface Move<S extends string, A extends string, P extends string> extends Rule<S, P> {
  action: A;
  /** The statuses it starts from; none: the move creates the record. */
  from: readonly S[];
  /** The status it ends in; null: the row is deleted (its ledger entry stays). */
  to: S | null;
  /** The move must say why (shown publicly). */
  needsReason?: boolean;
}

/** What may be done while a record sits in a status, without moving it. */
export interface Act<S extends string, P extends string> extends Rule<S, P> {
  in: readonly S[];
}

export interface Lifecycle<S extends string, A extends string, C extends string, P extends string> {
  statuses: readonly S[];
  /** Statuses nothing leaves. */
  terminal: readonly S[];
  /** Statuses only old records hold: no move leads there any more. */
  legacy?: readonly S[];
  moves: readonly Move<S, A, P>[];
  acts: Record<C, Act<S, P>>;
  /** The problem for a status that does not allow what was asked. */
  refused: P;
}

type AnyLifecycle = Lifecycle<string, string, string, string>;

export function moveOf<S extends string, A extends string, P extends string>(lifecycle: Lifecycle<S, A, string, P>, action: A): Move<S, A, P> {
  const move = lifecycle.moves.find((m) => m.action === action);
  if (!move) throw new Error(`no move ${action}`);
  return move;
}

function ruleOf<S extends string, P extends string>(lifecycle: Lifecycle<S, string, string, P>, what: string): { in: readonly S[]; refusals?: Partial<Record<S, P>> } {
  const act = (lifecycle.acts as Record<string, Act<S, P>>)[what];
  if (act) return act;
  const move = moveOf(lifecycle as AnyLifecycle, what) as Move<S, string, P>;
  return { in: move.from, refusals: move.refusals };
}

/** Whether a record in `status` may make the move or be the object of the act named `what`. */
export function allowed<S extends string, P extends string>(lifecycle: Lifecycle<S, string, string, P>, status: S, what: string): boolean {
  return ruleOf(lifecycle, what).in.includes(status);
}

/** Null when `what` is allowed in `status`; else the problem a model answers. */
export function refusal<S extends string, P extends string>(lifecycle: Lifecycle<S, string, string, P>, status: S, what: string): P | null {
  const rule = ruleOf(lifecycle, what);
  return rule.in.includes(status) ? null : (rule.refusals?.[status] ?? lifecycle.refused);
}

/** Where the move leads from `status`; throws when the table does not allow it (the model asked `allowed` first). */
export function nextStatus<S extends string, A extends string, P extends string>(lifecycle: Lifecycle<S, A, string, P>, status: S | null, action: A): S | null {
  const move = moveOf(lifecycle, action);
  const from = status === null ? move.from.length === 0 : move.from.includes(status);
  if (!from) throw new Error(`${action} does not start at ${status ?? "nothing"}`);
  return move.to;
}

/** The statuses a move starts from (for the queries that select the rows it moves). */
export function statusesFor<S extends string, A extends string>(lifecycle: Lifecycle<S, A, string, string>, action: A): S[] {
  return [...moveOf(lifecycle, action).from];
}

/** The statuses nothing leaves: the record's life is over. */
export function isOver<S extends string>(lifecycle: Lifecycle<S, string, string, string>, status: S): boolean {
  return lifecycle.terminal.includes(status);
}
