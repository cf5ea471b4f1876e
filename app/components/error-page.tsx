import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

const KINDS: Record<number, string> = { 400: "altered", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed" };
// A post to an archived community (423, guards.server.ts): its words are the setup part's.
const ARCHIVED = 423;

export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const kind = KINDS[status] ?? "unexpected";
  const title = status === ARCHIVED ? t("streetCommunities.archivedTitle") : t(`errors.${kind}Title`);
  const message = status === ARCHIVED ? t("streetCommunities.archivedRefused") : t(`errors.${kind}`);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-hall-600">{status}</p>
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-stone-600">{message}</p>
      <p className="mt-6">
        {/* A refused form was posted to its own page: reading that page again gives a fresh form. */}
        {kind === "altered" ? <Link to={pathname}>{t("errors.backToPage")}</Link> : <Link to="/">{t("errors.backHome")}</Link>}
      </p>
    </main>
  );
}
