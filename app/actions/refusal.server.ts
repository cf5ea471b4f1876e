import { json } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import type { Refusal } from "../models/domain-error.server";

/**
 * The one answer to a refused post: the action's data — `body` (the intent, which form, the form's
 * reply, blockers) with the problem's key for the page to translate — under the status `statuses`
 * gives the problem (a table per problem, or one status for all), else `fallback`. "notFound" is the
 * 404 page (another community's topic looks like none) unless the table gives it a status of its own
 * (an objection that is not this resolution's is said on the page).
 */
export function answerRefusal<P extends string, B extends object>(refusal: Refusal<P>, body: B, statuses: Partial<Record<P, number>> | number, fallback = 409) {
  const { problem } = refusal;
  const table = typeof statuses === "number" ? null : statuses;
  if (problem === "notFound" && table?.[problem] === undefined) notFound();
  const status = table ? (table[problem] ?? fallback) : (statuses as number);
  return json({ ...body, problem }, { status });
}
