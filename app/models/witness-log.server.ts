// The witness log: each community's ledger head (seq, hash) as it stood at a moment, written to a
// file outside the SQLite database, so someone who rewrites or cuts the chain inside the database
// cannot also make the heads witnessed earlier agree (docs/decisions/018-witness-log.md).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { canonicalJson } from "./canonical-json";
import { singleton } from "./singleton.server";

export const WITNESS_GENESIS = "0".repeat(64);

export interface Head {
  communityId: number;
  community: string;
  seq: number;
  hash: string;
}

export interface WitnessedHead extends Head {
  /** 1-based line number in the log. */
  line: number;
  at: string;
}

/** LEDGER_WITNESS_PATH, or `<database name>.witness.log` beside the database file (never inside it). */
export function witnessPathFor(databaseFile: string): string {
  const db = path.resolve(databaseFile);
  if (process.env.LEDGER_WITNESS_PATH) {
    const file = path.resolve(process.env.LEDGER_WITNESS_PATH);
    // Appending lines to the SQLite file (or its journal) would corrupt it and witness nothing.
    if (file === db || file.startsWith(`${db}-`)) throw new Error(`LEDGER_WITNESS_PATH must not be the database file (${file})`);
    return file;
  }
  const parsed = path.parse(db);
  return path.join(parsed.dir, `${parsed.name}.witness.log`);
}

const lineHash = (line: string) => createHash("sha256").update(line, "utf8").digest("hex");

/** What has been read of one log file; the file only grows, so each read parses only what was appended since. */
interface LogState {
  ino: number;
  offset: number;
  lines: number;
  /** The hash of the last complete line, valid or not: the next line written chains to it. */
  tailHash: string;
  heads: Map<number, WitnessedHead[]>;
  /** The first line that cannot be trusted (malformed, or not what the next line chained to): the log was edited there. */
  brokenLine: number | null;
}

const states = singleton("witnessLogs", () => new Map<string, LogState>());

const fresh = (ino: number): LogState => ({ ino, offset: 0, lines: 0, tailHash: WITNESS_GENESIS, heads: new Map(), brokenLine: null });

/** A head, or which line cannot be trusted: this one (malformed) or the one before (the chain does not reach this one). */
function parseLine(text: string, prev: string, line: number): WitnessedHead | { untrusted: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { untrusted: line };
  }
  const v = value as Record<string, unknown>;
  const ok =
    typeof v === "object" && v !== null && typeof v.at === "string" && typeof v.community === "string" && Number.isSafeInteger(v.communityId) &&
    Number.isSafeInteger(v.seq) && typeof v.hash === "string" && /^[0-9a-f]{64}$/.test(v.hash) && typeof v.prev === "string";
  // A line must be exactly as the writer wrote it (canonical), so two texts cannot carry one meaning.
  if (!ok || canonicalJson(v as never) !== text) return { untrusted: line };
  // A line edited (or removed) in place leaves the next line's link to it pointing at the old text.
  if (v.prev !== prev) return { untrusted: line - 1 };
  return { line, at: v.at as string, communityId: v.communityId as number, community: v.community as string, seq: v.seq as number, hash: v.hash as string };
}

/** Reads (what is new in) the log at `file`; a missing file is an empty log. */
export function readWitnessLog(file: string): Readonly<LogState> {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return fresh(0);
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    let state = states.get(file);
    // Another file in its place, or a shorter one: read it from the start (a cut log loses its last heads).
    if (!state || state.ino !== stat.ino || stat.size < state.offset) state = fresh(stat.ino);
    if (stat.size > state.offset) {
      const buf = Buffer.alloc(stat.size - state.offset);
      fs.readSync(fd, buf, 0, buf.length, state.offset);
      const end = buf.lastIndexOf(0x0a);
      if (end >= 0) {
        for (const text of buf.subarray(0, end).toString("utf8").split("\n")) {
          state.lines += 1;
          const head = state.brokenLine === null ? parseLine(text, state.tailHash, state.lines) : null;
          if (head && "hash" in head) {
            const list = state.heads.get(head.communityId) ?? [];
            list.push(head);
            state.heads.set(head.communityId, list);
          } else if (head) {
            state.brokenLine = Math.max(1, head.untrusted);
            // The line before is not what was witnessed: its head is not checked against.
            if (head.untrusted < state.lines) for (const list of state.heads.values()) if (list.at(-1)?.line === head.untrusted) list.pop();
          }
          state.tailHash = lineHash(text);
        }
        state.offset += end + 1;
      }
    }
    states.set(file, state);
    return state;
  } finally {
    fs.closeSync(fd);
  }
}

/** Every head witnessed for a community, oldest first. */
export function witnessedHeads(file: string, communityId: number): readonly WitnessedHead[] {
  return readWitnessLog(file).heads.get(communityId) ?? [];
}

/**
 * Appends one line per head, each chained to the line before (the hash of its text), in one write
 * to a file opened for appending only, and waits for it to reach the disk (fsync).
 */
export function appendWitness(file: string, heads: readonly Head[], at: Date): void {
  if (heads.length === 0) return;
  const state = readWitnessLog(file);
  let prev = state.tailHash;
  const lines = heads.map((h) => {
    const text = canonicalJson({ at: at.toISOString(), community: h.community, communityId: h.communityId, seq: h.seq, hash: h.hash, prev });
    prev = lineHash(text);
    return text;
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
  try {
    fs.writeSync(fd, lines.join("\n") + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
