import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionResults, executionTasks, meetings, motions, progressReports, resolutions, topics, units } from "../../db/schema";
import type { TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from "../i18n/languages";
import { i18n } from "../i18n/i18next.server";
import { i18nFor } from "../i18n/instances.server";
import type { CommunityKind } from "../i18n/kind-words";
import { listBoardDecisions } from "./board.server";
import { listBoardPublications } from "./board-publications.server";
import { latestWitnessedHeads } from "./ledger-witness.server";

export const FEED_SIZE = 50;

export interface FeedEntry {
  /** Unique within the community's feed: `topic-3-accepted`, `report-12` … (the route makes a tag: URI of it). */
  key: string;
  title: string;
  updated: Date;
  /** Path on this site. */
  path: string;
  summary: string;
}

/** How the feed's entries are said: the reader's language, the community's words (i18nFor) and time zone. */
export interface FeedWords {
  t: TFunction;
  language: Language;
  timeZone: string;
}

/**
 * The public board as an Atom feed's entries, newest first: screening decisions, meetings scheduled,
 * resolutions, 公示 with their periods, execution reports, published results and the ledger heads witnessed outside the database. Only what the board shows; the proposer's
 * name masked as the board masks it, no other person named. Said in `words`' language, dates in the community's time zone.
 */
export function listFeedEntries({ communityId, slug, kind, words: { t, language, timeZone } }: { communityId: number; slug: string; kind: CommunityKind; words: FeedWords }): FeedEntry[] {
  const db = getDb();
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone });
  const day = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone });
  const en = language === "en";
  const board = `/c/${slug}/board`;
  const entries: FeedEntry[] = [];
  for (const d of listBoardDecisions({ communityId, page: 1, perPage: FEED_SIZE }).items) {
    entries.push({
      key: `topic-${d.number}-${d.kind}`,
      title: t(`board.feedEntry.${d.kind}`, { number: d.number, title: d.title }),
      updated: new Date(d.decidedAt),
      path: `${board}#decisions`,
      summary: d.kind === "accepted" ? t("board.feedEntry.acceptedSummary", { proposer: d.proposer, category: (en ? d.categoryEn : d.categoryZh) ?? "" }) : t("board.feedEntry.rejectedSummary", { reason: d.reason }),
    });
  }
  const meetingRows = db.select().from(meetings).where(eq(meetings.communityId, communityId)).orderBy(desc(meetings.createdAt)).limit(FEED_SIZE).all();
  for (const m of meetingRows) {
    entries.push({
      key: `meeting-${m.number}`,
      title: t("board.feedEntry.meeting", { number: m.number, title: m.title }),
      updated: m.createdAt,
      path: `${board}#meetings`,
      summary: t("board.feedEntry.meetingSummary", { when: dateTime.format(m.scheduledAt), place: m.place }),
    });
  }
  const resolutionRows = db
    .select({ year: resolutions.year, number: resolutions.number, status: resolutions.status, statusReason: resolutions.statusReason, sha256: resolutions.sha256, publishedAt: resolutions.publishedAt, title: topics.title, topicNumber: topics.number, yes: motions.yes, no: motions.no, abstain: motions.abstain })
    .from(resolutions)
    .innerJoin(topics, eq(topics.id, resolutions.topicId))
    .innerJoin(motions, eq(motions.id, resolutions.motionId))
    .where(eq(resolutions.communityId, communityId))
    .orderBy(desc(resolutions.publishedAt))
    .limit(FEED_SIZE)
    .all();
  for (const r of resolutionRows) {
    entries.push({
      key: `resolution-${r.year}-${r.number}`,
      title: t("board.feedEntry.resolution", { year: r.year, number: r.number, topicNumber: r.topicNumber, title: r.title }),
      updated: r.publishedAt,
      path: `${board}#resolutions`,
      // 已撤销 / 已变更 by an assembly: said with the resolution that undid it (powers-undo.server.ts).
      summary: `${r.status === "revoked" || r.status === "changed" ? `${t(`resolutions.status.${r.status}`)} (${r.statusReason ?? ""}) · ` : ""}${t("board.feedEntry.resolutionSummary", { yes: r.yes, no: r.no, abstain: r.abstain, sha256: r.sha256 })}`,
    });
  }
  for (const p of listBoardPublications({ communityId, kind, limit: FEED_SIZE }).items) {
    entries.push({
      key: `publication-${p.key}`,
      title: t("board.feedEntry.publication", { kind: t(p.fourTwo ? `fourTwo.board.${p.kind}` : `board.publications.kind.${p.kind}`), topic: p.topicNumber === null ? "" : ` #${p.topicNumber}`, title: p.title }),
      updated: p.publishedAt,
      path: `${board}#publications`,
      summary: t("board.feedEntry.publicationSummary", { from: day.format(p.publishedAt), to: day.format(p.endsAt), state: t(p.current ? "board.publications.current" : "board.publications.ended") }),
    });
  }
  const reportRows = db
    .select({ id: progressReports.id, body: progressReports.body, percent: progressReports.percent, at: progressReports.createdAt, task: executionTasks.title, unit: units.name, title: topics.title, topicNumber: topics.number })
    .from(progressReports)
    .innerJoin(executionTasks, eq(executionTasks.id, progressReports.taskId))
    .innerJoin(units, eq(units.id, executionTasks.unitId))
    .innerJoin(topics, eq(topics.id, executionTasks.topicId))
    .where(eq(executionTasks.communityId, communityId))
    .orderBy(desc(progressReports.createdAt))
    .limit(FEED_SIZE)
    .all();
  for (const r of reportRows) {
    entries.push({
      key: `report-${r.id}`,
      title: t("board.feedEntry.report", { topicNumber: r.topicNumber, title: r.title, task: r.task, percent: r.percent }),
      updated: r.at,
      path: `${board}#execution`,
      summary: t("board.feedEntry.reportSummary", { unit: r.unit, body: r.body }),
    });
  }
  const resultRows = db
    .select({ id: executionResults.id, summary: executionResults.summary, at: executionResults.publishedAt, title: topics.title, topicNumber: topics.number })
    .from(executionResults)
    .innerJoin(topics, eq(topics.id, executionResults.topicId))
    .where(eq(executionResults.communityId, communityId))
    .orderBy(desc(executionResults.publishedAt))
    .limit(FEED_SIZE)
    .all();
  for (const r of resultRows) {
    entries.push({ key: `result-${r.id}`, title: t("board.feedEntry.result", { topicNumber: r.topicNumber, title: r.title }), updated: r.at, path: `${board}#results`, summary: r.summary });
  }
  // Each witnessed head in the feed: a reader's copy is one more witness no one with the database can recall.
  for (const h of latestWitnessedHeads({ communityId, limit: FEED_SIZE, db })) {
    entries.push({
      key: `witness-${h.seq}-${Date.parse(h.at)}`,
      title: t("board.feedEntry.witness", { seq: h.seq }),
      updated: new Date(h.at),
      path: `/c/${slug}/board/verify`,
      summary: t("board.feedEntry.witnessSummary", { when: dateTime.format(new Date(h.at)), seq: h.seq, hash: h.hash }),
    });
  }
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_SIZE);
}

