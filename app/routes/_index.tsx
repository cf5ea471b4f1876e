import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/card";
import { kindVariables } from "~/i18n/kind-words";
import { getUser } from "~/auth/guards.server";
import { listCommunities, listUserPlaces } from "~/models/community.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  return json({ communities: listCommunities(), places: user ? listUserPlaces({ userId: user.id }) : null });
}

export default function Home() {
  const { communities, places } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-5 px-4 py-6">
      <section>
        <h1 className="text-2xl font-bold text-stone-900">{t("home.title")}</h1>
        <p className="mt-2 text-stone-700">{t("home.intro")}</p>
      </section>
      {places ? (
        <Card title={t("home.yourPlaces")}>
          {places.communities.length === 0 && places.streets.length === 0 ? <p className="text-stone-600">{t("home.noPlaces")}</p> : null}
          <ul className="grid gap-2 sm:grid-cols-2">
            {places.communities.map((c) => (
              <li key={c.slug}>
                <Link to={`/c/${c.slug}`} className="block rounded-md border border-stone-200 p-3 no-underline hover:bg-stone-50">
                  <span className="font-semibold text-stone-900">{en ? c.nameEn : c.nameZh}</span>
                  <span className="mt-1 block text-xs text-stone-600">{c.roles.map((r) => t(`roles.${r}`, kindVariables(i18n, c.kind))).join(" · ")}</span>
                </Link>
              </li>
            ))}
            {places.streets.map((s) => (
              <li key={s.slug}>
                <Link to={`/s/${s.slug}`} className="block rounded-md border border-stone-200 p-3 no-underline hover:bg-stone-50">
                  <span className="font-semibold text-stone-900">{en ? s.nameEn : s.nameZh}</span>
                  <span className="mt-1 block text-xs text-stone-600">{t("roles.streetAdmin")}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : (
        <Card>
          <p className="text-stone-700">{t("home.signInPrompt")}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Link to="/login" className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-white no-underline hover:bg-hall-700">
              {t("nav.signIn")}
            </Link>
            <Link to="/join" className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline">
              {t("nav.join")}
            </Link>
          </div>
        </Card>
      )}
      <Card title={t("home.communities")}>
        <ul className="divide-y divide-stone-100">
          {communities.map((c) => (
            <li key={c.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <div className="font-medium text-stone-900">{en ? c.nameEn : c.nameZh}</div>
                <div className="text-xs text-stone-500">
                  {en ? c.streetNameEn : c.streetNameZh} · {t(`home.kind_${c.kind}`)}
                </div>
              </div>
              <Link to={`/c/${c.slug}`} className="text-sm">
                {t("home.openHall")}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </main>
  );
}
