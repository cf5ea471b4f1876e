// Length limits and text cleaning of the topic page's text fields, apart from their zod schemas: the
// page's components need only these, and importing a schema module would bring zod into the page's
// JavaScript (~90 KB gzip) because its schemas are built when the module loads.
export const COMMENT_MAX = 2000;
export const REASON_MAX = 500;
export const RATING_COMMENT_MAX = 500;
export const OBJECTION_MAX = 2000;
export const OBJECTION_ANSWER_MAX = 2000;
/** 责令改正's public reason. */
export const CORRECTION_REASON_MAX = 1000;
/** The party organisation's review: the body that reviewed, and its note. */
export const PARTY_BODY_MAX = 60;
export const PARTY_NOTE_MAX = 4000;

// Control characters (except tab and line breaks) and bidirectional overrides have no place in a
// plain-text comment: they are dropped; line breaks are kept, as "\n".
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNWANTED, "");
}
