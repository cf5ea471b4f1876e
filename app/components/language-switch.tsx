import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** A plain form: switching language works without JavaScript. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const next = i18n.language === "en" ? "zh-CN" : "en";
  return (
    <Form method="post" action="/language" reloadDocument>
      <input type="hidden" name="lng" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button
        type="submit"
        className="min-h-[40px] rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-700 hover:bg-stone-100"
        aria-label={`${t("app.language")}: ${t("app.switchTo")}`}
        lang={next}
        data-testid="language-switch"
      >
        {t("app.switchTo")}
      </button>
    </Form>
  );
}
