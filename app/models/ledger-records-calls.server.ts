// Calls on street departments (issue 19) checked against the ledger: each call's present state,
// percentage, promised date and overdue flags are what its call.* entries say.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, type Note } from "./ledger-records-entries.server";

const CALL_TYPES = [
  "call.sent",
  "call.infoRequested",
  "call.infoGiven",
  "call.accepted",
  "call.declined",
  "call.progress",
  "call.resolved",
  "call.withdrawn",
  "call.responseOverdue",
  "call.workOverdue",
  "call.redispatched",
];

interface Told {
  seq: number;
  state: unknown;
  percent: unknown;
  department: unknown;
  promisedBy: string | null;
  responseOverdue: boolean;
  workOverdue: boolean;
}

interface Row {
  id: number;
  state: string;
  percent: number;
  departmentId: number;
  promisedBy: number | null;
  responseOverdue: number;
  workOverdue: number;
}

export function callRecordProblems(db: Db, communityId: number, note: Note) {
  const told = new Map<string, Told>();
  for (const e of entriesOf(db, communityId, CALL_TYPES)) {
    const p = JSON.parse(e.payload) as { call?: number; state?: unknown; percent?: unknown; department?: unknown; promisedBy?: unknown };
    const key = `call:${p.call}`;
    const t = told.get(key) ?? { seq: e.seq, state: null, percent: null, department: p.department, promisedBy: null, responseOverdue: false, workOverdue: false };
    Object.assign(t, { seq: e.seq, state: p.state, percent: p.percent });
    if (e.type === "call.accepted" && typeof p.promisedBy === "string") t.promisedBy = p.promisedBy;
    if (e.type === "call.responseOverdue") t.responseOverdue = true;
    if (e.type === "call.workOverdue") t.workOverdue = true;
    told.set(key, t);
  }
  const rows = db.$client
    .prepare(
      `SELECT id, state, percent, department_id AS departmentId, promised_by AS promisedBy, response_overdue AS responseOverdue, work_overdue AS workOverdue
         FROM department_calls WHERE community_id = ?`,
    )
    .all(communityId) as Row[];
  compareByKey(
    note,
    "departmentCall",
    told,
    rows,
    (r) => `call:${r.id}`,
    (want, r) =>
      want.state === r.state &&
      want.percent === r.percent &&
      want.department === r.departmentId &&
      (want.promisedBy === null ? r.promisedBy === null : Date.parse(want.promisedBy) === r.promisedBy) &&
      want.responseOverdue === Boolean(r.responseOverdue) &&
      want.workOverdue === Boolean(r.workOverdue),
  );
}
