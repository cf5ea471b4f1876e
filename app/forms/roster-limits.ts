// The roster's limits apart from its CSV reader, so the page's components can show them without
// bringing papaparse into the browser.
export const ROSTER_HOUSEHOLD_MAX = 60;
/** The CSV import: lines (people) and bytes at most. */
export const ROSTER_MAX_ROWS = 2000;
export const ROSTER_MAX_BYTES = 1024 * 1024;
/** How long a personal invite (an invite letter's code) stays valid. */
export const LETTER_VALID_DAYS = 60;
/** Paper sizes of the invite letters. */
export const LETTER_SIZES = ["a4", "a6"] as const;
export type LetterSize = (typeof LETTER_SIZES)[number];
