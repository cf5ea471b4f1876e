import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { appraisalSubjects, appraisals, communities, meetings, rules, users } from "../../db/schema";
import { cachedRead } from "../cache/cache.server";
import { DEFAULT_TIME_ZONE, isTimeZone, localDate } from "../i18n/time-zone";
import { assemblyRulesFor } from "../workflow/assembly";
import { twiceIncompetent } from "../workflow/appraisal";
import { listDuties, overdueDuties, type Duty, type DutyMeeting } from "../workflow/duties";
import type { ArticleKey } from "../workflow/rule-packs";
import { now } from "./clock.server";

/**
 * The yearly duties (app/workflow/duties.ts) read from the database: for one community (the meetings
 * page's panel) and for a whole street at once (the street dashboard), one query per kind of fact —
 * communities with their zone, meetings, appraisals, 不称职 verdicts — never one per community.
 */

/** Meetings older than this are never asked about: the duties look at this period and the one before (at most two years). */
const cutoffOf = (at: Date) => Date.UTC(at.getUTCFullYear() - 1, 0, 1) - 86_400_000;

/** The day an instant falls on in the community's zone (the default when its rules name none this runtime knows). */
const dayIn = (zone: string | null | undefined) => {
  const known = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  return (at: Date) => localDate(at, known);
};

const meetingFacts = { communityId: meetings.communityId, body: meetings.body, status: meetings.status, scheduledAt: meetings.scheduledAt, startedAt: meetings.startedAt };
const sittingOrPlanned = inArray(meetings.status, ["ended", "scheduled", "inSession"]);
const since = (cutoff: number) => or(gte(meetings.scheduledAt, new Date(cutoff)), gte(meetings.startedAt, new Date(cutoff)));

/** The duties of one community now: this period's and any overdue one's, each citing its article. */
export function getCommunityDuties({ communityId }: { communityId: number }): Duty[] {
  const db = getDb();
  const at = now();
  const community = db
    .select({ kind: communities.kind, createdAt: communities.createdAt, zone: rules.timeZone })
    .from(communities)
    .leftJoin(rules, eq(rules.communityId, communities.id))
    .where(eq(communities.id, communityId))
    .get();
  if (!community) return [];
  const rows = db
    .select(meetingFacts)
    .from(meetings)
    .where(and(eq(meetings.communityId, communityId), sittingOrPlanned, since(cutoffOf(at))))
    .all();
  const years = db.select({ year: appraisals.year, status: appraisals.status }).from(appraisals).where(eq(appraisals.communityId, communityId)).all();
  return listDuties({ kind: community.kind, dayOf: dayIn(community.zone), at, since: community.createdAt, meetings: rows, appraisals: years });
}

interface StreetFacts {
  communities: { id: number; slug: string; kind: "urban" | "village"; createdAt: Date; zone: string | null }[];
  meetings: (DutyMeeting & { communityId: number })[];
  appraisals: { id: number; communityId: number; year: number; status: "open" | "closed" }[];
  incompetent: { appraisalId: number; userId: number; name: string }[];
}

function readStreetFacts({ streetId, cutoff }: { streetId: number; cutoff: number }): StreetFacts {
  const db = getDb();
  const inStreet = sql`${communities.streetId} = ${streetId}`;
  return {
    communities: db
      .select({ id: communities.id, slug: communities.slug, kind: communities.kind, createdAt: communities.createdAt, zone: rules.timeZone })
      .from(communities)
      .leftJoin(rules, eq(rules.communityId, communities.id))
      .where(inStreet)
      .all(),
    meetings: db
      .select(meetingFacts)
      .from(meetings)
      .innerJoin(communities, eq(communities.id, meetings.communityId))
      .where(and(inStreet, sittingOrPlanned, since(cutoff)))
      .all(),
    appraisals: db
      .select({ id: appraisals.id, communityId: appraisals.communityId, year: appraisals.year, status: appraisals.status })
      .from(appraisals)
      .innerJoin(communities, eq(communities.id, appraisals.communityId))
      .where(inStreet)
      .all(),
    incompetent: db
      .select({ appraisalId: appraisalSubjects.appraisalId, userId: appraisalSubjects.userId, name: users.displayName })
      .from(appraisalSubjects)
      .innerJoin(appraisals, eq(appraisals.id, appraisalSubjects.appraisalId))
      .innerJoin(communities, eq(communities.id, appraisals.communityId))
      .innerJoin(users, eq(users.id, appraisalSubjects.userId))
      .where(and(inStreet, eq(appraisalSubjects.verdict, "incompetent")))
      .all(),
  };
}

// A read across the street's communities: any write to these tables forgets it (docs/decisions/033).
const streetFacts = cachedRead("street-duties", { tables: [communities, rules, meetings, appraisals, appraisalSubjects, users], key: ({ streetId, cutoff }: { streetId: number; cutoff: number }) => `${streetId}:${cutoff}`, max: 100 }, readStreetFacts);

export interface CommunityDutyFlags {
  overdue: Pick<Duty, "duty" | "period" | "article">[];
  flagged: { name: string; years: [number, number] }[];
  /** The article that ends the office of one rated 不称职 twice (村委会组织法 Art. 38; 居委会组织法 Art. 37). */
  appraisalArticle: ArticleKey;
}

/** Per community of the street (by slug): its overdue duties and its members rated 不称职 in two consecutive appraisals. */
export function listStreetDuties({ streetId }: { streetId: number }): Record<string, CommunityDutyFlags> {
  const at = now();
  const facts = streetFacts({ streetId, cutoff: cutoffOf(at) });
  const group = <T extends { communityId: number }>(rows: readonly T[]) => {
    const by = new Map<number, T[]>();
    for (const row of rows) {
      const list = by.get(row.communityId);
      if (list) list.push(row);
      else by.set(row.communityId, [row]);
    }
    return by;
  };
  const meetingsOf = group(facts.meetings);
  const appraisalsOf = group(facts.appraisals);
  const incompetentOf = new Map<number, { userId: number; name: string }[]>();
  for (const s of facts.incompetent) {
    const list = incompetentOf.get(s.appraisalId);
    if (list) list.push(s);
    else incompetentOf.set(s.appraisalId, [s]);
  }
  const out: Record<string, CommunityDutyFlags> = {};
  for (const c of facts.communities) {
    const mine = appraisalsOf.get(c.id) ?? [];
    const closed = mine.filter((a) => a.status === "closed").map((a) => ({ year: a.year, verdicts: new Map((incompetentOf.get(a.id) ?? []).map((s) => [s.userId, "incompetent" as const])) }));
    const flagged = closed.length > 1 ? twiceIncompetent(closed) : [];
    const names = new Map(mine.flatMap((a) => (incompetentOf.get(a.id) ?? []).map((s) => [s.userId, s.name] as const)));
    out[c.slug] = {
      overdue: overdueDuties({ kind: c.kind, dayOf: dayIn(c.zone), at, since: c.createdAt, meetings: meetingsOf.get(c.id) ?? [], appraisals: mine }).map(({ duty, period, article }) => ({ duty, period, article })),
      flagged: flagged.map((f) => ({ name: names.get(f.userId) ?? "", years: f.years })),
      appraisalArticle: assemblyRulesFor(c.kind).articles.appraisal,
    };
  }
  return out;
}
