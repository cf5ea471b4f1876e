import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../../app/auth/password.server";
import { sha256Hex } from "../../../app/models/freeze.server";
import { DAY_MS } from "../../../app/models/clock.server";
import { appendLedger } from "../../../app/models/ledger.server";
import { grantMembership } from "../../../app/models/membership.server";
import { RULE_PACKS, settingsFromPack, type Ratio } from "../../../app/workflow/rule-packs";
import { inTransaction, type Db, type Tx } from "../../../db/client.server";
import { createCommunityIn } from "../../../app/models/community-admin.server";
import { addDepartmentContactIn, createDepartmentIn } from "../../../app/models/department.server";
import { sitsOnRoster } from "../../../app/workflow/meetings";
import { DEMO_ACCOUNTS, DEMO_CATALOGUE, DEMO_DEPARTMENTS, DEMO_CONVENERS, DEMO_COMMUNITIES, DEMO_MEETINGS, DEMO_PASSWORD, DEMO_STREET, DEMO_TOPICS, type DemoTopic } from "./data";
import { demoDraft } from "./drafts";
import { writeExecution } from "./execution";
import { writeRegister } from "./register";
import { seedFourTwo } from "./four-two";
import { planMeetings, tabledTopicFreezes, votedTopicTimes, writeMeetings } from "./meetings";
import { communities, consultationMeetings, deadlines, draftDocuments, draftFreezes, streetAdmins, streets, topicCosigns, topicEvents, topics, users } from "../../../db/schema";
import { ENTRY_STATE, type TopicState } from "../../../app/workflow/states";

const DAY = 24 * 60 * 60 * 1000;

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(streets).get()?.n ?? 0) === 0;
}

