import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nOptions, isLanguage, DEFAULT_LANGUAGE } from "./config";
import { applyKind, DEFAULT_KIND, type CommunityKind } from "./kind-words";

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
        return rememberTranslations(rememberHierarchy(instance));
      });
    instances.set(key, ready);
  }
  return ready;
}

/**
 * i18next works out the language fallback chain on every t() call, canonicalising "zh-CN" with
 * Intl.getCanonicalLocales each time — the largest single cost of rendering a page of cards. The
 * chain of a fixed set of languages never changes, so it is worked out once per language.
 */
function rememberHierarchy(instance: I18n): I18n {
  const utils = instance.services.languageUtils as { toResolveHierarchy: (code: string, fallback?: unknown) => string[] };
  const resolve = utils.toResolveHierarchy.bind(utils);
  const known = new Map<string, string[]>();
  utils.toResolveHierarchy = (code, fallback) => {
    if (fallback !== undefined || typeof code !== "string") return resolve(code, fallback);
    let chain = known.get(code);
    if (!chain) {
      chain = resolve(code);
      known.set(code, chain);
    }
    return chain;
  };
  return instance;
}

type Options = Record<string, unknown>;
const LIMIT = 50_000;

/**
 * The same key with the same plain values always gives the same words (the resources never change
 * while the server runs, and each instance has one language), so each distinct call is translated
 * once and then looked up: a page of cards asks for the same few sentences dozens of times, and
 * i18next resolves, interpolates and nests on every call. Calls with anything but strings, numbers,
 * booleans or lists of strings as values (returnObjects, a context object...) go to i18next as usual.
 */
function rememberTranslations(instance: I18n): I18n {
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
  instance.t = remembered as I18n["t"];
  rememberFixedT(instance, remembered);
  return instance;
}

/**
 * react-i18next's useTranslation asks for a fixed t of the instance's own language and default
 * namespace on every render. i18next's fixed t copies the options and adds four fields to the copy,
 * which made each call ~10× slower than the remembered lookup itself (4.8 µs against 0.4; a hall of
 * cards makes ~150 calls). That fixed t means exactly the instance's t, so it is the remembered one.
 */
function rememberFixedT(instance: I18n, remembered: (key: unknown, options?: unknown) => unknown) {
  const fixedT = instance.getFixedT.bind(instance) as (lng: unknown, ns?: unknown, keyPrefix?: unknown) => unknown;
  const ownNamespace = (ns: unknown) => ns === undefined || ns === null || ns === instance.options.defaultNS || (Array.isArray(ns) && ns.length === 1 && ns[0] === instance.options.defaultNS);
  const plain = Object.assign((key: unknown, options?: unknown) => remembered(key, options), { lng: instance.language, ns: instance.options.defaultNS });
  instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown) =>
    (lng === null || lng === undefined || lng === instance.language) && ownNamespace(ns) && !keyPrefix ? plain : fixedT(lng, ns, keyPrefix)) as I18n["getFixedT"];
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
