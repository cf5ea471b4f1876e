import { z } from "./zod";
import { msg } from "./messages";
import { untyped } from "./fields";
import { cleanDisplayName } from "./display-name";
import { isTimeZone } from "../i18n/time-zone";

/**
 * A slug of a street or a community: it is in every URL (/c/xinhua), so it never changes once made.
 * The shape the guards accept, at least two characters.
 */
export const PLACE_SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const PLACE_NAME_MAX = 40;

/** The kinds of db/schema/communities.ts (a form stays out of the schema: it reaches the browser). */
export const COMMUNITY_KINDS = ["urban", "village"] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export interface NewCommunity {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: CommunityKind;
  timeZone?: string;
}

const required = { error: msg("errors.required") };
// One cleaned line (as display names are), 1–40 characters.
const placeName = z
  .string(required)
  .transform(cleanDisplayName)
  .pipe(
    z
      .string(required)
      .min(1, msg("errors.required"))
      .max(PLACE_NAME_MAX, msg("errors.tooLong", { max: PLACE_NAME_MAX }))
  );
const slugField = untyped(z.string(required).regex(PLACE_SLUG, msg("errors.choice")));

/** The street's communities page (/s/:street/communities): add, rename, archive, restore. */
export const addCommunitySchema = z.object({
  intent: z.literal("add"),
  slug: z.string(required).trim().toLowerCase().regex(PLACE_SLUG, msg("streetCommunities.problems.slug")),
  nameZh: placeName,
  nameEn: placeName,
  kind: z.enum(COMMUNITY_KINDS, { error: msg("errors.choice") }),
  timeZone: z.string(required).refine(isTimeZone, msg("timeZone.unknown")),
});

export const renameCommunitySchema = z.object({
  intent: z.literal("rename"),
  slug: slugField,
  nameZh: placeName,
  nameEn: placeName,
});

export const archiveCommunitySchema = z.object({
  intent: z.literal("archive"),
  slug: slugField,
  confirm: z.literal("on", { error: msg("errors.confirmRequired") }),
});

export const restoreCommunitySchema = z.object({
  intent: z.literal("restore"),
  slug: slugField,
});

export const COMMUNITY_INTENTS = ["add", "rename", "archive", "restore"] as const;
