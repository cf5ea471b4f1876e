import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { applyKind, DEFAULT_KIND, isCommunityKind } from "./i18n/kind-words";
import { baseOptions, DEFAULT_LANGUAGE, isLanguage, type Language } from "./i18n/languages";

// Each language's translations are a chunk of their own: a page fetches the one it is in (and, for
// English, the Chinese it falls back to), not both (~16 KB gzip less for everyone on the default).
const TRANSLATIONS: Record<Language, () => Promise<{ default: object }>> = {
  "zh-CN": () => import("./i18n/zh-CN"),
  en: () => import("./i18n/en"),
};

const translationChunks: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    TRANSLATIONS[isLanguage(language) ? language : DEFAULT_LANGUAGE]().then(
      (module) => callback(null, module.default as Record<string, unknown>),
      (error: Error) => callback(error, false),
    );
  },
};

async function hydrate() {
  // The server rendered in the language on <html lang>; its translations arrive before hydration.
  const lng = document.documentElement.lang || DEFAULT_LANGUAGE;
  await i18next.use(translationChunks).use(initReactI18next).init({ ...baseOptions, lng, ns: ["translation"] });
  // …and in the words of its community's kind (<html data-kind>): 村民 or 居民…
  const kind = document.documentElement.dataset.kind;
  applyKind(i18next, isCommunityKind(kind) ? kind : DEFAULT_KIND);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
