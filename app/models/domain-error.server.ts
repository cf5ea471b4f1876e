import type { StepBlocker } from "../workflow/step-gates";

/**
 * A refusal the method or the data gives (a wrong role, a wrong state, a date in the future): the
 * one error a model throws to refuse, inside a `write` so that nothing of it is stored. `domain`
 * names who refused ("topic" for a move of the workflow, "meeting", "execution" ...), `problem` is a
 * key under that domain's `*.problems` translations, `blockers` name the steps a move still waits
 * for. It is answered, never logged, so it carries no stack trace (capturing one was most of the cost
 * of refusing a ballot).
 */
export class DomainError<P extends string = string> extends Error {
  readonly blockers: readonly StepBlocker[];

  constructor(
    readonly domain: string,
    readonly problem: P,
    blockers: readonly StepBlocker[] = [],
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${domain}: ${problem}${blockers.length ? ` (${blockers.join(", ")})` : ""}`);
    Error.stackTraceLimit = limit;
    this.blockers = blockers;
  }
}

/** A domain's refusals: `const refused = refusals<MeetingProblem>("meeting")`, then `if (!row) throw refused("notFound")`. */
export function refusals<P extends string>(domain: string): (problem: P, blockers?: readonly StepBlocker[]) => DomainError<P> {
  return (problem, blockers) => new DomainError(domain, problem, blockers);
}

/** A refused call as a model answers it: nothing was written. */
export type Refusal<P extends string> = { ok: false; problem: P; blockers?: readonly StepBlocker[] };

/** The one result of a model call that may be refused. */
export type Result<P extends string, T extends object = object> = ({ ok: true } & T) | Refusal<P>;

/**
 * Runs `fn` (usually a `write`), answering the `domain`'s DomainError as its Refusal. `others` names
 * in the domain's terms a refusal of a step it called (a refused topic move inside an execution
 * action); without it, that refusal propagates, as does any other error.
 */
export function attempt<P extends string, T extends object>(domain: string, fn: () => T, others?: (error: DomainError) => Refusal<P>): Result<P, T> {
  try {
    return { ok: true, ...fn() };
  } catch (error) {
    return refusalOf(domain, error, others);
  }
}

/** `attempt` for a write that settles later (a ballot in a group commit). */
export async function attemptLater<P extends string, T extends object>(domain: string, fn: () => Promise<T>, others?: (error: DomainError) => Refusal<P>): Promise<Result<P, T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    return refusalOf(domain, error, others);
  }
}

function refusalOf<P extends string>(domain: string, error: unknown, others?: (error: DomainError) => Refusal<P>): Refusal<P> {
  if (!(error instanceof DomainError)) throw error;
  if (error.domain !== domain) {
    if (others) return others(error);
    throw error;
  }
  return { ok: false, problem: error.problem as P, ...(error.blockers.length ? { blockers: error.blockers } : {}) };
}
