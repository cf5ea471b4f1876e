import type { CommunityKind } from "./kind-words";
import { i18n } from "./i18next.server";
import { i18nFor } from "./instances.server";

/** Something with a name in both languages: a community or a street. */
export interface Named {
  nameZh: string;
  nameEn: string;
}

/**
 * One part of a page's title: a translation key (with its values; a Named value is said in the
 * reader's language), a community or street, or what a person wrote (a topic's or a meeting's title).
 */
export type TitlePart = readonly [key: string, values?: Record<string, string | number | Named>] | Named | { text: string };

const isNamed = (value: unknown): value is Named => typeof value === "object" && value !== null && "nameZh" in value && "nameEn" in value;

/**
 * A page's <title> in the reader's language, made by its loader (a meta function cannot reach the
 * request's language or its translations): the parts joined by " · ", then the app's name. The
 * route's meta is `titleMeta` (page-title.ts), which reads it back from the loader's data.
 */
export async function pageTitle(request: Request, parts: readonly TitlePart[], kind?: CommunityKind): Promise<string> {
  const language = await i18n.getLocale(request);
  const { t } = await i18nFor(language, kind);
  const nameOf = (named: Named) => (language === "en" ? named.nameEn : named.nameZh);
  const said = parts.map((part) => {
    if ("text" in part) return part.text;
    if (isNamed(part)) return nameOf(part);
    const [key, values = {}] = part;
    return t(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, isNamed(value) ? nameOf(value) : value])));
  });
  return [...said, t("app.name")].join(" · ");
}
