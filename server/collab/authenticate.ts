import type { IncomingMessage } from "node:http";
import { readSessionToken, validateSessionToken } from "../../app/auth/session.server";
import { getDraftAccess, type DraftAccess } from "../../app/models/draft-access.server";
import { requestHost } from "../client-address";

export const YJS_PREFIX = "/yjs/";
const TOPIC_PATH = /^\/yjs\/topic-([1-9][0-9]{0,9})$/;

export type UpgradeDecision =
  | { ok: true; topicId: number; communityId: number; userId: number; displayName: string; sessionId: string; sessionExpiresAt: Date; access: Exclude<DraftAccess, "none"> }
  | { ok: false; status: 401 | 403 | 404 };

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

/** Decides an upgrade to /yjs/topic-<id> before anything is accepted: origin, session, topic, membership. */
export function authenticateUpgrade(req: IncomingMessage): UpgradeDecision {
  if (!sameOrigin(req)) return { ok: false, status: 403 };
  const token = readSessionToken(req.headers.cookie);
  const session = token ? validateSessionToken(token) : null;
  if (!session) return { ok: false, status: 401 };
  const path = (req.url ?? "").split("?")[0];
  const match = TOPIC_PATH.exec(path);
  const topicId = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(topicId)) return { ok: false, status: 404 };
  const found = getDraftAccess({ topicId, userId: session.user.id });
  if (!found) return { ok: false, status: 404 };
  // Outsiders learn nothing, not even that the topic exists: 404, as the topic's page answers them.
  if (found.access === "none") return { ok: false, status: 404 };
  return { ok: true, topicId, communityId: found.communityId, userId: session.user.id, displayName: session.user.displayName, sessionId: session.sessionId, sessionExpiresAt: session.expiresAt, access: found.access };
}