/**
 * The feed's language: `?lang=` when it names one (a feed reader carries no cookie, so each
 * language has its own address), else the reader's as pages choose it (the language cookie, zh-CN
 * by default). `fixed` says the address chose it, so the answer may be shared by every reader of it.
 */
export async function feedLanguage(request: Request): Promise<{ language: Language; fixed: boolean }> {
  const asked = new URL(request.url).searchParams.get("lang");
  if (isLanguage(asked)) return { language: asked, fixed: true };
  return { language: (await i18n.getLocale(request)) as Language, fixed: false };
}

/** The feed's address in a language: the default language's is the plain one subscribers already have. */
export const feedPath = (slug: string, language: Language) => `/c/${slug}/board/feed.xml${language === DEFAULT_LANGUAGE ? "" : `?lang=${language}`}`;

/** The board's feed in every language, each titled in its own (the board's <link rel="alternate" hreflang>). */
export async function feedLinks(community: { slug: string; nameZh: string; nameEn: string; kind: CommunityKind }) {
  return Promise.all(
    SUPPORTED_LANGUAGES.map(async (language) => ({
      hreflang: language,
      title: (await i18nFor(language, community.kind)).t("board.title", { name: language === "en" ? community.nameEn : community.nameZh }),
      href: feedPath(community.slug, language),
    })),
  );
}
