import { z } from "./zod";
import { hiddenId, requiredText, optionalText, untyped } from "./fields";
import { msg } from "./messages";
import { calendarDate } from "./party-review";
import { HOUSEHOLD_ADDRESS_MAX, HOUSEHOLD_CODE_MAX, HOUSEHOLD_GROUP_MAX, MEMBER_NAME_MAX } from "./register-limits";


/** The posts of the register page. */
export const REGISTER_INTENTS = ["addHousehold", "editHousehold", "removeHousehold", "addMember", "editMember", "removeMember", "import"] as const;
export type RegisterIntent = (typeof REGISTER_INTENTS)[number];

const householdFields = {
  code: requiredText(1, HOUSEHOLD_CODE_MAX),
  address: optionalText(HOUSEHOLD_ADDRESS_MAX),
  groupName: optionalText(HOUSEHOLD_GROUP_MAX),
};

// A box is ticked ("on") or absent: only an altered form sends anything else.
const tick = untyped(z.literal("on").optional());
// The account a member is linked to: "" (none) or a member's user id, chosen from a list.
const linkedUser = untyped(
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!/^\d{1,12}$/.test(v) || n < 1) {
        ctx.addIssue({ code: "custom", message: msg("errors.integer") });
        return z.NEVER;
      }
      return n;
    }),
);

const memberFields = {
  name: requiredText(1, MEMBER_NAME_MAX),
  birthDate: calendarDate("register.problems.birthDate"),
  representative: tick,
  userId: linkedUser,
};

const confirm = z.literal("on", { error: msg("errors.confirmRequired") });

export const addHouseholdSchema = z.object({ intent: z.literal("addHousehold"), ...householdFields });
export const editHouseholdSchema = z.object({ intent: z.literal("editHousehold"), householdId: hiddenId, ...householdFields });
export const removeHouseholdSchema = z.object({ intent: z.literal("removeHousehold"), householdId: hiddenId, confirm });
export const addMemberSchema = z.object({ intent: z.literal("addMember"), householdId: hiddenId, ...memberFields });
export const editMemberSchema = z.object({ intent: z.literal("editMember"), memberId: hiddenId, ...memberFields });
export const removeMemberSchema = z.object({ intent: z.literal("removeMember"), memberId: hiddenId, confirm });
