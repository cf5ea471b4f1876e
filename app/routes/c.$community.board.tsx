import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BoardSection } from "~/components/board/board-section";
import { BoardAppraisals } from "~/components/appraisals/board-appraisals";
import { BoardLinks } from "~/components/board/board-links";
import { DecisionList } from "~/components/board/decision-list";
import { CallList } from "~/components/board/call-list";
import { ExecutionList } from "~/components/board/execution-list";
import { MeetingList } from "~/components/board/meeting-list";
import { PublicationList } from "~/components/board/publication-list";
import { ResolutionList } from "~/components/board/resolution-list";
import { ResultList } from "~/components/board/result-list";
import { WitnessedHeads } from "~/components/board/witnessed-heads";
import { Pagination } from "~/components/hall/pagination";
import { requirePublicAccess } from "~/auth/guards.server";
import { listBoardMeetings, listBoardResolutions } from "~/models/board-meetings.server";
import { listBoardExecution, listBoardResults } from "~/models/board-execution.server";
import { listBoardDecisions } from "~/models/board.server";
import { listCallsForBoard } from "~/models/department-call-read.server";
import { listBoardPublications } from "~/models/board-publications.server";
import { listClosedAppraisals } from "~/models/appraisal-view.server";
import { citeArticle } from "~/workflow/rule-packs";
import { latestWitnessedHeads } from "~/models/ledger-witness.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { feedLinks } from "~/models/board-feed.server";

// The board's title, and its Atom feed in each language (feed readers offer both: hreflang).
export const meta: MetaFunction<typeof loader> = (args) => [
  ...titleMeta(args),
  ...(args.data?.feeds ?? []).map(({ hreflang, title, href }) => ({ tagName: "link", rel: "alternate", type: "application/atom+xml", hrefLang: hreflang, title, href })),
];

function pageParam(url: string): number {
  const raw = new URL(url).searchParams.get("page") ?? "";
  return /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
}

// Public: anyone, signed in or not. Only what the 116 method publishes, and no personal data.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "board");
  return json({
    title: await pageTitle(args.request, [["board.title", { name: community }]], community.kind),
    feeds: await feedLinks(community),
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    publications: listBoardPublications({ communityId: community.id, kind: community.kind }),
    meetings: listBoardMeetings({ communityId: community.id }),
    resolutions: listBoardResolutions({ communityId: community.id }),
    decisions: listBoardDecisions({ communityId: community.id, page: pageParam(args.request.url) }),
    execution: listBoardExecution({ communityId: community.id }),
    results: listBoardResults({ communityId: community.id }),
    // 部门响应 (issue 19): the street's departments' answers, results and evidence; no names.
    calls: listCallsForBoard({ communityId: community.id }),
    // 民主评议结果 (issue 17): committee members' counts and verdicts; they are public officials.
    appraisals: listClosedAppraisals({ communityId: community.id, limit: 3 }),
    witnessed: latestWitnessedHeads({ communityId: community.id, limit: 3 }).map(({ at, seq, hash }) => ({ at, seq, hash })),
  });
}

export default function Board() {
  const { community, publications, meetings, resolutions, decisions, execution, results, calls, witnessed, appraisals } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const name = i18n.language === "en" ? community.nameEn : community.nameZh;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <div>
        <h1 className="text-2xl font-bold">{t("board.title", { name })}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("board.intro")}</p>
        <BoardLinks slug={community.slug} />
      </div>
      <BoardSection id="publications" title={t("board.publications.title")} hint={t("board.publications.hint", { article: citeArticle(publications.article, i18n.language === "en" ? "en" : "zh-CN") })}>
        <PublicationList items={publications.items} />
      </BoardSection>
      {appraisals.length ? (
        <BoardSection id="appraisals" title={t("appraisal.results")}>
          <BoardAppraisals items={appraisals} />
        </BoardSection>
      ) : null}
      <BoardSection id="meetings" title={t("board.meetings")} hint={t("board.meetingsHint")}>
        <MeetingList upcoming={meetings.upcoming} recent={meetings.recent} />
      </BoardSection>
      <BoardSection
        id="resolutions"
        title={t("board.resolutions")}
        hint={`${t("board.resolutionsHint")} ${resolutions.total > resolutions.items.length ? t("board.shown", { shown: resolutions.items.length, count: resolutions.total }) : t("board.count", { count: resolutions.total })}`}
      >
        <ResolutionList items={resolutions.items} />
      </BoardSection>
      <BoardSection id="execution" title={t("board.execution.title")} hint={t("board.execution.hint")}>
        <ExecutionList topics={execution} slug={community.slug} />
      </BoardSection>
      <BoardSection id="calls" title={t("callsCommunity.board.title")} hint={t("callsCommunity.board.hint")}>
        <CallList items={calls} slug={community.slug} />
      </BoardSection>
      <BoardSection id="results" title={t("board.results.title")} hint={t("board.results.hint", { pct: results.thresholdPct })}>
        <ResultList items={results.items} thresholdPct={results.thresholdPct} />
      </BoardSection>
      <BoardSection id="decisions" title={t("board.decisions")} hint={`${t("board.decisionsHint")} ${t("board.count", { count: decisions.total })}`}>
        <DecisionList items={decisions.items} />
        <Pagination page={decisions.page} pages={decisions.pages} hrefFor={(p) => `/c/${community.slug}/board${p > 1 ? `?page=${p}` : ""}`} />
      </BoardSection>
      <BoardSection id="witnessed" title={t("board.verify.witnessed")} hint={t("board.verify.witnessedHint")}>
        <WitnessedHeads heads={witnessed} />
      </BoardSection>
    </main>
  );
}
