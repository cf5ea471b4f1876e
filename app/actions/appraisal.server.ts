import { json, redirect } from "@remix-run/node";
import { castAppraisalBallot, closeAppraisal, openAppraisal, recordAppraisalTally, type AppraisalProblem, type Tallies } from "../models/appraisal.server";
import type { Result } from "../models/domain-error.server";
import { APPRAISAL_RATINGS } from "../workflow/assembly";
import { isAppraisalRating, type AppraisalCounts } from "../workflow/appraisal";
import type { Role } from "../workflow/roles";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. A form that does not add up: 400. Not now: 409.
const STATUS: Partial<Record<AppraisalProblem, number>> = { wrongRole: 403, notChair: 403, notOnRoster: 403, incomplete: 400, overPresent: 400, notConfirmed: 400 };

/** The largest count a paper tally may say for one rating (a village's adults, with room to spare). */
const TALLY_MAX = 100_000;

const idOf = (value: FormDataEntryValue | null): number | null => (typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** The ballot's radio groups, `rating.<userId>`: one rating per subject the form names. */
function ratingsOf(formData: FormData): Record<number, (typeof APPRAISAL_RATINGS)[number]> | null {
  const ratings: Record<number, (typeof APPRAISAL_RATINGS)[number]> = {};
  for (const [name, value] of formData) {
    const m = /^rating\.(\d{1,9})$/.exec(name);
    if (!m) continue;
    if (!isAppraisalRating(value) || ratings[Number(m[1])]) return null;
    ratings[Number(m[1])] = value;
  }
  return ratings;
}

/** The paper counts, `<rating>.<userId>` (whole numbers, blank as 0), per subject the form names. */
function talliesOf(formData: FormData): Tallies | null {
  const tallies: Record<number, AppraisalCounts> = {};
  for (const [name, value] of formData) {
    const m = /^(competent|basicallyCompetent|incompetent)\.(\d{1,9})$/.exec(name);
    if (!m) continue;
    const text = typeof value === "string" ? value.trim() : null;
    if (text === null || !/^\d{0,6}$/.test(text) || Number(text) > TALLY_MAX) return null;
    const subject = Number(m[2]);
    tallies[subject] ??= { competent: 0, basicallyCompetent: 0, incompetent: 0 };
    tallies[subject][m[1] as keyof AppraisalCounts] = Number(text || "0");
  }
  return tallies;
}

/** The appraisal page's posts: open (a supervisor), ballot (a present member of the roster), tally and close (the chair). */
export async function handleAppraisalAction({ request, communityId, userId, roles, back }: { request: Request; communityId: number; userId: number; roles: readonly Role[]; back: string }) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const actor = { communityId, userId, roles };
  const answer = (r: Result<AppraisalProblem>, anchor: string) => (r.ok ? redirect(`${back}#${anchor}`) : answerRefusal(r, { intent }, STATUS));
  const incomplete = () => json({ intent, problem: "incomplete" as AppraisalProblem }, { status: 400 });
  switch (intent) {
    case "open": {
      const meetingId = idOf(formData.get("meetingId"));
      if (meetingId === null) return incomplete();
      return answer(openAppraisal({ ...actor, meetingId }), "current");
    }
    case "ballot": {
      const appraisalId = idOf(formData.get("appraisalId"));
      const ratings = ratingsOf(formData);
      if (appraisalId === null || !ratings) return incomplete();
      return answer(castAppraisalBallot({ ...actor, appraisalId, ratings }), "current");
    }
    case "tally": {
      const appraisalId = idOf(formData.get("appraisalId"));
      const tallies = talliesOf(formData);
      if (appraisalId === null || !tallies) return incomplete();
      return answer(recordAppraisalTally({ ...actor, appraisalId, tallies }), "current");
    }
    case "close": {
      const appraisalId = idOf(formData.get("appraisalId"));
      if (appraisalId === null) return incomplete();
      return answer(closeAppraisal({ ...actor, appraisalId, confirmed: formData.get("confirm") === "on" }), "results");
    }
    default:
      return json({ intent: null, problem: "incomplete" as AppraisalProblem }, { status: 400 });
  }
}
