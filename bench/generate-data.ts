// Realistic data for the page benchmarks (bench/pages.ts): on top of the demo data, 28 more
// communities of the demo street (rules from the rule packs, the demo catalogue), 10,000 topics in
// mingyue spread over every state with a believable history, co-signs and comments as real rows, and
// 200,000 ledger entries in all, each appended with `appendLedger` in chronological order so every
// chain verifies. The busiest topic (BENCH_BUSY_TITLE) has 300 comments and 200 co-signs.
// Rows are written in a few large transactions with prepared better-sqlite3 statements.
// Not generated (the benchmarked pages do not need them): drafts and frozen texts of topics past the
// freeze, meetings, motions and ballots, execution tasks, notifications. Live deadlines (co-sign
// windows, screening) are all in the future, so the scheduler changes nothing when a server starts.
//   npx tsx bench/generate-data.ts <file>   (migrates and demo-seeds the file first when it is empty)
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { appendLedger, type AppendInput } from "../app/models/ledger.server";
import { RULE_PACKS, settingsFromPack, type RulePack } from "../app/workflow/rule-packs";
import { STATE_INFO, type TopicState } from "../app/workflow/states";
import { inTransaction, type Db } from "../db/client.server";
import { DEMO_CATALOGUE } from "../server/cli/demo/data";
import { ROAD } from "../server/cli/demo/seed";

export const LEDGER_TOTAL = Number(process.env.BENCH_LEDGER_TOTAL ?? 200_000);
export const BIG_TOPICS = 10_000;
export const BUSY_COMMENTS = 300;
export const BUSY_COSIGNS = 200;
export const BUSY_TITLE = "关于明月社区老旧小区加装电梯及停车位统筹改造的建议";

const DAY = 24 * 60 * 60 * 1000;
const RESIDENTS = 600;
const OTHER_TOPICS = 80;

/** 28 more communities of the street: [slug, name, kind]. */
const MORE_COMMUNITIES: Array<[string, string, "urban" | "village"]> = [
  ["guihua", "桂花社区", "urban"], ["qingshan", "青山社区", "urban"], ["lianhua", "莲花社区", "urban"], ["binjiang", "滨江社区", "urban"],
  ["xinghe", "星河社区", "urban"], ["taoyuan", "桃园社区", "urban"], ["yangliu", "杨柳社区", "urban"], ["jinxiu", "锦绣社区", "urban"],
  ["wenchang", "文昌社区", "urban"], ["chaoyang", "朝阳社区", "urban"], ["hexie", "和谐社区", "urban"], ["xinmin", "新民社区", "urban"],
  ["dongfeng", "东风社区", "urban"], ["nanhu", "南湖社区", "urban"], ["beiyuan", "北苑社区", "urban"], ["xiyuan", "西园社区", "urban"],
  ["zhuxi", "竹溪村", "village"], ["daqiao", "大桥村", "village"], ["shanggang", "上岗村", "village"], ["xiatang", "下塘村", "village"],
  ["meilin", "梅林村", "village"], ["songbai", "松柏村", "village"], ["hetian", "荷田村", "village"], ["baisha", "白沙村", "village"],
  ["longtan", "龙潭村", "village"], ["fengshou", "丰收村", "village"], ["shuikou", "水口村", "village"], ["lishan", "栗山村", "village"],
];

