import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CommunityNav } from "~/components/community-nav";
import { requireCommunity } from "~/auth/guards.server";
import { ACCESS, decide } from "~/auth/permissions";
import { TimeZoneProvider } from "~/components/time-zone";
import { getTimeZone } from "~/models/time-zone.server";

// The layout only needs the community to exist: the public board lives below it. Each page guards
// itself (members-only pages send visitors to sign in, outsiders get 404).
export async function loader(args: LoaderFunctionArgs) {
  const { community, roles, isStreetAdmin } = requireCommunity(args, args.params.community);
  return json({
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    belongs: roles.length > 0 || isStreetAdmin,
    // The same audience as the supervision page's entry in the permission table.
    supervises: decide(ACCESS.supervision.audience, { signedIn: true, isMember: roles.length > 0, roles, isStreetAdmin }) === "allow" && roles.length > 0,
    // The household register's page, for those its entry in the permission table lets in.
    readsRegister: decide(ACCESS.register.audience, { signedIn: true, isMember: roles.length > 0, roles, isStreetAdmin }) === "allow",
    keepsRoster: decide(ACCESS.roster.audience, { signedIn: true, isMember: roles.length > 0, roles, isStreetAdmin }) === "allow",
    // Every time on the community's pages is shown in its zone (<TimeZoneProvider>, read by useFormats).
    timeZone: getTimeZone(community.id),
    // Archived (issue 18): still readable, read-only; every page says so.
    archived: community.archivedAt !== null,
  });
}

export default function CommunityLayout() {
  const { community, belongs, supervises, readsRegister, keepsRoster, timeZone, archived } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <TimeZoneProvider zone={timeZone}>
      <CommunityNav slug={community.slug} name={i18n.language === "en" ? community.nameEn : community.nameZh} belongs={belongs} supervises={supervises} readsRegister={readsRegister} keepsRoster={keepsRoster} />
      {archived ? (
        <p role="status" data-archived-notice className="mx-auto max-w-6xl px-4 pt-3 text-sm font-medium text-amber-900">
          <span className="inline-block rounded-md bg-amber-100 px-3 py-2">{t("streetCommunities.archivedNotice")}</span>
        </p>
      ) : null}
      <Outlet />
    </TimeZoneProvider>
  );
}
