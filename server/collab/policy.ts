import type { IncomingMessage } from "node:http";
import * as awarenessProtocol from "y-protocols/awareness";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { openSessionExpiries, readSessionToken, validateSessionToken } from "../../app/auth/session.server";
import { colorForUser } from "../../app/components/draft/colors";
import { getDraftAccess } from "../../app/models/draft-access.server";
import { onCommitted } from "../../app/models/committed-events.server";
import { appendDraftUpdate, compactDraft, ensureDraftDocument } from "../../app/models/draft-store.server";
import { templateUpdate } from "../../app/models/draft-text";
import { clientAddress, requestHost } from "../client-address";
import { envInt } from "../env";
import { logger } from "../logger";
import { openLimit } from "../open-limit";
import { CloseConnection, type Admission, type CollabHandle, type CollabHooks, type Connection, type LiveDocument, type Refusal } from "./hooks";

// This app's word on its live drafts, all of it (the protocol loop beside it knows none of this):
// - one document per topic, /yjs/topic-<id>; the upgrade needs our Origin, a session, and access to
//   the topic's draft (edit or read: app/models/draft-access.server.ts); outsiders get 404;
// - sockets are capped per session and per address (docs/decisions/020-presence-and-stream-caps.md);
// - documents live in SQLite: each update appended before it is relayed, compacted past
//   DRAFT_COMPACT_EVERY and when the last socket leaves (docs/decisions/006-collaborative-server.md);
// - access is re-decided when the topic moves or roles change; a socket lives only as long as its
//   session (docs/decisions/011-sessions-end-sockets.md);
// - presence is the server's word (docs/decisions/020-presence-and-stream-caps.md).

export const YJS_PREFIX = "/yjs/";
const TOPIC_PATH = /^\/yjs\/topic-([1-9][0-9]{0,9})$/;
const CLOSE_PROTOCOL = 1008;
const CLOSE_TOO_BIG = 1009;

/** Who holds a drafting socket, as the upgrade found them. */
export interface DraftContext {
  topicId: number;
  communityId: number;
  userId: number;
  /** The signed-in person's display name: the name others see in this socket's presence. */
  displayName: string;
  /** The session the socket was opened with, and when it expires (refreshed by the session sweep). */
  sessionId: string;
  sessionExpiresAt: Date;
}
type Conn = Connection<DraftContext>;
type Doc = LiveDocument<DraftContext>;

/**
 * Is the upgrade's Origin our own host? Browsers always send it on websockets, and cookies ride along
 * on cross-site ones, so a foreign page must be stopped here. Behind a trusted proxy (TRUST_PROXY)
 * the forwarded host counts, as for the app's own same-origin check.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = requestHost(req);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Origin, session, topic, membership: decided before anything is accepted. */
function authenticate(req: IncomingMessage): Omit<Admission<DraftContext>, "release"> | Refusal {
  if (!sameOrigin(req)) return { ok: false, status: 403 };
  const token = readSessionToken(req.headers.cookie);
  const session = token ? validateSessionToken(token) : null;
  if (!session) return { ok: false, status: 401 };
  const match = TOPIC_PATH.exec((req.url ?? "").split("?")[0]);
  const topicId = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(topicId)) return { ok: false, status: 404 };
  const found = getDraftAccess({ topicId, userId: session.user.id });
  // Outsiders learn nothing, not even that the topic exists: 404, as the topic's page answers them.
  if (!found || found.access === "none") return { ok: false, status: 404 };
  const context = { topicId, communityId: found.communityId, userId: session.user.id, displayName: session.user.displayName, sessionId: session.sessionId, sessionExpiresAt: session.expiresAt };
  return { ok: true, documentName: `topic-${topicId}`, context, readOnly: found.access !== "edit" };
}

/** Checked before each message: only past the cached expiry does it ask the database (sessions slide). */
export function sessionStillOpen(context: Pick<DraftContext, "sessionId" | "sessionExpiresAt">, now = Date.now()): boolean {
  if (now < context.sessionExpiresAt.getTime()) return true;
  const expiresAt = openSessionExpiries([context.sessionId], now).get(context.sessionId);
  if (!expiresAt) return false;
  context.sessionExpiresAt = expiresAt;
  return true;
}

function compactEvery(): number {
  const n = Number(process.env.DRAFT_COMPACT_EVERY ?? 500);
  return Number.isInteger(n) && n > 0 ? n : 500;
}

