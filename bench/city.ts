// A city on one node (issue 16): communities on top of the page benchmark's street until there are
// BENCH_CITY_COMMUNITIES (2,800) of them, in streets of ~70, with topic counts spread like a Zipf
// law (a few busy communities, most quiet; the busiest has about as many topics as mingyue), until
// the database holds BENCH_CITY_TOPICS (520,000) topics. Every topic has the history its state needs
// (topic_events, co-signs as rows) and every step is a ledger entry chained by `hashEntry`, in time
// order per community, so `verifyLedger` holds for each of them. Busy communities are urban
// (residents' rule pack), quiet ones mostly villages. Each community has a committee member and
// residents enough for co-signs (and the mixed load's writers). No comments, drafts, meetings.
import type { Database } from "better-sqlite3";
import { canonicalJson, type JsonValue } from "../app/models/canonical-json";
import { GENESIS_HASH, hashEntry } from "../app/models/ledger.server";
import { RULE_PACKS, settingsFromPack } from "../app/workflow/rule-packs";
import { STATE_INFO, type TopicState } from "../app/workflow/states";
import { DEMO_CATALOGUE } from "../server/cli/demo/data";
import { ROAD } from "../server/cli/demo/seed";
import { DAY, GIVEN, SURNAMES, SYLLABLES, descriptionOf, rng, titleOf } from "./words";

export const CITY_COMMUNITIES = Number(process.env.BENCH_CITY_COMMUNITIES ?? 2800);
export const CITY_TOPICS = Number(process.env.BENCH_CITY_TOPICS ?? Math.round((520_000 * CITY_COMMUNITIES) / 2800));
const PER_STREET = 70;
const ZIPF = 0.7;

export interface LedgerInput {
  communityId: number;
  type: string;
  actorId: number | null;
  subject: string;
  payload: { [key: string]: JsonValue };
  at: number;
}

