// The assembly's powers (issue 17, part "powers"): requests for an assembly on paper, undoing a
// resolution, and the matters only the assembly decides with its authorisations. One refusal domain.
import { attempt, refusals, type Result } from "./domain-error.server";
import { write, type WriteFn } from "./write.server";
import type { Role } from "../workflow/roles";

/** A refused act; `problem` is a key under `powers.problems` in the translations. */
export type PowersProblem =
  | "notFound"
  | "wrongRole"
  | "wrongState"
  | "notUndoable"
  | "notAssemblyMatter"
  | "notAssemblyMeeting"
  | "badDates"
  | "notOnRegister"
  | "noPetitioners"
  | "alreadyRevoked";

export const powersRefused = refusals<PowersProblem>("powers");

export type PowersResult<T extends object = object> = Result<PowersProblem, T>;

export interface PowersActor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

/** A durable write of the powers' domain, its refusal answered as a problem. */
export function powersWrite<T extends object>(fn: WriteFn<T>): PowersResult<T> {
  return attempt("powers", () => write(fn, { durable: true }));
}

/** 议事会 (the committee) records what happened on paper or in the hall. */
export function requireCommittee(actor: PowersActor) {
  if (!actor.roles.includes("committee")) throw powersRefused("wrongRole");
}
