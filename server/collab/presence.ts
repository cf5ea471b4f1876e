import * as awarenessProtocol from "y-protocols/awareness";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { colorForUser } from "../../app/components/draft/colors";
import type { Conn, LiveDoc } from "./documents";

// Presence (y-protocols awareness) is what the others see of a socket: who is here and whether they
// edit. The client's word is taken for nothing that identifies anyone (docs/decisions/020-presence-and-stream-caps.md):
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

/** The frame's presence cannot be taken (oversized or malformed): the socket is closed. */
export class PresenceRefused extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
const CLOSE_PROTOCOL = 1008;
const CLOSE_TOO_BIG = 1009;

const utf8 = new TextDecoder();

/** The identity others see for this socket: never what the client said. */
function stamped(conn: Conn, state: Record<string, unknown>): Record<string, unknown> {
  const { cursor, ...rest } = state;
  const user = { name: conn.displayName, color: colorForUser(conn.userId), editing: conn.canEdit };
  return conn.canEdit && cursor !== undefined ? { ...rest, user, cursor } : { ...rest, user };
}

function owners(entry: LiveDoc): Map<number, Conn> {
  const byId = new Map<number, Conn>();
  for (const other of entry.conns.values()) for (const id of other.awarenessIds) byId.set(id, other);
  return byId;
}

/**
 * Does the socket speak for `id`? It claims an id only with a state newer than the one known here:
 * an echo carries the clock it was relayed with, so echoes never claim (nor do removals). Then the
 * id must be free or its own person's, and the socket must have room.
 */
function mayUse(entry: LiveDoc, conn: Conn, id: number, clock: number, removal: boolean, byId: Map<number, Conn>): boolean {
  if (conn.awarenessIds.has(id)) return true;
  if (removal || id === entry.awareness.clientID || conn.awarenessIds.size >= MAX_PRESENCE_IDS) return false;
  if (clock <= (entry.awareness.meta.get(id)?.clock ?? -1)) return false;
  const owner = byId.get(id);
  if (owner && owner.userId !== conn.userId) return false;
  owner?.awarenessIds.delete(id);
  conn.awarenessIds.add(id);
  byId.set(id, conn);
  return true;
}

/**
 * An incoming awareness update rewritten to what this socket may say: its own entries, stamped with
 * its identity. Null when nothing is left. Throws PresenceRefused, or a decoding error on garbage.
 */
export function ownPresence(entry: LiveDoc, conn: Conn, update: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const byId = owners(entry);
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.length > MAX_PRESENCE_BYTES) throw new PresenceRefused(`presence of ${bytes.length} bytes`, CLOSE_TOO_BIG);
    // "null" is how y-protocols encodes a removal; anything else is parsed only once it is ours.
    if (!mayUse(entry, conn, id, clock, bytes.length === 4 && utf8.decode(bytes) === "null", byId)) continue;
    const state: unknown = JSON.parse(utf8.decode(bytes));
    if (state === null) kept.push([id, clock, "null"]);
    else if (typeof state === "object" && !Array.isArray(state)) kept.push([id, clock, JSON.stringify(stamped(conn, state as Record<string, unknown>))]);
    else throw new PresenceRefused("presence is not an object", CLOSE_PROTOCOL);
  }
  return kept.length === 0 ? null : encodeEntries(kept);
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

/**
 * The socket's access changed (the topic moved, roles changed): its entries are stamped again under
 * a newer clock, so everyone, the socket's own client included, takes the new editing flag.
 */
export function restampPresence(entry: LiveDoc, conn: Conn): void {
  const entries: Array<[number, number, string]> = [];
  for (const id of conn.awarenessIds) {
    const state = entry.awareness.getStates().get(id);
    const clock = entry.awareness.meta.get(id)?.clock;
    if (state && clock !== undefined) entries.push([id, clock + 1, JSON.stringify(stamped(conn, state))]);
  }
  if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(entry.awareness, encodeEntries(entries), null);
}