function compact(topicId: number): void {
  try {
    compactDraft(topicId);
  } catch (error) {
    logger.error({ err: error, topicId }, "yjs: compaction failed");
  }
}

function topicOf(entry: Doc): number {
  return Number(entry.name.slice("topic-".length));
}

// Presence (y-protocols awareness) is what the others see of a socket: who is here and whether they
// edit. The client's word is taken for nothing that identifies anyone:
// - a socket speaks only for the client ids it owns: the first ones it announces (at most
//   MAX_PRESENCE_IDS), or one its own person's earlier socket held (y-websocket reconnects with the
//   same id), claimed only by a state newer than the one known here; entries for anyone else's id
//   are dropped without a word, because a well-behaved y-websocket client echoes every state it
//   receives (with the clock it came with) and removes others' states that went quiet;
// - the `user` field (name, colour, editing) is set here from the session and the socket's access;
//   a read-only socket's `cursor` is dropped, so nothing of it shows in the editors' text;
// - a state larger than MAX_PRESENCE_BYTES, or one that is not a JSON object, refuses the frame.

/** A name, a colour and a cursor (two relative positions) take ~300 bytes; this leaves room for more. */
export const MAX_PRESENCE_BYTES = 4096;
/** A page has one awareness per provider, so one id is enough; the second is slack, not a need. */
export const MAX_PRESENCE_IDS = 2;
const utf8 = new TextDecoder();

/** The identity others see for this socket: never what the client said. */
function stamped(conn: Conn, state: Record<string, unknown>): Record<string, unknown> {
  const { cursor, ...rest } = state;
  const user = { name: conn.context.displayName, color: colorForUser(conn.context.userId), editing: !conn.readOnly };
  return !conn.readOnly && cursor !== undefined ? { ...rest, user, cursor } : { ...rest, user };
}

/**
 * Does the socket speak for `id`? It claims an id only with a state newer than the one known here:
 * an echo carries the clock it was relayed with, so echoes never claim (nor do removals). Then the
 * id must be free or its own person's, and the socket must have room.
 */
function mayUse(conn: Conn, id: number, clock: number, removal: boolean, byId: Map<number, Conn>): boolean {
  const { awareness } = conn.document;
  if (conn.awarenessIds.has(id)) return true;
  if (removal || id === awareness.clientID || conn.awarenessIds.size >= MAX_PRESENCE_IDS) return false;
  if (clock <= (awareness.meta.get(id)?.clock ?? -1)) return false;
  const owner = byId.get(id);
  if (owner && owner.context.userId !== conn.context.userId) return false;
  owner?.awarenessIds.delete(id);
  conn.awarenessIds.add(id);
  byId.set(id, conn);
  return true;
}

function encodeEntries(entries: Array<[number, number, string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** An incoming awareness update rewritten to this socket's own entries, stamped with its identity. */
export function ownPresence(conn: Conn, update: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const byId = new Map<number, Conn>();
  for (const other of conn.document.conns.values()) for (const id of other.awarenessIds) byId.set(id, other);
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.length > MAX_PRESENCE_BYTES) throw new CloseConnection(CLOSE_TOO_BIG, "presence refused", `presence of ${bytes.length} bytes`);
    // "null" is how y-protocols encodes a removal; anything else is parsed only once it is ours.
    if (!mayUse(conn, id, clock, bytes.length === 4 && utf8.decode(bytes) === "null", byId)) continue;
    const state: unknown = JSON.parse(utf8.decode(bytes));
    if (state === null) kept.push([id, clock, "null"]);
    else if (typeof state === "object" && !Array.isArray(state)) kept.push([id, clock, JSON.stringify(stamped(conn, state as Record<string, unknown>))]);
    else throw new CloseConnection(CLOSE_PROTOCOL, "presence refused", "presence is not an object");
  }
  return kept.length === 0 ? null : encodeEntries(kept);
}

/**
 * The socket's access changed (the topic moved, roles changed): its entries are stamped again under
 * a newer clock, so everyone, the socket's own client included, takes the new editing flag.
 */
function restampPresence(conn: Conn): void {
  const { awareness } = conn.document;
  const entries: Array<[number, number, string]> = [];
  for (const id of conn.awarenessIds) {
    const state = awareness.getStates().get(id);
    const clock = awareness.meta.get(id)?.clock;
    if (state && clock !== undefined) entries.push([id, clock + 1, JSON.stringify(stamped(conn, state))]);
  }
  if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(awareness, encodeEntries(entries), null);
}

