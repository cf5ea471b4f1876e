import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { HallFilters } from "~/forms/hall-filters";
import { HALL_QUERY_MAX } from "~/forms/hall-filters";
import { STAGES, TOPIC_STATUSES } from "~/workflow/stages";

interface Category {
  id: number;
  nameZh: string;
  nameEn: string;
}

const control = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";
const label = "block text-sm font-medium text-stone-800";

/** The hall's filters: a GET form, so it works without JavaScript and every result has its own address. */
export function HallFilterForm({ filters, categories, active, basePath }: { filters: HallFilters; categories: Category[]; active: boolean; basePath: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  // A new key per result resets the uncontrolled fields when the address changes (back button, links).
  const key = JSON.stringify(filters);
  return (
    <Form method="get" action={basePath} className="grid grid-cols-2 gap-3 lg:grid-cols-6" role="search" aria-label={t("hall.filters")} key={key} data-testid="hall-filters">
      <div className="col-span-2 space-y-1">
        <label htmlFor="hall-q" className={label}>
          {t("hall.search")}
        </label>
        <input id="hall-q" name="q" type="search" defaultValue={filters.q} maxLength={HALL_QUERY_MAX} placeholder={t("hall.searchPlaceholder")} className={control} />
      </div>
      <div className="space-y-1">
        <label htmlFor="hall-stage" className={label}>
          {t("hall.stage")}
        </label>
        <select id="hall-stage" name="stage" defaultValue={filters.stage ?? ""} className={control}>
          <option value="">{t("hall.any")}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="hall-category" className={label}>
          {t("hall.category")}
        </label>
        <select id="hall-category" name="category" defaultValue={filters.category ?? ""} className={control}>
          <option value="">{t("hall.any")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {en ? c.nameEn : c.nameZh}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="hall-status" className={label}>
          {t("hall.status")}
        </label>
        <select id="hall-status" name="status" defaultValue={filters.status ?? ""} className={control}>
          <option value="">{t("hall.any")}</option>
          {TOPIC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="col-span-2 flex min-h-[44px] items-center gap-2 self-end text-sm text-stone-800 lg:col-span-1">
        <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} className="h-5 w-5" />
        {t("hall.mine")}
      </label>
      <div className="col-span-2 flex flex-wrap items-center gap-3 lg:col-span-6">
        <button type="submit" className="inline-flex min-h-[44px] items-center justify-center rounded-md bg-hall-600 px-4 py-2 text-sm font-medium text-white hover:bg-hall-700">
          {t("hall.apply")}
        </button>
        {active ? (
          <Link to={basePath} className="inline-flex min-h-[44px] items-center text-sm">
            {t("hall.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
