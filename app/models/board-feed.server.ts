import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionResults, executionTasks, meetings, motions, progressReports, resolutions, topics, units } from "../../db/schema";
import zhKinds from "../i18n/zh-CN/kinds";
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

const zhDate = (d: Date) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(d);
const zhDay = (d: Date) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);
const percentText = (n: number) => `${n}%`;

/**
 * The public board as an Atom feed's entries, newest first: screening decisions, meetings scheduled,
 * resolutions, 公示 with their periods, execution reports, published results and the ledger heads witnessed outside the database. Only what the board shows; the proposer's
 * name masked as the board masks it, no other person named.
 */
export function listFeedEntries({ communityId, slug, kind }: { communityId: number; slug: string; kind: CommunityKind }): FeedEntry[] {
  const db = getDb();
  const words = zhKinds.kinds[kind];
  const publicationKind = { resolution: "决议", committeeDecision: `${words.committeeBody}决定`, consultationOutcome: "协商结果", executionResult: "实施结果", correction: "更正" } as const;
  const board = `/c/${slug}/board`;
  const entries: FeedEntry[] = [];
  for (const d of listBoardDecisions({ communityId, page: 1, perPage: FEED_SIZE }).items) {
    entries.push({
      key: `topic-${d.number}-${d.kind}`,
      title: `${d.kind === "accepted" ? "受理议题" : "不予受理"} #${d.number} ${d.title}`,
      updated: new Date(d.decidedAt),
      path: `${board}#decisions`,
      summary: d.kind === "accepted" ? `提出人:${d.proposer}。${d.categoryZh ?? ""}` : `不予受理的理由:${d.reason}`,
    });
  }
  const meetingRows = db.select().from(meetings).where(eq(meetings.communityId, communityId)).orderBy(desc(meetings.createdAt)).limit(FEED_SIZE).all();
  for (const m of meetingRows) {
    entries.push({ key: `meeting-${m.number}`, title: `第${m.number}次${words.repMeeting}:${m.title}`, updated: m.createdAt, path: `${board}#meetings`, summary: `时间:${zhDate(m.scheduledAt)};地点:${m.place}` });
  }
  const resolutionRows = db
    .select({ year: resolutions.year, number: resolutions.number, sha256: resolutions.sha256, publishedAt: resolutions.publishedAt, title: topics.title, topicNumber: topics.number, yes: motions.yes, no: motions.no, abstain: motions.abstain })
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
      title: `决议〔${r.year}〕${r.number}号:#${r.topicNumber} ${r.title}`,
      updated: r.publishedAt,
      path: `${board}#resolutions`,
      summary: `同意 ${r.yes}、反对 ${r.no}、弃权 ${r.abstain}。表决文本 SHA-256:${r.sha256}`,
    });
  }
  for (const p of listBoardPublications({ communityId, kind, limit: FEED_SIZE }).items) {
    entries.push({
      key: `publication-${p.key}`,
      title: `公示:${publicationKind[p.kind]}${p.topicNumber === null ? "" : ` #${p.topicNumber}`} ${p.title}`,
      updated: p.publishedAt,
      path: `${board}#publications`,
      summary: `公示期:${zhDay(p.publishedAt)} 至 ${zhDay(p.endsAt)}(${p.current ? "公示中" : "已期满"})`,
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
    entries.push({ key: `report-${r.id}`, title: `执行进展 #${r.topicNumber} ${r.title}:${r.task} ${percentText(r.percent)}`, updated: r.at, path: `${board}#execution`, summary: `${r.unit}:${r.body}` });
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
    entries.push({ key: `result-${r.id}`, title: `实施结果 #${r.topicNumber} ${r.title}`, updated: r.at, path: `${board}#results`, summary: r.summary });
  }
  // Each witnessed head in the feed: a reader's copy is one more witness no one with the database can recall.
  for (const h of latestWitnessedHeads({ communityId, limit: FEED_SIZE, db })) {
    entries.push({ key: `witness-${h.seq}-${Date.parse(h.at)}`, title: `台账链头见证:第 ${h.seq} 条`, updated: new Date(h.at), path: `/c/${slug}/board/verify`, summary: `${zhDate(new Date(h.at))} 见证的台账链头:第 ${h.seq} 条,SHA-256:${h.hash}` });
  }
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_SIZE);
}
