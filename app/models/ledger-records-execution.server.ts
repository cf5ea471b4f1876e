// The execution plan checked against the ledger: each task as task.planned, task.edited and task.removed tell it.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, timeOf, type Note } from "./ledger-records-entries.server";

interface Told {
  seq: number;
  title: unknown;
  unit: unknown;
  dueAt: unknown;
  budgetFen: unknown;
  removedAt: number | null;
  removedBy: number | null;
}

interface Row {
  id: number;
  title: string;
  unitId: number;
  dueAt: number;
  budgetFen: number | null;
  removedAt: number | null;
  removedBy: number | null;
}

/**
 * A task's title, unit, due date and budget are those it was planned with, as later edits changed
 * them (each edit records the new values); a removed task was removed when and by whom its
 * task.removed entry says, and a task still in the plan has no such entry.
 */
export function executionRecordProblems(db: Db, communityId: number, note: Note) {
  const told = new Map<string, Told>();
  for (const e of entriesOf(db, communityId, ["task.planned", "task.edited", "task.removed"])) {
    const p = JSON.parse(e.payload) as { task?: number; title?: unknown; unit?: unknown; dueAt?: unknown; budgetFen?: unknown; to?: Record<string, unknown> };
    const key = `task:${p.task}`;
    const t = told.get(key);
    if (e.type === "task.planned") told.set(key, { seq: e.seq, title: p.title, unit: p.unit, dueAt: p.dueAt, budgetFen: p.budgetFen ?? null, removedAt: null, removedBy: null });
    else if (!t) continue;
    else if (e.type === "task.edited") Object.assign(t, pickKnown(p.to ?? {}), { seq: e.seq });
    else Object.assign(t, { seq: e.seq, removedAt: timeOf(e), removedBy: e.actorId });
  }
  const rows = db.$client
    .prepare("SELECT id, title, unit_id AS unitId, due_at AS dueAt, budget_fen AS budgetFen, removed_at AS removedAt, removed_by AS removedBy FROM execution_tasks WHERE community_id = ?")
    .all(communityId) as Row[];
  compareByKey(
    note,
    "task",
    told,
    rows,
    (r) => `task:${r.id}`,
    (want, r) =>
      want.title === r.title &&
      want.unit === r.unitId &&
      typeof want.dueAt === "string" &&
      Date.parse(want.dueAt) === r.dueAt &&
      want.budgetFen === r.budgetFen &&
      want.removedAt === r.removedAt &&
      want.removedBy === r.removedBy,
  );
}

function pickKnown(to: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(to).filter(([k]) => k === "title" || k === "unit" || k === "dueAt" || k === "budgetFen"));
}
