import en from "./en";
import { baseOptions } from "./languages";
import zhCN from "./zh-CN";

export { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from "./languages";

export const resources = {
  "zh-CN": { translation: zhCN },
  en: { translation: en },
} as const;

export const i18nOptions = { ...baseOptions, resources };