/** Appends to each community's chain as `appendLedger` does (same fields, same `hashEntry`), with the heads kept in memory. */
export function ledgerWriter(c: Database) {
  const insert = c.prepare("INSERT INTO ledger_entries (community_id, seq, type, actor_id, subject, payload, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const headOf = c.prepare("SELECT seq, hash FROM ledger_entries WHERE community_id = ? ORDER BY seq DESC LIMIT 1");
  const heads = new Map<number, { seq: number; hash: string }>();
  let written = 0;
  const append = (e: LedgerInput) => {
    const last = heads.get(e.communityId) ?? (headOf.get(e.communityId) as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
    const fields = { communityId: e.communityId, seq: last.seq + 1, type: e.type, actorId: e.actorId, subject: e.subject, payload: canonicalJson(e.payload), createdAt: new Date(e.at).toISOString(), prevHash: last.hash };
    const hash = hashEntry(fields);
    insert.run(fields.communityId, fields.seq, fields.type, fields.actorId, fields.subject, fields.payload, fields.createdAt, fields.prevHash, hash);
    heads.set(e.communityId, { seq: fields.seq, hash });
    written++;
  };
  return { append, written: () => written };
}

/** Adds communities with their rules (from the rule pack of their kind), catalogue, committee member and founding ledger entries. */
export function communityMaker(c: Database, { adminId }: { adminId: number }) {
  const insertCommunity = c.prepare("INSERT INTO communities (street_id, slug, name_zh, name_en, kind) VALUES (?, ?, ?, ?, ?)");
  const insertUser = c.prepare("INSERT INTO users (username, display_name, password_hash) VALUES (?, ?, '!')");
  const insertMembership = c.prepare("INSERT INTO memberships (community_id, user_id, role, granted_by) VALUES (?, ?, ?, ?)");
  const rulesColumns = Object.keys(settingsFromPack(RULE_PACKS["residents-representatives"]));
  const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
  const insertRules = c.prepare(`INSERT INTO rules (community_id, ${rulesColumns.map(snake).join(", ")}) VALUES (?, ${rulesColumns.map(() => "?").join(", ")})`);
  const insertEntry = c.prepare("INSERT INTO catalogue_entries (community_id, code, name_zh, name_en, needs_vote, needs_publicity, pass_num, pass_den, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  let people = 0;
  const person = (username: string) => Number(insertUser.run(username, `${SURNAMES[people % SURNAMES.length]}${GIVEN[people++ % GIVEN.length]}`).lastInsertRowid);
  return {
    /** The community, its committee member, and its founding entries (to append in time order with the rest). */
    add({ streetId, slug, nameZh, kind, at }: { streetId: number; slug: string; nameZh: string; kind: "urban" | "village"; at: number }) {
      const nameEn = `${slug[0].toUpperCase()}${slug.slice(1)} ${kind === "urban" ? "Community" : "Village"}`;
      const id = Number(insertCommunity.run(streetId, slug, nameZh, nameEn, kind).lastInsertRowid);
      const pack = RULE_PACKS[kind === "urban" ? "residents-representatives" : "villagers-representatives"];
      const settings = settingsFromPack(pack) as Record<string, unknown>;
      insertRules.run(id, ...rulesColumns.map((k) => (typeof settings[k] === "boolean" ? Number(settings[k]) : settings[k])));
      DEMO_CATALOGUE.forEach((e, order) => {
        const pass = "passNum" in e ? [e.passNum, e.passDen] : [null, null];
        insertEntry.run(id, e.code, e.nameZh, e.nameEn, Number(e.needsVote), Number(e.needsPublicity), ...pass, order);
      });
      const committee = person(`bench-${slug}-committee`);
      insertMembership.run(id, committee, "committee", adminId);
      const ledger: LedgerInput[] = [
        { at, communityId: id, type: "community.created", actorId: adminId, subject: `community:${slug}`, payload: { slug, nameZh, kind } },
        { at: at + 1000, communityId: id, type: "rules.adopted", actorId: adminId, subject: `rules:${slug}`, payload: { pack: pack.id } },
        { at: at + 2000, communityId: id, type: "catalogue.adopted", actorId: adminId, subject: `catalogue:${slug}`, payload: { codes: DEMO_CATALOGUE.map((e) => e.code) } },
        { at: at + 3000, communityId: id, type: "membership.granted", actorId: adminId, subject: `user:${committee}`, payload: { role: "committee", via: "bench" } },
      ];
      return { id, committee, ledger };
    },
    /** `n` residents of the community (no ledger entry: the demo seed records none for residents either). */
    residents(communityId: number, slug: string, n: number) {
      return Array.from({ length: n }, (_, k) => {
        const id = person(`bench-${slug}-r${k}`);
        insertMembership.run(communityId, id, "resident", adminId);
        return id;
      });
    },
  };
}

/** Where a city topic ends up (younger and quieter than mingyue's: most never reach the threshold). */
const CITY_STATES: Array<[TopicState, number]> = [
  ["open", 0.38], ["expired", 0.25], ["withdrawn", 0.03], ["screening", 0.03], ["rejected", 0.05], ["drafting", 0.03], ["consulting", 0.02],
  ["onAgenda", 0.01], ["failed", 0.01], ["publicity", 0.01], ["executing", 0.02], ["verifying", 0.01], ["closed", 0.15],
];
const EXIT: Partial<Record<TopicState, { after: TopicState; action: string; by: "proposer" | "system" | "committee"; reason: string }>> = {
  rejected: { after: "screening", action: "reject", by: "committee", reason: "不属于社区协商事项范围，已转交相关部门处理。" },
  expired: { after: "open", action: "expire", by: "system", reason: "" },
  withdrawn: { after: "open", action: "withdraw", by: "proposer", reason: "问题已自行解决。" },
  failed: { after: "onAgenda", action: "fail", by: "system", reason: "" },
};

/** Topic counts for `n` communities summing to `total`: rank k gets ∝ 1/(k+1)^0.7, at least 3. */
export function zipfCounts(n: number, total: number): number[] {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** ZIPF);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(3, Math.round((w / sum) * total)));
}

export interface CityResult {
  communities: number;
  topics: number;
  ledgerEntries: number;
  busiest: Array<{ slug: string; topics: number }>;
}

/** Adds the city to a database that holds the page benchmark's street (generateBenchData). */
export function generateCity(
  c: Database,
  { now, adminId, ledger, communities = CITY_COMMUNITIES, totalTopics = CITY_TOPICS }: { now: number; adminId: number; ledger: ReturnType<typeof ledgerWriter>; communities?: number; totalTopics?: number },
): CityResult {
  const r = rng(20261206);
  const existing = (c.prepare("SELECT count(*) AS n FROM communities").get() as { n: number }).n;
  const existingTopics = (c.prepare("SELECT count(*) AS n FROM topics").get() as { n: number }).n;
  const n = Math.max(0, communities - existing);
  const counts = zipfCounts(n, Math.max(0, totalTopics - existingTopics));
  const maker = communityMaker(c, { adminId });
  const insertStreet = c.prepare("INSERT INTO streets (slug, name_zh, name_en) VALUES (?, ?, ?)");
  const insertTopic = c.prepare(
    `INSERT INTO topics (community_id, number, title, description, location, category_id, stage, status, state, cosign_count, public_reason, source, proposer_id, created_at, stage_entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = c.prepare("INSERT INTO topic_events (topic_id, action, from_state, to_state, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insertDeadline = c.prepare("INSERT INTO deadlines (community_id, topic_id, kind, due_at) VALUES (?, ?, ?, ?)");
  const insertCosign = c.prepare("INSERT INTO topic_cosigns (topic_id, user_id, created_at) VALUES (?, ?, ?)");
  const categoriesOf = c.prepare("SELECT id FROM catalogue_entries WHERE community_id = ? ORDER BY sort_order").pluck();
  const rulesOf = c.prepare("SELECT cosign_window_days AS cosign, screening_days AS screening, cosign_threshold AS threshold FROM rules WHERE community_id = ?");
  const cumulative = CITY_STATES.map((_, i) => CITY_STATES.slice(0, i + 1).reduce((a, [, share]) => a + share, 0));
  const stateAt = (x: number) => CITY_STATES[cumulative.findIndex((edge) => x < edge)]?.[0] ?? "closed";

  let streetId = 0;
  let topics = 0;
  /** One community: its people, its topics with their history, then its chain in time order. */
  function writeCommunity(k: number) {
    if (k % PER_STREET === 0) {
      const s = k / PER_STREET;
      streetId = Number(insertStreet.run(`city-street-${s}`, `${SYLLABLES[s % SYLLABLES.length]}${SYLLABLES[(s * 7 + 3) % SYLLABLES.length]}街道`, `City street ${s}`).lastInsertRowid);
    }
    const count = counts[k];
    // The busiest third are urban; the rest villages, a few urban among them.
    const kind = k < n / 3 || r.random() < 0.15 ? "urban" : "village";
    const slug = `city-${String(k).padStart(4, "0")}`;
    const nameZh = `${SYLLABLES[k % SYLLABLES.length]}${SYLLABLES[Math.floor(k / SYLLABLES.length) % SYLLABLES.length]}${kind === "urban" ? "社区" : "村"}`;
    const founded = now - r.int(400, 900) * DAY;
    const { id, committee, ledger: entries } = maker.add({ streetId, slug, nameZh, kind, at: founded });
    const people = maker.residents(id, slug, Math.min(400, Math.max(16, 12 + Math.round(count / 8))));
    const categories = categoriesOf.all(id) as number[];
    const days = rulesOf.get(id) as { cosign: number; screening: number; threshold: number };
    const cosigns: Array<{ at: number; topicId: number; userId: number }> = [];
    for (let i = 0; i < count; i++) {
      const state = stateAt(r.random());
      const exit = EXIT[state];
      const roadEnd = exit ? exit.after : state;
      const roadIndex = ROAD.findIndex((s) => s.to === roadEnd);
      const source = roadIndex >= 1 && r.random() < 0.15 ? "committee" : "resident";
      const road = ROAD.slice(0, roadIndex + 1);
      const steps = source === "committee" ? [{ ...road[0], to: "screening" as TopicState, by: "committee" as const }, ...road.slice(2)] : road;
      const enteredAt = state === "open" ? now - r.int(0, days.cosign - 1) * DAY - r.int(0, 20) * 3_600_000 : state === "screening" ? now - r.int(0, days.screening - 1) * DAY : now - r.int(1, 380) * DAY;
      const createdAt = state === "open" ? enteredAt : enteredAt - (steps.length + (exit ? 1 : 0)) * r.int(3, 9) * DAY;
      const proposer = source === "committee" ? committee : r.pick(people);
      const title = titleOf(r);
      const info = STATE_INFO[state];
      const stage = info.stage ?? STATE_INFO[roadEnd].stage ?? "supervision";
      const wanted = source === "committee" ? 0 : roadIndex === 0 ? r.int(0, 5) : days.threshold + r.int(0, 2);
      const start = r.int(0, people.length - 1);
      const cosigners: number[] = [];
      for (let j = 0; cosigners.length < wanted && j < people.length; j++) if (people[(start + j) % people.length] !== proposer) cosigners.push(people[(start + j) % people.length]);
      const reason = exit?.reason ?? "";
      const number = i + 1;
      const topicId = Number(insertTopic.run(id, number, title, descriptionOf(r, title), r.pick(["东门", "北区", "3号楼", "村委会旁", "文化广场"]), r.pick(categories), stage, info.status, state, cosigners.length, reason, source, proposer, createdAt, enteredAt).lastInsertRowid);
      const moves = [...steps.map((s, j) => ({ action: s.action as string, from: j === 0 ? null : steps[j - 1].to, to: s.to as TopicState, by: s.by as string, reason: "" })), ...(exit ? [{ action: exit.action, from: exit.after, to: state, by: exit.by as string, reason }] : [])];
      moves.forEach((m, j) => {
        const at = moves.length === 1 ? createdAt : createdAt + Math.round(((enteredAt - createdAt) * j) / (moves.length - 1));
        const actorId = m.by === "proposer" ? proposer : m.by === "committee" || m.by === "executor" ? committee : null;
        insertEvent.run(topicId, m.action, m.from, m.to, actorId, m.reason, at);
        const subject = `topic:${topicId}`;
        entries.push(
          m.action === "create"
            ? { at, communityId: id, type: "topic.created", actorId, subject, payload: { number, title, source, state: source === "committee" ? "screening" : "open" } }
            : { at, communityId: id, type: `topic.${m.action}`, actorId, subject, payload: { from: m.from!, to: m.to, ...(m.reason ? { reason: m.reason } : {}) } },
        );
      });
      if (state === "open") insertDeadline.run(id, topicId, "cosignWindow", enteredAt + days.cosign * DAY);
      if (state === "screening") insertDeadline.run(id, topicId, "screening", enteredAt + days.screening * DAY);
      const collectEnd = moves.length > 1 ? createdAt + Math.round((enteredAt - createdAt) / (moves.length - 1)) : Math.max(createdAt + 1, now - 60_000);
      cosigners.forEach((userId, j) => {
        const at = createdAt + Math.round(((collectEnd - createdAt) * (j + 1)) / (cosigners.length + 1));
        cosigns.push({ at, topicId, userId });
        entries.push({ at, communityId: id, type: "topic.cosigned", actorId: userId, subject: `topic:${topicId}`, payload: {} });
      });
    }
    topics += count;
    for (const e of cosigns) insertCosign.run(e.topicId, e.userId, e.at);
    entries.sort((a, b) => a.at - b.at);
    for (const e of entries) ledger.append(e);
  }

  // Large transactions: ~20,000 topics each.
  for (let k = 0; k < n; ) {
    c.transaction(() => {
      for (let budget = 20_000; k < n && budget > 0; k++) {
        budget -= counts[k];
        writeCommunity(k);
      }
    })();
    if (process.env.BENCH_PROGRESS) process.stderr.write(`  city: ${k}/${n} communities, ${topics} topics, ${ledger.written()} ledger entries\n`);
  }
  return {
    communities: n,
    topics,
    ledgerEntries: ledger.written(),
    busiest: counts.slice(0, 3).map((t, k) => ({ slug: `city-${String(k).padStart(4, "0")}`, topics: t })),
  };
}
