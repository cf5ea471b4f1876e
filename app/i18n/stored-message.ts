import type { TFunction } from "i18next";

/**
 * A sentence the system makes (a solicitation's summary, the reason a topic went back to execution),
 * stored as a translation key and its values rather than as Chinese text, so each reader sees it in
 * their own language. Values are plain strings and numbers; anything a person wrote stays a value.
 * A sentence of several clauses lists them in `parts` (each a message): they are said one after the
 * other, joined by the language's clause separator, as the key's `{{clauses}}`.
 */
// A type, not an interface: it goes into JSON payloads (notifications), which want an index signature.
export type StoredMessage = {
  key: string;
  values?: Record<string, string | number>;
  parts?: StoredMessage[];
};

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/** A stored message in the reader's language; a row made before messages were stored (null) shows its text as written. */
export function renderStored(t: Translate, message: StoredMessage | null | undefined, fallback: string): string {
  if (!message || typeof message.key !== "string") return fallback;
  const say = t as (key: string, options?: Record<string, unknown>) => string;
  const clauses = message.parts?.map((part) => renderStored(t, part, "")).filter(Boolean).join(say("app.clauseSeparator"));
  return say(message.key, { ...message.values, ...(clauses === undefined ? {} : { clauses }) });
}

/** Whether a value read back (from a notification's JSON payload, say) is a stored message. */
export function isStoredMessage(value: unknown): value is StoredMessage {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}
