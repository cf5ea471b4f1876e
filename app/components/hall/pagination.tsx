import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** Previous / next links with "page N of M"; plain links, so they work without JavaScript. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const link = "inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 text-sm no-underline hover:bg-stone-100";
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2" aria-label={t("hall.pagination")} data-testid="pagination">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={link} rel="prev">
          {t("hall.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">{t("hall.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} className={link} rel="next">
          {t("hall.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
