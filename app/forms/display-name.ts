import { cleanLine } from "./topic";

export const DISPLAY_NAME_MAX = 40;

/**
 * A display name as it is stored and shown: one line cleaned like a topic's title (bidi overrides,
 * isolates and marks, zero-width and other format or control characters removed, spaces collapsed,
 * trimmed), then NFC, so that the same letters are always the same code points. A name is shown beside
 * named votes, in minutes and in the ballots CSV: nothing in it may reorder or hide what is around it.
 */
export function cleanDisplayName(value: string): string {
  return cleanLine(value).normalize("NFC");
}

/**
 * What two names are compared by: the cleaned name in NFKC (full-width and half-width letters and
 * digits alike, compatibility forms folded), case folded, spaces collapsed again after the folding.
 * Two members of a community whose names have the same key could not be told apart on a named vote.
 */
export function displayNameKey(value: string): string {
  return cleanLine(cleanDisplayName(value).normalize("NFKC")).toLowerCase();
}
