import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { hotlineExports, hotlineTokens, users } from "../../db/schema";
import type { HotlineExportFormat } from "../workflow/department-call";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { write } from "./write.server";

export type HotlineTokenProblem = "notFound" | "revoked";
const refused = refusals<HotlineTokenProblem>("hotline");

/** A token is "yst_hl_" and 32 random bytes in base64url: 50 characters, typed by no one. */
const TOKEN = /^yst_hl_[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A token for the street's hotline system to pull the ticket export with. The token itself is shown
 * once, to the admin who made it; only its SHA-256 and its last four characters (the hint) are kept.
 */
export function createHotlineToken({ streetId, actorId, label }: { streetId: number; actorId: number; label: string }): { id: number; token: string } {
  const token = `yst_hl_${randomBytes(32).toString("base64url")}`;
  const id = write((tx) =>
    tx.insert(hotlineTokens).values({ streetId, label, tokenHash: sha256(token), tokenHint: token.slice(-4), createdBy: actorId, createdAt: now() }).returning({ id: hotlineTokens.id }).get().id,
  );
  return { id, token };
}

/** The street's tokens, newest first (never the token: its hint). */
export function listHotlineTokens({ streetId }: { streetId: number }) {
  return getDb()
    .select({ id: hotlineTokens.id, label: hotlineTokens.label, hint: hotlineTokens.tokenHint, createdAt: hotlineTokens.createdAt, lastUsedAt: hotlineTokens.lastUsedAt, revokedAt: hotlineTokens.revokedAt })
    .from(hotlineTokens)
    .where(eq(hotlineTokens.streetId, streetId))
    .orderBy(desc(hotlineTokens.id))
    .all();
}

/** Revoked for good: the hotline system's next pull gets 401. */
export function revokeHotlineToken({ streetId, tokenId }: { streetId: number; tokenId: number }): Result<HotlineTokenProblem> {
  return attempt("hotline", () =>
    write((tx) => {
      const row = tx.select().from(hotlineTokens).where(and(eq(hotlineTokens.id, tokenId), eq(hotlineTokens.streetId, streetId))).get();
      if (!row) throw refused("notFound");
      if (row.revokedAt) throw refused("revoked");
      tx.update(hotlineTokens).set({ revokedAt: now() }).where(eq(hotlineTokens.id, row.id)).run();
      return {};
    }),
  );
}

/**
 * The token of an `Authorization: Bearer …` header, if it is a live token of this street (its last
 * use is noted); null for anything else — no header, another scheme, a malformed, unknown, revoked
 * token, or one of another street.
 */
export function hotlineTokenOf(request: Request, streetId: number): { id: number } | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match || !TOKEN.test(match[1])) return null;
  const row = getDb()
    .select({ id: hotlineTokens.id, streetId: hotlineTokens.streetId })
    .from(hotlineTokens)
    .where(and(eq(hotlineTokens.tokenHash, sha256(match[1])), isNull(hotlineTokens.revokedAt)))
    .get();
  if (!row || row.streetId !== streetId) return null;
  write((tx) => tx.update(hotlineTokens).set({ lastUsedAt: now() }).where(eq(hotlineTokens.id, row.id)).run());
  return { id: row.id };
}

/** One export run: the format, who pulled it (a user or a token), how many tickets, the `since` filter. */
export function recordHotlineExport(input: { streetId: number; format: HotlineExportFormat; userId: number | null; tokenId: number | null; tickets: number; since: Date | null }): void {
  write((tx) => tx.insert(hotlineExports).values({ ...input, at: now() }).run());
}

export const EXPORT_RUNS_SHOWN = 50;

/** The latest export runs, newest first, with the token's label or the admin's name. */
export function listHotlineExports({ streetId, limit = EXPORT_RUNS_SHOWN }: { streetId: number; limit?: number }) {
  return getDb()
    .select({ id: hotlineExports.id, format: hotlineExports.format, tickets: hotlineExports.tickets, since: hotlineExports.since, at: hotlineExports.at, userName: users.displayName, tokenLabel: hotlineTokens.label, tokenHint: hotlineTokens.tokenHint })
    .from(hotlineExports)
    .leftJoin(hotlineTokens, eq(hotlineTokens.id, hotlineExports.tokenId))
    .leftJoin(users, eq(users.id, hotlineExports.userId))
    .where(eq(hotlineExports.streetId, streetId))
    .orderBy(desc(hotlineExports.at), desc(hotlineExports.id))
    .limit(limit)
    .all();
}
