import { memberships } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { appendLedger, type Tx } from "./ledger.server";

/** Grants a role in a community and records it in the community's ledger (inside the caller's transaction). */
export function grantMembership(
  tx: Tx,
  { communityId, userId, role, grantedBy, via }: { communityId: number; userId: number; role: Role; grantedBy: number | null; via: string },
): boolean {
  const result = tx
    .insert(memberships)
    .values({ communityId, userId, role, grantedBy })
    .onConflictDoNothing()
    .run();
  if (result.changes === 0) return false;
  appendLedger(tx, {
    communityId,
    type: "membership.granted",
    actorId: grantedBy,
    subject: `user:${userId}`,
    payload: { userId, role, via },
  });
  return true;
}
