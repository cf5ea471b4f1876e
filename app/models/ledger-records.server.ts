import type { Db } from "../../db/client.server";
import type { Note, RecordProblem } from "./ledger-records-entries.server";
import { executionRecordProblems } from "./ledger-records-execution.server";
import { consultationRecordProblems } from "./ledger-records-consultation.server";
import { lawRecordProblems } from "./ledger-records-law.server";
import { fourTwoRecordProblems } from "./ledger-records-fourtwo.server";
import { meetingRecordProblems } from "./ledger-records-meetings.server";
import { topicRecordProblems } from "./ledger-records-topics.server";
import { registerRecordProblems } from "./ledger-records-register.server";
import { dutiesRecordProblems } from "./ledger-records-duties.server";
import { powersRecordProblems } from "./ledger-records-powers.server";
import { assemblyRecordProblems } from "./ledger-records-assembly.server";
import { rosterRecordProblems } from "./ledger-records-roster.server";
import { assistRecordProblems } from "./ledger-records-assist.server";
import { callRecordProblems } from "./ledger-records-calls.server";

export type { RecordCheck, RecordProblem } from "./ledger-records-entries.server";

/**
 * The rows that must agree with the ledger entries that recorded them. The chain proves the entries
 * were not touched; this proves the working tables were not either: ballots, motions (status, counts,
 * the voted text), attendance, resolutions, topic states, frozen texts, co-signs, ratings, party reviews, owners' decisions, execution tasks, consultation waivers and the 民主评议 (appraisals, their counts and verdicts, who cast a secret ballot). Returns
 * the problem at the lowest entry, or else the first row no entry describes, or null.
 */
export function firstDisagreeingRecord(db: Db, communityId: number): RecordProblem | null {
  let first: RecordProblem | null = null;
  const note: Note = (p) => {
    if (!first) first = p;
    else if (p.seq !== null && (first.seq === null || p.seq < first.seq)) first = p;
  };
  meetingRecordProblems(db, communityId, note);
  topicRecordProblems(db, communityId, note);
  lawRecordProblems(db, communityId, note);
  executionRecordProblems(db, communityId, note);
  consultationRecordProblems(db, communityId, note);
  registerRecordProblems(db, communityId, note);
  fourTwoRecordProblems(db, communityId, note);
  dutiesRecordProblems(db, communityId, note);
  powersRecordProblems(db, communityId, note);
  assemblyRecordProblems(db, communityId, note);
  rosterRecordProblems(db, communityId, note);
  assistRecordProblems(db, communityId, note);
  callRecordProblems(db, communityId, note);
  return first;
}
