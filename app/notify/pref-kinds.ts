/** The kinds of notification a person chooses a delivery for (browser-safe: the preferences form reads it). */
export const PREF_KINDS = ["topics", "meetings", "tasks", "assist", "other"] as const;
export type PrefKind = (typeof PREF_KINDS)[number];

/** The ways one may choose (db/schema/reach.ts DELIVERY_MODES, which prefs.server.ts checks them against). */
export const MODES = ["immediate", "digest", "never"] as const;
export type Mode = (typeof MODES)[number];
