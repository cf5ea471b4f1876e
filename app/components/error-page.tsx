import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : "unexpected";
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-hall-600">{status}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(`errors.${kind}Title`)}</h1>
      <p className="mt-2 text-stone-600">{t(`errors.${kind}`)}</p>
      <p className="mt-6">
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </main>
  );
}
