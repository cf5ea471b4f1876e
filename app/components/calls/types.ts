import type { SubmissionResult } from "@conform-to/react";
import type { TFunction } from "i18next";
import type { Instant } from "~/components/topic/formats";
import { translateError } from "~/forms/messages";
import type { CallEventKind, CallOrigin, CallState } from "~/workflow/department-call";

/** A step of a call as the topic page shows it (from listCallsForTopic). */
export interface CallEventRow {
  id: number;
  kind: CallEventKind;
  body: string;
  percent: number | null;
  dueAt: Instant | null;
  at: Instant;
  actorName: string | null;
  photoIds: number[];
}

/** A call as the topic page shows it. */
export interface CallRow {
  id: number;
  departmentNameZh: string;
  departmentNameEn: string;
  origin: CallOrigin;
  state: CallState;
  ask: string;
  taskTitle: string | null;
  wantedBy: Instant;
  responseDueAt: Instant;
  promisedBy: Instant | null;
  percent: number;
  responseOverdue: boolean;
  workOverdue: boolean;
  previousCallId: number | null;
  events: CallEventRow[];
}

export interface DepartmentOption {
  id: number;
  nameZh: string;
  nameEn: string;
  responseHours: number;
}

/** A refused call post, routed back to its form: the intent, the call (for a call's own forms), the problem, conform's reply. */
export interface CallRefusal {
  intent: string | null;
  id: number | null;
  problem: string | null;
  result: unknown;
}

/** The translated errors of one field of a refused form. */
export function fieldError(t: TFunction, refusal: CallRefusal | null, name: string): string | null {
  const errors = (refusal?.result as SubmissionResult<string[]> | null)?.error?.[name];
  return errors?.length ? errors.map((e) => translateError(t, e)).join(" ") : null;
}

/** The refusal for one form (an intent, and for a call's forms its id), if the last post was it. */
export function refusalFor(refusal: CallRefusal | null, intent: string, id: number | null = null): CallRefusal | null {
  return refusal && refusal.intent === intent && (id === null || refusal.id === id) ? refusal : null;
}
