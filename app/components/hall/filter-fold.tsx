import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * The hall's filters behind a button on a phone, so 待我处理 and the topics come first: a <details>,
 * which opens and closes without JavaScript and tells assistive technology whether it is open. It is
 * open when a filter is active (the form shows what was asked). On a wide screen the form is always
 * shown and the button hidden (tailwind.css, .hall-filter-fold), where the browser can show a closed
 * <details>' content; elsewhere the button stays.
 */
export function FilterFold({ active, children }: { active: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details open={active || undefined} className="hall-filter-fold group rounded-lg border border-stone-200 bg-white shadow-sm" data-testid="hall-filter-fold">
      <summary className="flex min-h-[44px] cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-4 py-2 sm:px-5 [&::-webkit-details-marker]:hidden" data-testid="hall-filters-toggle">
        <h2 className="text-base font-semibold text-stone-900">{t("hall.filters")}</h2>
        <span className="text-sm text-hall-700">
          <span className="group-open:hidden">{t("hall.filtersShow")}</span>
          <span className="hidden group-open:inline">{t("hall.filtersHide")}</span>
          <span aria-hidden="true" className="ml-1 inline-block group-open:rotate-180">
            ▾
          </span>
        </span>
      </summary>
      <div className="px-4 pb-4 sm:px-5 sm:pb-5">
        <h2 className="hall-filter-heading mb-3 hidden pt-4 text-base font-semibold text-stone-900 sm:pt-5">{t("hall.filters")}</h2>
        {children}
      </div>
    </details>
  );
}
