import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** Under the board's title: have the ledger verified, or follow the board in a feed reader (not a <nav>: the community's nav is the page's one). */
export function BoardLinks({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const link = "inline-flex min-h-[44px] items-center gap-1 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-100";
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <Link to={`/c/${slug}/board/verify`} className={link} data-testid="board-verify-link">
        {t("board.verify.link")}
      </Link>
      <a href={`/c/${slug}/board/feed.xml${i18n.language === "en" ? "?lang=en" : ""}`} className={link} type="application/atom+xml" hrefLang={i18n.language}>
        {t("board.feed")}
      </a>
    </div>
  );
}
