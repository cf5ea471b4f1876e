// The topic records checked against the ledger: state and stage, co-signs, frozen texts, ratings.
import type { Db } from "../../db/client.server";
import { STATE_INFO, isTopicState, type TopicState } from "../workflow/states";
import { TOPIC_ACTIONS } from "../workflow/transitions";
import { compareByKey, entriesOf, idOf, latestBySubject, sha256Hex, timeOf, type Note } from "./ledger-records-entries.server";

export function topicRecordProblems(db: Db, communityId: number, note: Note) {
  topicProblems(db, communityId, note);
  frozenTextProblems(db, communityId, note);
  ratingProblems(db, communityId, note);
}

const MOVES = new Set<string>(TOPIC_ACTIONS.map((a) => `topic.${a}`));
const TOPIC_TYPES = ["topic.created", "topic.seeded", "topic.cosigned", "topic.cosignWithdrawn", ...MOVES];

/** A topic as its entries tell it, replayed in order. `cosigners` null: only the count is known (older seeds). */
interface Told {
  seq: number;
  state: TopicState;
  stage: string;
  proposer: number | null;
  cosigners: Map<number, number> | null;
  count: number | null;
  cosignSeq: number;
}

/**
 * A topic's state, stage and status are those of its latest move; its co-signers are those who
 * co-signed, less those who withdrew, plus those a merge carried over (the merged topic's proposer
 * and co-signers, as mergeInto does), and its co-sign count is their number.
 */
function topicProblems(db: Db, communityId: number, note: Note) {
  const told = new Map<number, Told>();
  for (const e of entriesOf(db, communityId, TOPIC_TYPES)) {
    const id = idOf(e.subject);
    const p = JSON.parse(e.payload) as { state?: string; stage?: string; to?: string; cosigners?: number; cosignerIds?: number[]; mergedInto?: number };
    const t = told.get(id);
    if (e.type === "topic.created" || e.type === "topic.seeded") {
      const ids = e.type === "topic.created" ? [] : p.cosignerIds;
      told.set(id, {
        seq: e.seq,
        state: (isTopicState(p.state) ? p.state : "open") as TopicState,
        stage: p.stage ?? "collection",
        proposer: e.actorId,
        cosigners: ids ? new Map(ids.map((u) => [u, e.seq])) : null,
        count: ids ? ids.length : (p.cosigners ?? null),
        cosignSeq: e.seq,
      });
    } else if (!t) {
      continue;
    } else if (e.type === "topic.cosigned" || e.type === "topic.cosignWithdrawn") {
      const adds = e.type === "topic.cosigned";
      if (t.cosigners && e.actorId !== null) {
        if (adds) t.cosigners.set(e.actorId, e.seq);
        else t.cosigners.delete(e.actorId);
      } else if (t.count !== null) t.count += adds ? 1 : -1;
      t.cosignSeq = e.seq;
    } else if (isTopicState(p.to)) {
      t.seq = e.seq;
      t.state = p.to;
      t.stage = STATE_INFO[p.to].stage ?? t.stage;
      const target = p.mergedInto !== undefined ? told.get(p.mergedInto) : undefined;
      if (target) carry(t, target, e.seq);
    }
  }
  for (const t of told.values()) if (t.cosigners) t.count = t.cosigners.size;

  const rows = db.$client.prepare("SELECT id, state, stage, status, cosign_count AS cosignCount FROM topics WHERE community_id = ?").all(communityId) as { id: number; state: string; stage: string; status: string; cosignCount: number }[];
  const cosigns = new Map<number, number[]>();
  const cosignRows = db.$client.prepare("SELECT c.topic_id AS topicId, c.user_id AS userId FROM topic_cosigns c JOIN topics t ON t.id = c.topic_id WHERE t.community_id = ?").all(communityId) as { topicId: number; userId: number }[];
  for (const c of cosignRows) cosigns.set(c.topicId, [...(cosigns.get(c.topicId) ?? []), c.userId]);

  for (const r of rows) {
    const record = `topic:${r.id}`;
    const t = told.get(r.id);
    told.delete(r.id);
    if (!t) {
      note({ check: "topicState", why: "unrecorded", seq: null, record });
      continue;
    }
    if (r.state !== t.state || r.stage !== t.stage || r.status !== STATE_INFO[t.state].status) note({ check: "topicState", why: "differs", seq: t.seq, record });
    // The set first (a wrong count follows from a wrong set, and the set names the person), then the count kept on the topic.
    const users = cosigns.get(r.id) ?? [];
    const extra = t.cosigners ? users.filter((u) => !t.cosigners!.has(u)) : [];
    const gone = [...(t.cosigners ?? [])].filter(([u]) => !users.includes(u));
    for (const u of extra) note({ check: "cosign", why: "unrecorded", seq: null, record: `${record} user:${u}` });
    for (const [u, seq] of gone) note({ check: "cosign", why: "missing", seq, record: `${record} user:${u}` });
    const countWrong = t.count !== null && (r.cosignCount !== t.count || users.length !== t.count);
    if (countWrong && extra.length + gone.length === 0) note({ check: "cosign", why: "differs", seq: t.cosignSeq, record });
  }
  for (const [id, t] of told) note({ check: "topicState", why: "missing", seq: t.seq, record: `topic:${id}` });
}

