// The languages and i18next options without the translations themselves, for code that runs in the
// browser: the browser fetches only the translations of the page's language (entry.client.tsx),
// while the server bundles both (config.ts).
export const SUPPORTED_LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export const baseOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "translation",
  interpolation: { escapeValue: false },
};
