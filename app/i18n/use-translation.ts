import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext } from "react-i18next";

const translators = new WeakMap<I18n, TFunction>();

/**
 * The translate function components use for `i18n`: the one registered for it (the server's shared
 * instances register a remembered one, instances.server.ts), else i18next's own `t`. Nothing of
 * i18next is replaced: its instance, its `t` and its fixed t's stay as the library made them.
 */
export function translatorOf(i18n: I18n): TFunction {
  let t = translators.get(i18n);
  if (!t) {
    t = i18n.t.bind(i18n) as TFunction;
    translators.set(i18n, t);
  }
  return t;
}

/** Registers the translate function components get for `i18n` (server instances only). */
export function registerTranslator(i18n: I18n, t: TFunction): void {
  translators.set(i18n, t);
}

/**
 * Every component's `t` and `i18n`, from the provider's instance (react-i18next's context). The app
 * never changes an instance's language in place (a language switch reloads the page), so there is no
 * language event to follow; react-i18next's own hook asked i18next for a fixed t on every render and
 * each of its calls copied its options, ~10× the cost of a remembered lookup on a page of cards.
 */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  return { t: translatorOf(i18n), i18n };
}
