/**
 * A sentence the system makes (a solicitation's summary, the reason a topic went back to execution),
 * stored as a translation key and its values rather than as Chinese text, so each reader sees it in
 * their own language. Values are plain strings and numbers; anything a person wrote stays a value.
 */
export interface StoredMessage {
  key: string;
  values?: Record<string, string | number>;
}
