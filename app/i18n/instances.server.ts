import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nOptions, isLanguage, DEFAULT_LANGUAGE } from "./config";
import { applyKind, DEFAULT_KIND, type CommunityKind } from "./kind-words";
import { registerTranslator } from "./use-translation";

/**
 * One initialised i18next instance per language and kind of community (its words: 居民 or 村民…,
 * kind-words.ts), shared by every server render. A render is synchronous (renderToString) and never
 * changes the language or the kind, so nothing leaks between requests; building a fresh instance per
 * request cost more than rendering the bare layout did.
 */
const instances = new Map<string, Promise<I18n>>();

export function i18nFor(language: string, kind: CommunityKind = DEFAULT_KIND): Promise<I18n> {
  const lng = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  const key = `${lng}:${kind}`;
  let ready = instances.get(key);
  if (!ready) {
    const instance = createInstance();
    ready = instance
      .use(initReactI18next)
      .init({ ...i18nOptions, lng })
      .then(() => {
        applyKind(instance, kind);
        registerTranslator(instance, rememberedTranslator(instance));
        return instance;
      });
    instances.set(key, ready);
  }
  return ready;
}

type Options = Record<string, unknown>;
const LIMIT = 50_000;

/**
 * The same key with the same plain values always gives the same words (the resources never change
 * while the server runs, and each instance has one language), so each distinct call is translated
 * once and then looked up: a page of cards asks for the same few sentences dozens of times, and
 * i18next resolves the language chain, interpolates and nests on every call. Calls with anything but
 * strings, numbers, booleans or lists of strings as values (returnObjects, a context object...) go to
 * i18next as usual. Components get it through `useTranslation` (./use-translation.ts); the instance
 * itself is left as i18next made it.
 */
export function rememberedTranslator(instance: I18n): TFunction {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const made = new Map<string, string>();
  const remembered = (key: unknown, options?: unknown): unknown => {
    const id = callId(key, options);
    if (id === null) return translate(key, options);
    let text = made.get(id);
    if (text === undefined) {
      const result = translate(key, options);
      if (typeof result !== "string") return result;
      if (made.size >= LIMIT) made.clear();
      made.set(id, result);
      text = result;
    }
    return text;
  };
  return remembered as TFunction;
}

/** A key for the call, or null when it cannot be told apart by plain values. */
function callId(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null) return null;
  let id = key;
  for (const [name, value] of Object.entries(options as Options)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") id += `\u0000${name}\u0001${typeof value}\u0001${value}`;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) id += `\u0000${name}\u0001[${value.join("\u0002")}]`;
    else return null;
  }
  return id;
}
