import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunityNav } from "~/components/community-nav";
import { requireMember } from "~/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireMember(args, args.params.community);
  return json({ community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn } });
}

export default function CommunityLayout() {
  const { community } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  return (
    <>
      <CommunityNav slug={community.slug} name={i18n.language === "en" ? community.nameEn : community.nameZh} />
      <Outlet />
    </>
  );
}