/** A merge carries the merged topic's proposer and co-signers to the target, never its own proposer. */
function carry(from: Told, to: Told, seq: number) {
  if (!from.cosigners || !to.cosigners) {
    to.cosigners = null;
    to.count = null;
    return;
  }
  for (const u of [from.proposer, ...from.cosigners.keys()]) {
    if (u !== null && u !== to.proposer && !to.cosigners.has(u)) to.cosigners.set(u, seq);
  }
  to.cosignSeq = seq;
}

/** A frozen text hashes to the SHA-256 (and has the length) its latest `draft.frozen` entry recorded. */
function frozenTextProblems(db: Db, communityId: number, note: Note) {
  const frozen = latestBySubject(entriesOf(db, communityId, ["draft.frozen"]));
  const rows = db.$client.prepare("SELECT f.topic_id AS topicId, f.text, f.sha256 FROM draft_freezes f JOIN topics t ON t.id = f.topic_id WHERE t.community_id = ?").all(communityId) as { topicId: number; text: string; sha256: string }[];
  for (const f of rows) {
    const record = `topic:${f.topicId}`;
    const entry = frozen.get(record);
    frozen.delete(record);
    if (!entry) {
      note({ check: "frozenText", why: "unrecorded", seq: null, record });
      continue;
    }
    const p = JSON.parse(entry.payload) as { sha256?: string; bytes?: number };
    if (sha256Hex(f.text) !== f.sha256 || p.sha256 !== f.sha256 || p.bytes !== Buffer.byteLength(f.text, "utf8")) note({ check: "frozenText", why: "differs", seq: entry.seq, record });
  }
  for (const [record, entry] of frozen) note({ check: "frozenText", why: "missing", seq: entry.seq, record });
}

/** Each rating row is the one its `rating.cast` entry recorded: who, in which round, what, when. */
function ratingProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; rating: string; at: number }>();
  for (const e of entriesOf(db, communityId, ["rating.cast", "rating.withdrawn"])) {
    const p = JSON.parse(e.payload) as { window?: number; rating?: string };
    // A rating taken back while its window was open (decision 040) is no longer expected.
    if (e.type === "rating.withdrawn") expected.delete(`window:${p.window} user:${e.actorId}`);
    else expected.set(`window:${p.window} user:${e.actorId}`, { seq: e.seq, rating: p.rating ?? "", at: timeOf(e) });
  }
  const rows = db.$client
    .prepare("SELECT r.window_id AS windowId, r.user_id AS userId, r.rating, r.created_at AS createdAt FROM ratings r JOIN rating_windows w ON w.id = r.window_id WHERE w.community_id = ?")
    .all(communityId) as { windowId: number; userId: number; rating: string; createdAt: number }[];
  compareByKey(note, "rating", expected, rows, (r) => `window:${r.windowId} user:${r.userId}`, (want, r) => want.rating === r.rating && want.at === r.createdAt);
}
