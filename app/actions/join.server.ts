import { checkInvite, redeemInvite } from "../models/invite.server";
import { claimPersonalInvite } from "../models/roster-claim.server";
import { checkDepartmentInvite, redeemDepartmentInvite } from "../models/department-invite.server";

type JoinValue =
  | { intent: "new"; code: string; username: string; displayName: string; password: string }
  | { intent: "claim"; code: string; username: string; password: string }
  | { intent: "existing"; code: string };

/**
 * Joins with a code as the join page's form says: an invite letter's code (a personal invite) claims
 * its pending account, whichever form it came in on (typed by hand into the new person's form too;
 * the name is then the roster's); any other code makes a new account or adds the signed-in person.
 */
export async function joinWithCode(value: JoinValue, userId: number | null) {
  // A department's code (issue 19): its holder becomes the department's contact and lands on its calls.
  if (value.intent !== "claim" && checkDepartmentInvite(value.code)) {
    const joined = await redeemDepartmentInvite(
      value.intent === "existing" ? { code: value.code, userId: userId! } : { code: value.code, newUser: { username: value.username, displayName: value.displayName, password: value.password } },
    );
    return joined.ok ? { ...joined, to: `/s/${joined.streetSlug}/calls` } : joined;
  }
  const joined = await joinCommunity(value, userId);
  return joined.ok ? { ...joined, to: `/c/${joined.communitySlug}` } : joined;
}

async function joinCommunity(value: JoinValue, userId: number | null) {
  if (value.intent === "existing") return redeemInvite({ code: value.code, userId: userId! });
  const personal = value.intent === "claim" || checkInvite(value.code).invite?.userId != null;
  if (personal) return claimPersonalInvite({ code: value.code, username: value.username, password: value.password });
  return redeemInvite({ code: value.code, newUser: { username: value.username, displayName: value.intent === "new" ? value.displayName : "", password: value.password } });
}

/** The form field a refusal belongs to, and its message key. */
export function joinProblemField(problem: string): { field: string; message: string } {
  if (problem === "personal" || problem === "notPersonal") return { field: "code", message: `roster.join.${problem}` };
  if (problem === "alreadyContact") return { field: "code", message: "departments.join.alreadyContact" };
  const field = problem === "usernameTaken" ? "username" : problem === "nameTaken" ? "displayName" : "code";
  return { field, message: `join.${problem}` };
}
