import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { communities, invites, memberships, rosterPeople, users } from "../../db/schema";
import { LETTER_VALID_DAYS } from "../forms/roster-limits";
import { localDate } from "../i18n/time-zone";
import type { CommunityKind } from "../i18n/kind-words";
import { publicOrigin } from "../security/public-origin.server";
import type { Role } from "../workflow/roles";
import { DAY_MS, now } from "./clock.server";
import { generateCode, hashCode } from "./invite.server";
import { appendLedger } from "./ledger.server";
import { scopeWhere, type RosterScope } from "./roster.server";
import { getTimeZone } from "./time-zone.server";
import { write } from "./write.server";

/** At most this many letters in one print (a street's whole roster fits). */
export const LETTERS_LIMIT = 2000;

export interface InviteLetter {
  name: string;
  communityNameZh: string;
  communityNameEn: string;
  communityKind: CommunityKind;
  roles: Role[];
  code: string;
  /** The last day the code works, "YYYY-MM-DD" in the community's time zone. */
  expiresOn: string;
  url: string;
  /** The QR code of `url`, an SVG element made here on the server. */
  qrSvg: string;
}

/**
 * (Re)issues a personal one-time invite to every person of the scope (or of one of its imports) who
 * has not joined yet: their earlier personal invite is revoked, a new one (one use, LETTER_VALID_DAYS)
 * made, each with its ledger entry as invites have. Returns the letters to print, codes included:
 * only their hashes are kept, so this is the one moment they can be read.
 */
export function reissueInvites({ scope, importId, actorId }: { scope: RosterScope; importId: number | null; actorId: number }) {
  return write((tx) => {
    const at = now();
    const expiresAt = new Date(at.getTime() + LETTER_VALID_DAYS * DAY_MS);
    const people = tx
      .select({
        userId: users.id,
        name: users.displayName,
        communityId: communities.id,
        communityNameZh: communities.nameZh,
        communityNameEn: communities.nameEn,
        communityKind: communities.kind,
      })
      .from(rosterPeople)
      .innerJoin(users, eq(users.id, rosterPeople.userId))
      .innerJoin(communities, eq(communities.id, rosterPeople.communityId))
      .where(and(scopeWhere(scope), eq(users.pending, true), importId === null ? undefined : eq(rosterPeople.importId, importId)))
      .orderBy(communities.id, rosterPeople.id)
      .limit(LETTERS_LIMIT)
      .all();
    return people.map((p) => {
      const earlier = tx
        .select({ id: invites.id })
        .from(invites)
        .where(and(eq(invites.userId, p.userId), eq(invites.communityId, p.communityId), isNull(invites.revokedAt)))
        .all();
      for (const { id } of earlier) {
        tx.update(invites).set({ revokedAt: at }).where(eq(invites.id, id)).run();
        appendLedger(tx, { communityId: p.communityId, type: "invite.revoked", actorId, subject: `invite:${id}`, payload: { userId: p.userId }, at });
      }
      const roles = tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.userId, p.userId), eq(memberships.communityId, p.communityId)))
        .all()
        .map((r) => r.role);
      const code = generateCode();
      const role = roles[0] ?? "resident";
      const id = tx
        .insert(invites)
        .values({ communityId: p.communityId, role, maxUses: 1, expiresAt, note: "", createdBy: actorId, codeHash: hashCode(code), codeHint: code.slice(-4), createdAt: at, userId: p.userId })
        .returning({ id: invites.id })
        .get().id;
      appendLedger(tx, { communityId: p.communityId, type: "invite.issued", actorId, subject: `invite:${id}`, payload: { role, maxUses: 1, expiresAt: expiresAt.toISOString(), userId: p.userId }, at });
      return { ...p, roles, code, expiresAt };
    });
  });
}

/** The letters of `reissueInvites`' people: each with its code, its link and the link's QR code, the expiry in the community's time zone. */
export async function issueLetters(input: { scope: RosterScope; importId: number | null; actorId: number }): Promise<InviteLetter[]> {
  const issued = reissueInvites(input);
  const origin = publicOrigin();
  const zones = new Map<number, string>();
  return Promise.all(
    issued.map(async ({ userId: _userId, communityId, expiresAt, ...p }) => {
      const zone = zones.get(communityId) ?? zones.set(communityId, getTimeZone(communityId)).get(communityId)!;
      const url = `${origin}/join?code=${p.code}`;
      // The last moment the code works, as a day: the day before it expires when it expires at midnight.
      const expiresOn = localDate(new Date(expiresAt.getTime() - 1), zone);
      return { ...p, expiresOn, url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
    }),
  );
}
