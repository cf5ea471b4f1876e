import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StageColumn } from "~/components/stage-column";
import { TopicCard } from "~/components/topic-card";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { listHallTopics, listTopicsInStages } from "~/models/topic.server";
import { STAGES, stagesWaitingOn } from "~/workflow/stages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.nameZh} · 议事厅` : "议事厅" }];

export async function loader(args: LoaderFunctionArgs) {
  const { community, roles, isStreetAdmin } = requireAccess(args, args.params.community, "hall");
  return json({
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    roles,
    isStreetAdmin,
    byStage: listHallTopics({ communityId: community.id }),
    needsMe: listTopicsInStages({ communityId: community.id, stages: stagesWaitingOn(roles) }),
    now: Date.now(),
  });
}

export default function Hall() {
  const { community, roles, isStreetAdmin, byStage, needsMe, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const name = i18n.language === "en" ? community.nameEn : community.nameZh;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-5 px-4 py-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("hall.title", { name })}</h1>
        <p className="text-sm text-stone-600" data-testid="my-roles">
          {t("hall.myRoles")}: {[...roles.map((r) => t(`roles.${r}`)), ...(isStreetAdmin ? [t("roles.streetAdmin")] : [])].join(" · ")}
        </p>
      </div>
      {isStreetAdmin && roles.length === 0 ? <Alert tone="info">{t("hall.streetAdminView")}</Alert> : null}
      <Card title={t("hall.needsMe")}>
        {needsMe.length === 0 ? (
          <p className="text-sm text-stone-600">{t("hall.needsMeEmpty")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="needs-me">
            {needsMe.map((topic) => (
              <li key={topic.id}>
                <TopicCard topic={topic} now={now} communitySlug={community.slug} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {STAGES.map((stage) => (
          <StageColumn key={stage} stage={stage} total={byStage[stage].total} shown={byStage[stage].topics.length}>
            {byStage[stage].topics.map((topic) => (
              <li key={topic.id}>
                <TopicCard topic={topic} now={now} communitySlug={community.slug} />
              </li>
            ))}
          </StageColumn>
        ))}
      </div>
    </main>
  );
}
