import { z } from "./zod";
import { msg } from "./messages";
import { hundredths } from "./fields";
import { calendarDate } from "./party-review";

/** A count of owners as typed: a whole number. */
const owners = z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(0, msg("errors.integer")).max(1_000_000, msg("errors.integer"));

/** Square metres as typed ("1200", "85.5", "0.08"), at most two decimals, read exactly into hundredths. */
const area = hundredths("owners.errors.area");

/** 业主共同决定: the building's owners and areas, those who took part and those who consented, and the day. */
export const ownersSchema = z.object({
  intent: z.literal("ownersDecision"),
  heldOn: calendarDate("owners.errors.date"),
  ownersTotal: owners,
  areaTotal: area,
  participants: owners,
  participantsArea: area,
  consenting: owners,
  consentingArea: area,
});
