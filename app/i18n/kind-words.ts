import type { i18n as I18n } from "i18next";
import { DEFAULT_LANGUAGE } from "./languages";

/**
 * Words follow the community's kind and the law: 居民/村民, 居民代表会议/村民代表会议, 居委会/村委会…
 * Each translation says {{resident}}, {{repMeeting}}, {{committeeBody}}… and the i18next instance a
 * page renders with carries the kind's words as interpolation defaults (`kinds.<kind>.*` in the
 * resources; each word also capitalised, {{Resident}}, to begin an English sentence). The server
 * keeps one instance per language and kind (instances.server.ts: its remembered translations never
 * mix kinds); the browser has one instance and switches its words when the page's kind changes.
 * docs/decisions/025-kind-words.md.
 */
export const COMMUNITY_KINDS = ["urban", "village"] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];
/** Pages outside any community (home, sign-in, the street) speak of residents. */
export const DEFAULT_KIND: CommunityKind = "urban";

export function isCommunityKind(value: unknown): value is CommunityKind {
  return typeof value === "string" && (COMMUNITY_KINDS as readonly string[]).includes(value);
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const made = new Map<string, Record<string, string>>();

/**
 * The kind's words as interpolation variables, from the instance's own resources (remembered per
 * language and kind). A page that names several communities passes them to t() for each:
 * `t("roles.resident", kindVariables(i18n, community.kind))`.
 */
export function kindVariables(i18n: I18n, kind: CommunityKind): Record<string, string> {
  const id = `${i18n.language}:${kind}`;
  const known = made.get(id);
  if (known) return known;
  const words = (i18n.getResource(i18n.language, "translation", `kinds.${kind}`) ?? i18n.getResource(DEFAULT_LANGUAGE, "translation", `kinds.${kind}`) ?? {}) as Record<string, string>;
  const variables: Record<string, string> = {};
  for (const [name, word] of Object.entries(words)) {
    variables[name] = word;
    variables[capitalised(name)] = capitalised(word);
  }
  if (Object.keys(variables).length > 0) made.set(id, variables);
  return variables;
}

const applied = new WeakMap<I18n, string>();

/** Makes the instance speak of this kind of community (a no-op when it already does, in its current language). */
export function applyKind(i18n: I18n, kind: CommunityKind): void {
  const key = `${i18n.language}:${kind}`;
  if (applied.get(i18n) === key) return;
  i18n.options.interpolation = { ...i18n.options.interpolation, defaultVariables: kindVariables(i18n, kind) };
  applied.set(i18n, key);
}

/** The kind the instance speaks of now (the urban default before any was applied). */
export function appliedKind(i18n: I18n): CommunityKind {
  const kind = applied.get(i18n)?.split(":")[1];
  return isCommunityKind(kind) ? kind : DEFAULT_KIND;
}