// Titles: a place, a matter and a wish, e.g. "3号楼单元门禁损坏，建议尽快维修".
const PLACES = ["3号楼", "5号楼东侧", "小区北门", "南门岗亭", "中心花园", "地下车库", "老年活动室", "幼儿园门口", "菜市场旁", "2栋单元", "社区卫生站", "篮球场", "垃圾分类站", "快递柜旁", "沿河步道", "健身广场", "7号楼楼顶", "自行车棚", "东侧围墙", "社区食堂"];
const MATTERS = ["单元门禁损坏", "路灯不亮", "雨天积水严重", "电动车乱停放", "楼道堆放杂物", "下水道堵塞", "噪音扰民", "绿化带缺乏修剪", "健身器材老化", "无障碍坡道缺失", "外墙瓷砖脱落", "监控盲区", "充电桩不足", "垃圾清运不及时", "消防通道被占", "电梯频繁故障", "宠物粪便无人清理", "车位紧张", "屋顶漏水", "休息座椅不足"];
const WISHES = ["建议尽快维修", "建议增设设施", "请物业统一整治", "建议纳入年度计划", "希望社区协调解决", "建议公开征求意见", "建议划定专门区域", "请求更换", "建议加强巡查", "建议居民议事会讨论"];
const COMMENTS = ["支持，这个问题困扰我们很久了。", "同意，建议尽快落实。", "晚上经过这里确实很不方便。", "希望能公开费用明细。", "我家老人每天都要经过，强烈支持。", "建议先做个调查，听听各楼栋的意见。", "物业之前答应过，一直没有下文。", "可以考虑分期实施。", "这个方案比上次的好。", "能否同时解决一下照明问题？", "赞成，愿意参加志愿服务。", "请注意施工期间的安全。"];

/** Where a topic ends up, with its share of the 10,000 (the rest are spread evenly). */
const STATE_SHARES: Array<[TopicState, number]> = [
  ["open", 0.14], ["screening", 0.05], ["drafting", 0.05], ["consulting", 0.04], ["onAgenda", 0.02], ["publicity", 0.02],
  ["executing", 0.08], ["verifying", 0.04], ["closed", 0.32], ["rejected", 0.07], ["expired", 0.12], ["withdrawn", 0.03],
  ["merged", 0.01], ["failed", 0.01],
];

const TERMINAL_EXIT: Partial<Record<TopicState, { after: TopicState; action: string; by: "proposer" | "system" | "committee"; reason: string }>> = {
  rejected: { after: "screening", action: "reject", by: "committee", reason: "不属于社区协商事项范围，已转交相关部门处理。" },
  expired: { after: "open", action: "expire", by: "system", reason: "" },
  withdrawn: { after: "open", action: "withdraw", by: "proposer", reason: "问题已自行解决。" },
  merged: { after: "screening", action: "merge", by: "committee", reason: "与同类议题合并办理。" },
  failed: { after: "onAgenda", action: "fail", by: "system", reason: "" },
};

