import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useClientNavigation } from "~/components/client-nav";
import { HallFilterForm } from "~/components/hall/hall-filters";
import { MeetingBanner } from "~/components/hall/meeting-banner";
import { NeedsMe } from "~/components/hall/needs-me";
import { HALL_COLUMNS_PART, StageColumnList, StageColumns } from "~/components/hall/stage-columns";
import { now } from "~/models/clock.server";
import { hallColumns } from "~/models/hall-columns.server";
import { getTimeZone } from "~/models/time-zone.server";
import { renderAhead } from "~/pages/render-ahead.server";
import { TopicList } from "~/components/hall/topic-list";
import { Alert } from "~/components/ui/alert";
import { FilterFold } from "~/components/hall/filter-fold";
import { requireAccess } from "~/auth/guards.server";
import { hasHallFilters, parseHallFilters } from "~/forms/hall-filters";
import { i18n } from "~/i18n/i18next.server";
import { i18nFor } from "~/i18n/instances.server";
import { currentMeeting } from "~/models/meeting-list.server";
import { listCatalogue } from "~/models/rules.server";
import { listFilteredTopics, listNeedsMe } from "~/models/topic.server";
import { takeUnseenAssistedActs } from "~/models/assist-withdraw.server";
import { AssistNotice } from "~/components/assist/assist-lists";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { user, community, roles, isStreetAdmin } = requireAccess(args, args.params.community, "hall");
  const filters = parseHallFilters(new URL(args.request.url).searchParams);
  const filtered = hasHallFilters(filters) ? listFilteredTopics({ communityId: community.id, userId: user.id, filters }) : null;
  const columns = filtered ? null : hallColumns({ communityId: community.id });
  // The columns are the same for everyone in the community until a write: so is their markup.
  if (columns) {
    const words = await i18nFor(await i18n.getLocale(args.request), community.kind);
    renderAhead(args.context, words, getTimeZone(community.id), {
      [HALL_COLUMNS_PART]: [columns, () => <StageColumnList byStage={columns.byStage} now={columns.now} communitySlug={community.slug} />],
    });
  }
  return json({
    title: await pageTitle(args.request, [community], community.kind),
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    roles,
    isStreetAdmin,
    filters: { ...filters, page: filtered?.page ?? 1 },
    filtered,
    byStage: columns?.byStage ?? null,
    needsMe: listNeedsMe({ communityId: community.id, userId: user.id, roles }),
    meeting: currentMeeting({ communityId: community.id }),
    categories: listCatalogue({ communityId: community.id }).map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    now: columns?.now ?? now().getTime(),
    // 代录: what staff recorded for this person since they last looked (shown once, then marked seen).
    assisted: takeUnseenAssistedActs({ userId: user.id, communityId: community.id }),
  });
}

export default function Hall() {
  const { community, roles, isStreetAdmin, filters, filtered, byStage, needsMe, meeting, categories, now, assisted } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const name = i18n.language === "en" ? community.nameEn : community.nameZh;
  const basePath = `/c/${community.slug}`;
  // The hall's links are plain (its cards are most of the page); one handler navigates in the app.
  const onClick = useClientNavigation();
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-5 px-4 py-5" onClick={onClick}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("hall.title", { name })}</h1>
        <p className="text-sm text-stone-600" data-testid="my-roles">
          {t("hall.myRoles")}: {[...roles.map((r) => t(`roles.${r}`)), ...(isStreetAdmin ? [t("roles.streetAdmin")] : [])].join(" · ")}
        </p>
      </div>
      <AssistNotice acts={assisted} />
      {isStreetAdmin && roles.length === 0 ? <Alert tone="info">{t("hall.streetAdminView")}</Alert> : null}
      {roles.includes("resident") || roles.includes("committee") ? (
        <div className="flex flex-wrap gap-3">
          <a href={`${basePath}/topics/new`} className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 font-medium text-white no-underline hover:bg-hall-700" data-testid="propose-link">
            {t("propose.link")}
          </a>
          {roles.includes("committee") ? (
            <a href={`${basePath}/assist`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100" data-testid="assist-link">
              {t("assist.title")}
            </a>
          ) : null}
          {roles.includes("committee") ? (
            <a href={`${basePath}/topics/import`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
              {t("propose.import.link")}
            </a>
          ) : null}
        </div>
      ) : null}
      {/* 待我处理 first, then the next meeting; the filters are folded on a phone (FilterFold). */}
      <NeedsMe topics={needsMe} now={now} communitySlug={community.slug} />
      {meeting ? <MeetingBanner meeting={meeting} communitySlug={community.slug} isRepresentative={roles.includes("representative")} /> : null}
      <FilterFold active={filtered !== null}>
        <HallFilterForm filters={filters} categories={categories} active={filtered !== null} basePath={basePath} />
      </FilterFold>
      {filtered ? (
        <TopicList {...filtered} filters={filters} basePath={basePath} now={now} communitySlug={community.slug} />
      ) : byStage ? (
        <StageColumns byStage={byStage} now={now} communitySlug={community.slug} />
      ) : null}
    </main>
  );
}
