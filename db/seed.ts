import { count, eq } from "drizzle-orm";
import { hashPassword } from "../app/auth/password.server";
import { appendLedger } from "../app/models/ledger.server";
import { grantMembership } from "../app/models/membership.server";
import { RULE_PACKS, settingsFromPack } from "../app/workflow/rule-packs";
import type { Db } from "./client.server";
import { DEMO_ACCOUNTS, DEMO_CATALOGUE, DEMO_COMMUNITIES, DEMO_PASSWORD, DEMO_STREET, DEMO_TOPICS } from "./demo-data";
import { catalogueEntries, communities, deadlines, rules, streetAdmins, streets, topicCosigns, topicEvents, topics, users } from "./schema";
import { ENTRY_STATE } from "../app/workflow/states";

const DAY = 24 * 60 * 60 * 1000;

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(streets).get()?.n ?? 0) === 0;
}

/** Seeds the demo street, communities, accounts, rules and topics into an empty database. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!isEmpty(db)) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const now = Date.now();
  db.transaction((tx) => {
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
    for (const c of DEMO_COMMUNITIES) {
      const communityId = tx
        .insert(communities)
        .values({ streetId, slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn, kind: c.kind })
        .returning({ id: communities.id })
        .get().id;
      appendLedger(tx, { communityId, type: "community.created", actorId: adminId, subject: `community:${c.slug}`, payload: { slug: c.slug, nameZh: c.nameZh, kind: c.kind } });
      const pack = RULE_PACKS[c.pack];
      tx.insert(rules).values({ communityId, ...settingsFromPack(pack) }).run();
      appendLedger(tx, { communityId, type: "rules.adopted", actorId: adminId, subject: `rules:${c.slug}`, payload: { pack: pack.id } });
      const categoryIds = new Map<string, number>();
      DEMO_CATALOGUE.forEach((entry, i) => {
        const id = tx
          .insert(catalogueEntries)
          .values({
            communityId,
            code: entry.code,
            nameZh: entry.nameZh,
            nameEn: entry.nameEn,
            needsVote: entry.needsVote,
            needsPublicity: entry.needsPublicity,
            passNum: "passNum" in entry ? entry.passNum : null,
            passDen: "passDen" in entry ? entry.passDen : null,
            sortOrder: i,
          })
          .returning({ id: catalogueEntries.id })
          .get().id;
        categoryIds.set(entry.code, id);
      });
      appendLedger(tx, { communityId, type: "catalogue.adopted", actorId: adminId, subject: `catalogue:${c.slug}`, payload: { codes: DEMO_CATALOGUE.map((e) => e.code) } });
      for (const account of DEMO_ACCOUNTS.filter((a) => a.community === c.slug)) {
        for (const role of account.roles) {
          grantMembership(tx, { communityId, userId: userIds.get(account.username)!, role, grantedBy: adminId, via: "seed" });
        }
      }
      DEMO_TOPICS[c.slug].forEach((topic, i) => {
        const stageEnteredAt = new Date(now - topic.daysInStage * DAY);
        const id = tx
          .insert(topics)
          .values({
            communityId,
            number: i + 1,
            title: topic.title,
            description: topic.description,
            location: topic.location,
            categoryId: categoryIds.get(topic.category),
            stage: topic.stage,
            status: topic.status ?? "active",
            state: topic.status ?? topic.state ?? ENTRY_STATE[topic.stage],
            cosignCount: topic.cosigners?.length ?? 0,
            proposerId: userIds.get(topic.proposer)!,
            createdAt: topic.stage === "collection" && !topic.state ? stageEnteredAt : new Date(stageEnteredAt.getTime() - 10 * DAY),
            stageEnteredAt,
          })
          .returning({ id: topics.id })
          .get().id;
        const state = topic.status ?? topic.state ?? ENTRY_STATE[topic.stage];
        const createdAt = state === "open" ? stageEnteredAt : new Date(stageEnteredAt.getTime() - 10 * DAY);
        const committeeId = userIds.get(c.slug === "mingyue" ? "committee1" : "vcommittee1")!;
        const moverIds = { system: null, committee: committeeId, executor: userIds.get(c.slug === "mingyue" ? "executor1" : "vcommittee1")! };
        for (const event of seedHistory(state, createdAt, stageEnteredAt)) {
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
          payload: { title: topic.title, stage: topic.stage, state, cosigners: topic.cosigners?.length ?? 0 },
        });
      });
    }
  });
  return true;
}

export function communityIdBySlug(db: Db, slug: string): number | undefined {
  return db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)).get()?.id;
}

/** The usual road to a state, so seeded topics show a believable history on their timeline. */
const ROAD = [
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

function seedHistory(state: string, createdAt: Date, enteredAt: Date) {
  const last = ROAD.findIndex((step) => step.to === state);
  const steps = ROAD.slice(0, last + 1);
  const span = enteredAt.getTime() - createdAt.getTime();
  return steps.map((step, i) => ({
    action: step.action,
    by: step.by,
    from: i === 0 ? null : steps[i - 1].to,
    to: step.to,
    // Spread the earlier moves over the time before the topic entered its present state.
    at: i === steps.length - 1 ? enteredAt : new Date(createdAt.getTime() + (span * i) / Math.max(1, steps.length - 1)),
  }));
}
