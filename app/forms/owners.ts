import { z } from "./zod";
import { msg } from "./messages";
import { calendarDate } from "./party-review";

const required = { error: msg("errors.required") };

/** A count of owners as typed: a whole number. */
const owners = z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(0, msg("errors.integer")).max(1_000_000, msg("errors.integer"));

/** Square metres as typed ("1200", "85.5", "0.08"), at most two decimals, read exactly into hundredths. */
const area = z
  .string(required)
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, msg("owners.errors.area"))
  .transform((v) => {
    const [whole, fraction = ""] = v.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

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