/** A small seeded generator, so the data is the same every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Event {
  at: number;
  communityId: number;
  kind: "ledger" | "cosign" | "comment";
  ledger: Omit<AppendInput, "at" | "communityId">;
  topicId?: number;
  userId?: number;
  body?: string;
}

export interface GeneratedData {
  communities: number;
  topicsInMingyue: number;
  busyTopicId: number;
  residentIds: number[];
  ledgerEntries: number;
  ms: Record<string, number>;
}

/** Adds the benchmark data to a migrated, demo-seeded database. */
export function generateBenchData(db: Db, { now = Date.now() }: { now?: number } = {}): GeneratedData {
  const c = db.$client;
  const started = performance.now();
  const ms: Record<string, number> = {};
  const lap = (name: string, since: number) => (ms[name] = Math.round(performance.now() - since));
  const random = rng(20260701);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const idOf = (sql: string, ...args: unknown[]) => (c.prepare(sql).get(...args) as { id: number } | undefined)?.id;

  const streetId = idOf("SELECT id FROM streets WHERE slug = 'huacheng'");
  const mingyue = idOf("SELECT id FROM communities WHERE slug = 'mingyue'");
  if (streetId === undefined || mingyue === undefined) throw new Error("generateBenchData needs the demo data (run the demo seed first)");
  if (idOf("SELECT id FROM communities WHERE slug = ?", MORE_COMMUNITIES[0][0]) !== undefined) throw new Error("the benchmark data is already there");
  const adminId = idOf("SELECT id FROM users WHERE username = 'street1'")!;
  const committeeId = idOf("SELECT id FROM users WHERE username = 'committee1'")!;
  const executorId = idOf("SELECT id FROM users WHERE username = 'executor1'")!;

  // --- People and communities --------------------------------------------------------------------
  let t0 = performance.now();
  const insertUser = c.prepare("INSERT INTO users (username, display_name, password_hash) VALUES (?, ?, '!')");
  const insertMembership = c.prepare("INSERT INTO memberships (community_id, user_id, role, granted_by) VALUES (?, ?, ?, ?)");
  const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  const given = ["建国", "秀英", "桂兰", "志强", "丽华", "海燕", "伟", "敏", "静", "磊", "晓明", "玉兰", "国庆", "春梅", "子涵", "欣怡"];
  const events: Event[] = [];
  const communityIds: number[] = [];
  const residentIds = c.transaction(() => {
    const ids = Array.from({ length: RESIDENTS }, (_, i) => {
      const id = Number(insertUser.run(`benchres${String(i).padStart(4, "0")}`, `${surnames[i % surnames.length]}${given[i % given.length]}`).lastInsertRowid);
      insertMembership.run(mingyue, id, "resident", adminId);
      return id;
    });
    const insertCommunity = c.prepare("INSERT INTO communities (street_id, slug, name_zh, name_en, kind) VALUES (?, ?, ?, ?, ?)");
    const rulesColumns = Object.keys(settingsFromPack(RULE_PACKS["residents-representatives"]));
    const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    const insertRules = c.prepare(`INSERT INTO rules (community_id, ${rulesColumns.map(snake).join(", ")}) VALUES (?, ${rulesColumns.map(() => "?").join(", ")})`);
    const insertEntry = c.prepare("INSERT INTO catalogue_entries (community_id, code, name_zh, name_en, needs_vote, needs_publicity, pass_num, pass_den, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    MORE_COMMUNITIES.forEach(([slug, nameZh, kind], i) => {
      const nameEn = `${slug[0].toUpperCase()}${slug.slice(1)} ${kind === "urban" ? "Community" : "Village"}`;
      const id = Number(insertCommunity.run(streetId, slug, nameZh, nameEn, kind).lastInsertRowid);
      communityIds.push(id);
      const pack: RulePack = RULE_PACKS[kind === "urban" ? "residents-representatives" : "villagers-representatives"];
      const settings = settingsFromPack(pack) as Record<string, unknown>;
      insertRules.run(id, ...rulesColumns.map((k) => (typeof settings[k] === "boolean" ? Number(settings[k]) : settings[k])));
      DEMO_CATALOGUE.forEach((e, order) => {
        const pass = "passNum" in e ? [e.passNum, e.passDen] : [null, null];
        insertEntry.run(id, e.code, e.nameZh, e.nameEn, Number(e.needsVote), Number(e.needsPublicity), ...pass, order);
      });
      // A committee member and a few residents of its own.
      const committee = Number(insertUser.run(`bench-${slug}-committee`, `${nameZh}居委${surnames[i % surnames.length]}主任`).lastInsertRowid);
      insertMembership.run(id, committee, "committee", adminId);
      const at = now - (400 - i) * DAY;
      events.push(
        { at, communityId: id, kind: "ledger", ledger: { type: "community.created", actorId: adminId, subject: `community:${slug}`, payload: { slug, nameZh, kind } } },
        { at: at + 1000, communityId: id, kind: "ledger", ledger: { type: "rules.adopted", actorId: adminId, subject: `rules:${slug}`, payload: { pack: pack.id } } },
        { at: at + 2000, communityId: id, kind: "ledger", ledger: { type: "catalogue.adopted", actorId: adminId, subject: `catalogue:${slug}`, payload: { codes: DEMO_CATALOGUE.map((e) => e.code) } } },
        { at: at + 3000, communityId: id, kind: "ledger", ledger: { type: "membership.granted", actorId: adminId, subject: `user:${committee}`, payload: { role: "committee", via: "bench" } } },
      );
    });
    return ids;
  })();
  lap("people_and_communities", t0);

  // --- Topics -------------------------------------------------------------------------------------
  t0 = performance.now();
  const insertTopic = c.prepare(
    `INSERT INTO topics (community_id, number, title, description, location, category_id, stage, status, state, cosign_count, merged_into_id, public_reason, source, proposer_id, created_at, stage_entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = c.prepare("INSERT INTO topic_events (topic_id, action, from_state, to_state, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insertDeadline = c.prepare("INSERT INTO deadlines (community_id, topic_id, kind, due_at) VALUES (?, ?, ?, ?)");
  const categoriesOf = (communityId: number) => c.prepare("SELECT id FROM catalogue_entries WHERE community_id = ? ORDER BY sort_order").pluck().all(communityId) as number[];
  const rulesOf = (communityId: number) => c.prepare("SELECT cosign_window_days AS cosign, screening_days AS screening FROM rules WHERE community_id = ?").get(communityId) as { cosign: number; screening: number };

  let busyTopicId = 0;
  /** `n` distinct people of `people`, never the proposer. */
  const pickCosigners = (n: number, people: number[], proposer: number) => {
    const start = int(0, people.length - 1);
    const chosen: number[] = [];
    for (let k = 0; chosen.length < n && k < people.length; k++) {
      const id = people[(start + k) % people.length];
      if (id !== proposer) chosen.push(id);
    }
    return chosen;
  };
  /** Writes `count` topics of one community with their history; queues their ledger entries, co-signs and comments. */
  function writeTopics(communityId: number, count: number, proposers: number[], mover: { committee: number; executor: number }, busyAt: number | null) {
    const categories = categoriesOf(communityId);
    const days = rulesOf(communityId);
    const firstNumber = (c.prepare("SELECT coalesce(max(number), 0) AS n FROM topics WHERE community_id = ?").get(communityId) as { n: number }).n + 1;
    const states: TopicState[] = [];
    for (const [state, share] of STATE_SHARES) for (let i = 0; i < Math.round(share * count); i++) states.push(state);
    while (states.length < count) states.push("closed");
    states.length = count;
    // Shuffle so numbers (ages) and states mix.
    for (let i = states.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [states[i], states[j]] = [states[j], states[i]];
    }
    let lastMergeTarget: number | null = null;
    states.forEach((finalState, i) => {
      const busy = busyAt === i;
      const state: TopicState = busy ? "drafting" : finalState;
      const exit = TERMINAL_EXIT[state];
      const roadEnd = exit ? exit.after : state;
      const roadIndex = ROAD.findIndex((s) => s.to === roadEnd);
      // The committee files some topics itself: they start in screening and need no co-signs.
      const source = !busy && roadIndex >= 1 && random() < 0.12 ? "committee" : "resident";
      const road = ROAD.slice(0, roadIndex + 1);
      const steps = source === "committee" ? [{ ...road[0], to: "screening" as TopicState, by: "committee" as const }, ...road.slice(2)] : road;
      // Young topics are still collecting or screening; old ones are done. Keep live deadlines in the future.
      const enteredAt = state === "open" ? now - int(0, days.cosign - 1) * DAY - int(0, 20) * 3_600_000 : state === "screening" ? now - int(0, days.screening - 1) * DAY : now - int(1, 330) * DAY;
      const span = (steps.length + (exit ? 1 : 0)) * int(3, 9) * DAY;
      const createdAt = state === "open" ? enteredAt : enteredAt - span;
      const proposer = source === "committee" ? mover.committee : pick(proposers);
      const title = busy ? BUSY_TITLE : `${pick(PLACES)}${pick(MATTERS)}，${pick(WISHES)}`;
      const description = `${title}。${pick(COMMENTS)}具体情况：${pick(PLACES)}附近${pick(MATTERS)}已持续一段时间，影响居民日常生活。`;
      const info = STATE_INFO[state];
      const stage = info.stage ?? STATE_INFO[roadEnd].stage ?? "supervision"; // closed topics keep the last stage
      const cosigners = pickCosigners(busy ? BUSY_COSIGNS : source === "committee" ? 0 : state === "open" || (exit && exit.after === "open") ? int(0, 9) : int(10, 16), proposers, proposer);
      const cosigns = cosigners.length;
      const reason = exit?.reason ?? "";
      const mergedInto = state === "merged" ? lastMergeTarget : null;
      const id = Number(
        insertTopic.run(communityId, firstNumber + i, title, description, pick(PLACES), pick(categories), stage, info.status, state, cosigns, mergedInto, reason, source, proposer, createdAt, enteredAt).lastInsertRowid,
      );
      if (state === "screening" || state === "drafting") lastMergeTarget = id;
      if (busy) busyTopicId = id;
      // The history: the road, then the terminal move; times spread evenly from creation to now-state.
      const moves = [...steps.map((s, k) => ({ action: s.action, from: k === 0 ? null : steps[k - 1].to, to: s.to, by: s.by, reason: "" })), ...(exit ? [{ action: exit.action, from: exit.after, to: state, by: exit.by, reason }] : [])];
      moves.forEach((m, k) => {
        const at = moves.length === 1 ? createdAt : createdAt + Math.round(((enteredAt - createdAt) * k) / (moves.length - 1));
        const actorId = m.by === "proposer" ? proposer : m.by === "committee" ? mover.committee : m.by === "executor" ? mover.executor : null;
        insertEvent.run(id, m.action, m.from, m.to, actorId, m.reason, at);
        const ledger: Event["ledger"] =
          m.action === "create"
            ? { type: "topic.created", actorId, subject: `topic:${id}`, payload: { number: firstNumber + i, title, source, state: source === "committee" ? "screening" : "open" } }
            : { type: `topic.${m.action}`, actorId, subject: `topic:${id}`, payload: { from: m.from!, to: m.to, ...(m.reason ? { reason: m.reason } : {}), ...(mergedInto && m.action === "merge" ? { mergedInto } : {}) } };
        events.push({ at, communityId, kind: "ledger", ledger });
      });
      if (state === "open") insertDeadline.run(communityId, id, "cosignWindow", enteredAt + days.cosign * DAY);
      if (state === "screening") insertDeadline.run(communityId, id, "screening", enteredAt + days.screening * DAY);
      // Co-signs while it was collecting, from distinct residents.
      const collectEnd = moves.length > 1 ? createdAt + Math.round((enteredAt - createdAt) / (moves.length - 1)) : Math.max(createdAt + 1, now - 60_000);
      for (const [k, userId] of cosigners.entries()) {
        const at = createdAt + Math.round(((collectEnd - createdAt) * (k + 1)) / (cosigns + 1));
        events.push({ at, communityId, kind: "cosign", topicId: id, userId, ledger: { type: "topic.cosigned", actorId: userId, subject: `topic:${id}`, payload: {} } });
      }
      if (busy) {
        for (let k = 0; k < BUSY_COMMENTS; k++) {
          const userId = proposers[(k * 7) % proposers.length];
          const at = createdAt + Math.round(((now - 60_000 - createdAt) * (k + 1)) / (BUSY_COMMENTS + 1));
          events.push({ at, communityId, kind: "comment", topicId: id, userId, body: `${pick(COMMENTS)}${k % 5 === 0 ? pick(COMMENTS) : ""}`, ledger: { type: "topic.commented", actorId: userId, subject: `topic:${id}`, payload: {} } });
        }
      }
    });
  }

  c.transaction(() => {
    writeTopics(mingyue, BIG_TOPICS, residentIds, { committee: committeeId, executor: executorId }, Math.floor(BIG_TOPICS / 2));
    communityIds.forEach((id, i) => {
      const committee = idOf("SELECT user_id AS id FROM memberships WHERE community_id = ? AND role = 'committee'", id)!;
      // Their residents are a slice of the bench residents (a person may live in several places in the data; it does not matter here).
      const people = residentIds.slice((i * 20) % RESIDENTS, ((i * 20) % RESIDENTS) + 40);
      writeTopics(id, OTHER_TOPICS, people, { committee, executor: committee }, null);
    });
  })();
  lap("topics", t0);

  // --- Fill up to the ledger total with comments (real rows, spread over mingyue's other topics) ----
  const existing = (c.prepare("SELECT count(*) AS n FROM ledger_entries").get() as { n: number }).n;
  const fill = LEDGER_TOTAL - existing - events.length;
  if (fill > 0) {
    const candidates = c.prepare("SELECT id, created_at AS createdAt FROM topics WHERE community_id = ? AND id <> ? AND state NOT IN ('expired', 'withdrawn')").all(mingyue, busyTopicId) as { id: number; createdAt: number }[];
    for (let k = 0; k < fill; k++) {
      const topic = pick(candidates);
      const userId = pick(residentIds);
      const at = topic.createdAt + Math.floor(random() * Math.max(1, now - 60_000 - topic.createdAt));
      events.push({ at, communityId: mingyue, kind: "comment", topicId: topic.id, userId, body: pick(COMMENTS), ledger: { type: "topic.commented", actorId: userId, subject: `topic:${topic.id}`, payload: {} } });
    }
  }

  // --- The ledger, in time order, with the rows it records ----------------------------------------
  t0 = performance.now();
  events.sort((a, b) => a.at - b.at);
  const insertCosign = c.prepare("INSERT INTO topic_cosigns (topic_id, user_id, created_at) VALUES (?, ?, ?)");
  const insertComment = c.prepare("INSERT INTO topic_comments (topic_id, author_id, body, created_at) VALUES (?, ?, ?, ?)");
  const CHUNK = 25_000;
  for (let from = 0; from < events.length; from += CHUNK) {
    inTransaction(db, (tx) => {
      for (const e of events.slice(from, from + CHUNK)) {
        let payload = e.ledger.payload;
        if (e.kind === "cosign") insertCosign.run(e.topicId, e.userId, e.at);
        if (e.kind === "comment") payload = { commentId: Number(insertComment.run(e.topicId, e.userId, e.body, e.at).lastInsertRowid) };
        appendLedger(tx, { ...e.ledger, payload, communityId: e.communityId, at: new Date(e.at) });
      }
    });
  }
  lap("ledger", t0);
  t0 = performance.now();
  c.exec("ANALYZE");
  lap("analyze", t0);
  ms.total = Math.round(performance.now() - started);
  return {
    communities: (c.prepare("SELECT count(*) AS n FROM communities").get() as { n: number }).n,
    topicsInMingyue: (c.prepare("SELECT count(*) AS n FROM topics WHERE community_id = ?").get(mingyue) as { n: number }).n,
    busyTopicId,
    residentIds,
    ledgerEntries: (c.prepare("SELECT count(*) AS n FROM ledger_entries").get() as { n: number }).n,
    ms,
  };
}

/**
 * The data a benchmark runs on, in the database DATABASE_PATH names (set before calling): a copy of
 * the file BENCH_DATA names when given (made by this script's CLI; migrated to today's schema), else
 * generated here (~30 s).
 */
export async function prepareBenchData(dbFile: string) {
  const { getDb } = await import("../db/client.server");
  const { runMigrations } = await import("../server/migrate");
  const { seedDemo } = await import("../server/cli/demo/seed");
  const source = process.env.BENCH_DATA;
  if (source) {
    if (!fs.existsSync(source)) throw new Error(`BENCH_DATA ${source} does not exist (make it with: npx tsx bench/generate-data.ts ${source})`);
    fs.copyFileSync(source, dbFile); // before the first getDb(), which opens the file
    runMigrations(getDb()); // a file generated before a newer migration
    return { source, generate_ms: null };
  }
  const db = getDb();
  const started = performance.now();
  runMigrations(db);
  await seedDemo(db);
  const generated = generateBenchData(db);
  return { source: "generated in this run", generate_ms: Math.round(performance.now() - started), ...generated.ms };
}

// CLI: npx tsx bench/generate-data.ts <file>
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npx tsx bench/generate-data.ts <file.db>\n");
    process.exit(2);
  }
  process.env.DATABASE_PATH = file;
  process.env.LOG_LEVEL ??= "silent";
  const { getDb, closeDb } = await import("../db/client.server");
  const { runMigrations } = await import("../server/migrate");
  const { seedDemo } = await import("../server/cli/demo/seed");
  const db = getDb();
  const t0 = performance.now();
  runMigrations(db);
  await seedDemo(db);
  const seeded = Math.round(performance.now() - t0);
  const result = generateBenchData(db);
  closeDb();
  process.stdout.write(
    `generated into ${file}: ${result.communities} communities, ${result.topicsInMingyue} topics in mingyue, ${result.ledgerEntries} ledger entries; busy topic id ${result.busyTopicId}\n` +
      `  took ${result.ms.total} ms (${Object.entries(result.ms).filter(([k]) => k !== "total").map(([k, v]) => `${k} ${v} ms`).join(", ")}); migrate + demo seed ${seeded} ms\n`,
  );
}