/** Seeds the demo street, communities, accounts, rules and topics into an empty database. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!isEmpty(db)) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const now = Date.now();
  inTransaction(db, (tx) => {
    if (tx.select({ n: count() }).from(streets).get()!.n > 0) return; // another start won the race
    const streetId = tx.insert(streets).values(DEMO_STREET).returning({ id: streets.id }).get().id;
    const userIds = new Map<string, number>();
    DEMO_ACCOUNTS.forEach((account, i) => {
      const id = tx
        .insert(users)
        .values({ username: account.username, displayName: account.displayName, passwordHash: hashes[i] })
        .returning({ id: users.id })
        .get().id;
      userIds.set(account.username, id);
      if (account.streetAdmin) tx.insert(streetAdmins).values({ streetId, userId: id }).run();
    });
    const adminId = userIds.get("street1")!;
    const departmentIds = new Map<string, number>();
    for (const { key, ...department } of DEMO_DEPARTMENTS) departmentIds.set(key, createDepartmentIn(tx, { streetId, department }));
    for (const account of DEMO_ACCOUNTS) {
      if (account.department) addDepartmentContactIn(tx, { departmentId: departmentIds.get(account.department)!, userId: userIds.get(account.username)!, addedBy: adminId });
    }
    for (const c of DEMO_COMMUNITIES) {
      const { communityId, categoryIds } = createCommunityIn(tx, { streetId, actorId: adminId, community: { slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn, kind: c.kind } });
      const pack = RULE_PACKS[c.pack];
      for (const account of DEMO_ACCOUNTS.filter((a) => a.community === c.slug)) {
        for (const role of account.roles) {
          grantMembership(tx, { communityId, userId: userIds.get(account.username)!, role, grantedBy: adminId, via: "seed" });
        }
      }
      const plans = planMeetings(DEMO_MEETINGS[c.slug], now, pack.publicityDays, DEMO_CONVENERS[c.slug]);
      const voted = votedTopicTimes(plans);
      const tabled = tabledTopicFreezes(plans);
      const committeeId = userIds.get(c.slug === "mingyue" ? "committee1" : "vcommittee1")!;
      const frozenTopics = new Map<number, { id: number; sha256: string; text: string; pass: Ratio }>();
      DEMO_TOPICS[c.slug].forEach((topic, i) => {
        const number = i + 1;
        const state = topic.status ?? topic.state ?? ENTRY_STATE[topic.stage];
        // A topic voted on (or tabled) at a demo meeting has its history pinned to the meeting's moments.
        const vote = voted.get(number);
        const fixed: Partial<Record<string, Date>> = vote ?? (tabled.has(number) ? { freeze: tabled.get(number)! } : {});
        const lastAction = ROAD.find((step) => step.to === state)?.action;
        const stageEnteredAt = (lastAction && fixed[lastAction]) || new Date(now - topic.daysInStage * DAY);
        const createdAt = vote ? new Date(vote.freeze.getTime() - 12 * DAY) : state === "open" ? stageEnteredAt : new Date(stageEnteredAt.getTime() - 10 * DAY);
        const id = tx
          .insert(topics)
          .values({
            communityId,
            number,
            title: topic.title,
            description: topic.description,
            location: topic.location,
            categoryId: categoryIds.get(topic.category),
            stage: topic.stage,
            status: topic.status ?? "active",
            state,
            cosignCount: topic.cosigners?.length ?? 0,
            proposerId: userIds.get(topic.proposer)!,
            ...(topic.hotline ? { source: "hotline" as const, externalRef: topic.hotline } : {}),
            createdAt,
            stageEnteredAt,
          })
          .returning({ id: topics.id })
          .get().id;
        const moverIds = { system: null, committee: committeeId, executor: userIds.get(c.slug === "mingyue" ? "executor1" : "vcommittee1")! };
        const history = seedHistory(state, createdAt, stageEnteredAt, fixed);
        for (const event of history) {
          tx.insert(topicEvents)
            .values({ topicId: id, action: event.action, fromState: event.from, toState: event.to, actorId: event.by === "proposer" ? userIds.get(topic.proposer)! : moverIds[event.by], at: event.at })
            .run();
        }
        for (const cosigner of topic.cosigners ?? []) {
          tx.insert(topicCosigns).values({ topicId: id, userId: userIds.get(cosigner)!, createdAt: stageEnteredAt }).run();
        }
        if (state === "open" || state === "screening") {
          const days = state === "open" ? pack.cosignWindowDays : pack.screeningDays;
          tx.insert(deadlines).values({ communityId, topicId: id, kind: state === "open" ? "cosignWindow" : "screening", dueAt: new Date(stageEnteredAt.getTime() + days * DAY) }).run();
        }
        appendLedger(tx, {
          communityId,
          type: "topic.seeded",
          actorId: userIds.get(topic.proposer)!,
          subject: `topic:${id}`,
          // The co-signers by id, so ledger:verify can compare the set (not only the count) with topic_cosigns.
          payload: { title: topic.title, stage: topic.stage, state, ...(topic.hotline ? { externalRef: topic.hotline } : {}), cosigners: topic.cosigners?.length ?? 0, cosignerIds: (topic.cosigners ?? []).map((u) => userIds.get(u)!).sort((a, b) => a - b) },
        });
        // A topic in consultation is consulted on its draft (the step gates ask for one): its proposal is written out.
        if (state === "consulting" && topic.plan) {
          tx.insert(draftDocuments).values({ topicId: id, state: Buffer.from(demoDraft(topic.description, topic.plan).state), updatedAt: stageEnteredAt }).run();
        }
        const frozenAt = history.find((e) => e.action === "freeze")?.at;
        if (frozenAt && FROZEN_STATES.includes(state)) {
          const frozen = seedFreeze(tx, { communityId, topicId: id, topic, committeeId, frozenAt });
          frozenTopics.set(number, { id, ...frozen, pass: passRuleFor(topic, pack.pass) });
        }
      });
      if (plans.length) {
        // 组成人员 as startMeeting takes them: committee members, then the representatives who are not also one.
        const seats = DEMO_ACCOUNTS.filter((a) => a.community === c.slug && sitsOnRoster(a.roles)).map((a) => ({
          username: a.username,
          seat: a.roles.includes("committeeMember") ? ("committeeMember" as const) : ("representative" as const),
        }));
        writeMeetings(tx, { communityId, plans, userIds, topics: frozenTopics, seats, convener: DEMO_CONVENERS[c.slug], noticeDaysRequired: pack.meetingNoticeDays, rules: settingsFromPack(pack) });
      }
      if (c.slug === "mingyue") {
        const topicIds = new Map([...frozenTopics].map(([number, t]) => [number, t.id]));
        writeExecution(tx, { communityId, userIds, topicIds, ratingWindowDays: pack.ratingWindowDays, thresholdPct: pack.satisfactionThresholdPct });
      }
      if (c.slug === "shiliu") writeRegister(tx, { communityId, userIds, now, actor: "vcommittee1" });
      if (c.slug === "shiliu") seedFourTwo(tx, { communityId, adminId, committeeId, partyId: userIds.get("vparty1")!, now });
    }
  });
  return true;
}

export function communityIdBySlug(db: Db, slug: string): number | undefined {
  return db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)).get()?.id;
}

/** The usual road to a state, so seeded topics show a believable history on their timeline. */
export const ROAD = [
  { action: "create", to: "open", by: "proposer" },
  { action: "reachThreshold", to: "screening", by: "system" },
  { action: "accept", to: "drafting", by: "committee" },
  { action: "startConsultation", to: "consulting", by: "committee" },
  { action: "freeze", to: "onAgenda", by: "committee" },
  { action: "pass", to: "publicity", by: "system" },
  { action: "endPublicity", to: "executing", by: "system" },
  { action: "reportCompletion", to: "verifying", by: "executor" },
  { action: "close", to: "closed", by: "system" },
] as const;

