// 四议两公开 on a topic's page: the three recorded deliberations, the vote, both publications, and where
// each happened on the six-stage timeline.
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { meetings, motions, publications, topicEvents, users } from "../../db/schema";
import { FOUR_TWO_STEPS, type FourTwoStep } from "../workflow/assembly";
import { FOUR_TWO_STATES, fourTwoBlock, latestSteps, mayRecordStep, nextFourTwoStep, type FourTwoPublicationKind } from "../workflow/four-two";
import { LEGAL_FLOORS } from "../workflow/rule-packs";
import type { Role } from "../workflow/roles";
import { STATE_INFO } from "../workflow/states";
import type { Stage } from "../workflow/stages";
import { localDate } from "../forms/consultation";
import { DAY_MS, now } from "./clock.server";
import { fourTwoTopicOf, listFourTwoSteps } from "./four-two.server";
import { getTimeZone } from "./time-zone.server";

/** A deliberation or publication placed on the stage timeline (the stage the topic was in when it was recorded). */
export interface FourTwoNote {
  stage: Stage;
  kind: FourTwoStep | "decision" | FourTwoPublicationKind;
  at: Date;
}

/** The stage a topic was in at `at`, from its moves (the last one made by then). */
function stageAt(events: ReadonlyArray<{ toState: keyof typeof STATE_INFO; at: Date }>, at: Date): Stage | null {
  let stage: Stage | null = null;
  for (const e of events) if (e.at.getTime() <= at.getTime()) stage = STATE_INFO[e.toState].stage ?? stage;
  return stage;
}

/** The latest publication of each of the two kinds on this topic, with how many days it runs and whether that meets the law's 15. */
function publicationsOf(communityId: number, topicId: number) {
  const rows = getDb()
    .select({ kind: publications.kind, publishedAt: publications.publishedAt, endsAt: publications.endsAt })
    .from(publications)
    .where(and(eq(publications.communityId, communityId), eq(publications.topicId, topicId), inArray(publications.kind, ["resolution", "executionResult"])))
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .all();
  const latest = (kind: FourTwoPublicationKind) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) return null;
    const days = Math.floor((row.endsAt.getTime() - row.publishedAt.getTime()) / DAY_MS);
    return { publishedAt: row.publishedAt, endsAt: row.endsAt, days, meetsFloor: days >= LEGAL_FLOORS.publicityDays, current: row.endsAt.getTime() > now().getTime() };
  };
  return { resolution: latest("resolution"), executionResult: latest("executionResult") };
}

/** 村民会议或村民代表会议决议: the latest vote on the topic, when it closed and whether it passed. */
function decisionOf(communityId: number, topicId: number) {
  return (
    getDb()
      .select({ title: meetings.title, closedAt: motions.closedAt, passed: motions.passed })
      .from(motions)
      .innerJoin(meetings, eq(meetings.id, motions.meetingId))
      .where(and(eq(motions.communityId, communityId), eq(motions.topicId, topicId), isNotNull(motions.closedAt)))
      .orderBy(desc(motions.closedAt), desc(motions.id))
      .get() ?? null
  );
}

/**
 * The 四议两公开 card of a topic's page: null unless the topic is a village's 四议两公开 matter; else
 * every step recorded (oldest first, with the stage it happened in), the latest outcome of each, the
 * step to record next and whether this person may (recordFourTwoStep decides again), the gate, the
 * vote and both publications, and the notes for the stage timeline.
 */
export function getFourTwoSection({ communityId, topicId, roles }: { communityId: number; topicId: number; roles: readonly Role[] }) {
  const db = getDb();
  const topic = fourTwoTopicOf(db, communityId, topicId);
  if (!topic?.fourTwo) return null;
  const zone = getTimeZone(communityId);
  const events = db.select({ toState: topicEvents.toState, at: topicEvents.at }).from(topicEvents).where(eq(topicEvents.topicId, topicId)).orderBy(asc(topicEvents.at), asc(topicEvents.id)).all();
  const rows = listFourTwoSteps(communityId, topicId);
  const names = new Map(db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [0, ...rows.map((s) => s.recordedBy)])).all().map((u) => [u.id, u.name]));
  const steps = rows.map((s) => ({
    id: s.id,
    step: s.step,
    heldOn: s.heldOn,
    body: s.body,
    attended: s.attended,
    expected: s.expected,
    outcome: s.outcome,
    minutes: s.minutes,
    recordedBy: names.get(s.recordedBy) ?? "",
    stage: stageAt(events, s.createdAt),
    createdAt: s.createdAt,
  }));
  const latest = latestSteps(steps);
  const beforeVote = FOUR_TWO_STATES.includes(topic.state);
  const next = nextFourTwoStep(latest);
  const decision = decisionOf(communityId, topicId);
  const published = publicationsOf(communityId, topicId);
  const notes: FourTwoNote[] = steps.flatMap((s) => (s.stage ? [{ stage: s.stage, kind: s.step, at: s.createdAt }] : []));
  if (decision?.closedAt) notes.push({ stage: stageAt(events, decision.closedAt) ?? "decision", kind: "decision", at: decision.closedAt });
  if (published.resolution) notes.push({ stage: stageAt(events, published.resolution.publishedAt) ?? "decision", kind: "resolution", at: published.resolution.publishedAt });
  if (published.executionResult) notes.push({ stage: stageAt(events, published.executionResult.publishedAt) ?? "execution", kind: "executionResult", at: published.executionResult.publishedAt });
  const today = localDate(now(), zone);
  const earliest = [localDate(topic.createdAt, zone), ...steps.map((s) => s.heldOn)].sort().at(-1)!;
  return {
    steps: steps.map(({ createdAt: _c, ...s }) => s),
    latest: FOUR_TWO_STEPS.map((step) => ({ step, outcome: latest[step] ?? null })),
    next: beforeVote ? next : null,
    block: beforeVote ? fourTwoBlock(true, latest) : null,
    beforeVote,
    mayRecord: beforeVote && next !== null && mayRecordStep(next, roles),
    today,
    earliest,
    decision,
    publications: published,
    notes,
  };
}

export type FourTwoSection = NonNullable<ReturnType<typeof getFourTwoSection>>;