/** Re-decides sockets (the topic moved, or someone's roles changed): access lost ends them, a changed one restamps. */
function reevaluate(collab: CollabHandle<DraftContext>, conns: Conn[]): void {
  for (const conn of conns) {
    const { topicId, communityId, userId } = conn.context;
    const access = getDraftAccess({ topicId, userId, communityId })?.access ?? "none";
    if (access === "none") {
      collab.endConnection(conn, CLOSE_PROTOCOL, "access revoked");
      continue;
    }
    const readOnly = access !== "edit";
    if (readOnly === conn.readOnly) continue;
    conn.readOnly = readOnly;
    restampPresence(conn);
  }
}

function openConnections(collab: CollabHandle<DraftContext>): Conn[] {
  const all: Conn[] = [];
  for (const entry of collab.documents()) all.push(...entry.conns.values());
  return all;
}

/** One look at the sessions table for every open socket: gone or expired sessions end their sockets. */
function sweepSessions(collab: CollabHandle<DraftContext>, now = Date.now()): void {
  const all = openConnections(collab);
  const open = openSessionExpiries([...new Set(all.map((conn) => conn.context.sessionId))], now);
  for (const conn of all) {
    const expiresAt = open.get(conn.context.sessionId);
    if (expiresAt) conn.context.sessionExpiresAt = expiresAt;
    else collab.endConnection(conn, CLOSE_PROTOCOL, "session ended");
  }
}

/** Subscribes to the app's events and starts the session sweep; returns what stops both. */
function listen(collab: CollabHandle<DraftContext>): () => void {
  const sessionSweep = setInterval(() => {
    try {
      sweepSessions(collab);
    } catch (error) {
      logger.error({ err: error }, "yjs: the session sweep failed");
    }
  }, envInt("YJS_SESSION_CHECK_MS", 60_000));
  sessionSweep.unref();
  const unsubscribe = [
    onCommitted("topicMoved", ({ topicId }) => reevaluate(collab, openConnections(collab).filter((conn) => conn.context.topicId === topicId))),
    onCommitted("rolesChanged", ({ communityId, userId }) =>
      reevaluate(collab, openConnections(collab).filter((conn) => conn.context.communityId === communityId && conn.context.userId === userId)),
    ),
    onCommitted("communityArchived", ({ communityId }) => reevaluate(collab, openConnections(collab).filter((conn) => conn.context.communityId === communityId))),
    onCommitted("sessionsEnded", ({ sessionIds }) => {
      const ended = new Set(sessionIds);
      for (const conn of openConnections(collab)) if (ended.has(conn.context.sessionId)) collab.endConnection(conn, CLOSE_PROTOCOL, "session ended");
    }),
  ];
  return () => {
    clearInterval(sessionSweep);
    for (const off of unsubscribe) off();
  };
}

/** The hooks of the drafting server, and how many sockets the caps count now. */
export function draftHooks(): { hooks: CollabHooks<DraftContext>; openSockets: () => number } {
  const sockets = openLimit({ perSession: envInt("YJS_MAX_SOCKETS_PER_SESSION", 8), perAddress: envInt("YJS_MAX_SOCKETS_PER_ADDRESS", 64) });
  const hooks: CollabHooks<DraftContext> = {
    onAuthenticate: (req) => {
      const decision = authenticate(req);
      if (!decision.ok) return decision;
      const release = sockets.take({ session: decision.context.sessionId, address: clientAddress(req) });
      if (!release) {
        logger.info({ url: req.url, userId: decision.context.userId }, "yjs: too many sockets for this session or address; upgrade refused");
        return { ok: false, status: 429 };
      }
      return { ...decision, release };
    },
    onLoadDocument: (_name, { topicId }) => ensureDraftDocument(topicId, templateUpdate),
    onStoreDocument: (entry, update, conn) => {
      const topicId = topicOf(entry);
      const logLength = appendDraftUpdate({ topicId, update, userId: conn?.context.userId ?? null });
      if (logLength >= compactEvery()) return () => compact(topicId);
    },
    beforeUnloadDocument: (entry) => compact(topicOf(entry)),
    beforeHandleMessage: (conn) => (sessionStillOpen(conn.context) ? null : { code: CLOSE_PROTOCOL, reason: "session ended" }),
    onAwarenessUpdate: ownPresence,
    onListen: listen,
  };
  return { hooks, openSockets: sockets.open };
}