function seedHistory(state: string, createdAt: Date, enteredAt: Date, fixed: Partial<Record<string, Date>> = {}) {
  const last = ROAD.findIndex((step) => step.to === state);
  const steps = ROAD.slice(0, last + 1);
  // Known moments (creation, the present state, any pinned move); the other moves are spread evenly between them.
  const anchors = new Map<number, number>([[0, createdAt.getTime()]]);
  steps.forEach((step, i) => {
    const at = fixed[step.action];
    if (at) anchors.set(i, at.getTime());
  });
  anchors.set(steps.length - 1, enteredAt.getTime());
  const known = [...anchors.entries()].sort((a, b) => a[0] - b[0]);
  const timeOf = (i: number) => {
    const after = known.findIndex(([k]) => k >= i);
    const [k1, t1] = known[after];
    if (k1 === i || after === 0) return t1;
    const [k0, t0] = known[after - 1];
    return t0 + ((t1 - t0) * (i - k0)) / (k1 - k0);
  };
  return steps.map((step, i) => ({
    action: step.action,
    by: step.by,
    from: i === 0 ? null : steps[i - 1].to,
    to: step.to,
    at: new Date(timeOf(i)),
  }));
}

/** States a topic reaches only after its text was frozen (on the seeded road). */
const FROZEN_STATES: readonly TopicState[] = ["onAgenda", "publicity", "executing", "verifying", "closed"];

/**
 * 定稿 of a seeded topic: its draft (the proposal template filled in), the canonical text and its
 * SHA-256 as freezing would store them, and the `draft.frozen` entry.
 */
function seedFreeze(tx: Tx, { communityId, topicId, topic, committeeId, frozenAt }: { communityId: number; topicId: number; topic: DemoTopic; committeeId: number; frozenAt: Date }) {
  if (!topic.plan) throw new Error(`demo topic "${topic.title}" is past the freeze but has no plan`);
  const { state, text } = demoDraft(topic.description, topic.plan);
  const sha256 = sha256Hex(text);
  // 定稿 only after consultation (app/workflow/step-gates.ts): every seeded frozen topic had its 议事协商会, minuted.
  const heldAt = new Date(frozenAt.getTime() - 2 * DAY_MS);
  const place = "社区议事厅";
  const meeting = tx
    .insert(consultationMeetings)
    .values({ topicId, heldAt, place, participants: "议事会成员、居民代表、相关单位", opinions: "与会人员对草案提出修改意见,已吸收进方案。", minutes: `就「${topic.title}」的草案逐条协商,与会人员同意按修改后的方案提交表决。`, createdBy: committeeId, createdAt: heldAt })
    .returning({ id: consultationMeetings.id })
    .get();
  appendLedger(tx, { communityId, type: "consultation.meetingRecorded", actorId: committeeId, subject: `topic:${topicId}`, payload: { meeting: meeting.id, heldAt: heldAt.toISOString(), place }, at: heldAt });
  tx.insert(draftDocuments).values({ topicId, state: Buffer.from(state), updatedAt: frozenAt }).run();
  tx.insert(draftFreezes).values({ topicId, versionId: null, text, sha256, frozenBy: committeeId, frozenAt }).run();
  appendLedger(tx, { communityId, type: "draft.frozen", actorId: committeeId, subject: `topic:${topicId}`, payload: { sha256, bytes: Buffer.byteLength(text, "utf8"), versionId: null, to: "onAgenda" }, at: frozenAt });
  return { sha256, text };
}

/** The pass rule a demo motion is counted by: the rules' share, or its category's "at least" share when that is higher (as tabling decides). */
function passRuleFor(topic: DemoTopic, rulesPass: Ratio): Ratio {
  const entry = DEMO_CATALOGUE.find((e) => e.code === topic.category)!;
  if (!("passNum" in entry)) return rulesPass;
  return entry.passNum * rulesPass.den >= rulesPass.num * entry.passDen ? { num: entry.passNum, den: entry.passDen, inclusive: true } : rulesPass;
}
