import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { householdMembers, households } from "../../db/schema";
import { decodeCsv, parseRegisterCsv, type RegisterCsvHousehold, type RegisterProblem as CsvProblem } from "../forms/register-csv";
import { msg } from "../forms/messages";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { registerToday } from "./register-write.server";
import { write } from "./write.server";

export type RegisterImport = { ok: true; households: number; members: number; created: number; replaced: number } | { ok: false; problems: CsvProblem[] };

const personKey = (name: string, birthDate: string) => `${name}\u0000${birthDate}`;

/**
 * Creates the household of `h`, or replaces the one of its 户号 (its members in force are removed, a
 * removed one comes back). `accounts`: the accounts its former members were linked to, by name and
 * birth date, so that a person still in the household keeps their link.
 */
function putHousehold(tx: Tx, communityId: number, h: RegisterCsvHousehold, at: Date): { id: number; replaced: boolean; accounts: Map<string, number> } {
  const existing = tx.select({ id: households.id }).from(households).where(and(eq(households.communityId, communityId), eq(households.code, h.code))).get();
  const values = { address: h.address, groupName: h.group };
  const accounts = new Map<string, number>();
  if (!existing) return { id: tx.insert(households).values({ communityId, code: h.code, ...values, createdAt: at }).returning({ id: households.id }).get().id, replaced: false, accounts };
  const current = and(eq(householdMembers.householdId, existing.id), isNull(householdMembers.removedAt));
  for (const m of tx.select({ name: householdMembers.name, birthDate: householdMembers.birthDate, userId: householdMembers.userId }).from(householdMembers).where(current).all()) {
    if (m.userId !== null) accounts.set(personKey(m.name, m.birthDate), m.userId);
  }
  tx.update(households).set({ ...values, removedAt: null, updatedAt: at }).where(eq(households.id, existing.id)).run();
  tx.update(householdMembers).set({ removedAt: at }).where(current).run();
  return { id: existing.id, replaced: true, accounts };
}

/**
 * Imports a register CSV: every line checked first; then, in one transaction, each household of the
 * file is created or replaced by its 户号 (members replaced), and the households not in the file stay.
 * Either all of it is written, with one ledger entry of counts and ids (no names, no birth dates), or
 * nothing, with every problem and its line.
 */
export function importRegisterCsv({ communityId, actorId, bytes }: { communityId: number; actorId: number; bytes: Uint8Array }): RegisterImport {
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problems: [{ line: 1, column: null, message: msg("register.csv.notUtf8") }] };
  const { households: parsed, problems } = parseRegisterCsv(text, { today: registerToday(communityId) });
  if (problems.length) return { ok: false, problems };
  return write((tx) => {
    const at = now();
    let members = 0;
    let replaced = 0;
    const written = parsed.map((h) => {
      const put = putHousehold(tx, communityId, h, at);
      if (put.replaced) replaced++;
      const ids = h.members.map(
        (m) =>
          tx
            .insert(householdMembers)
            .values({ communityId, householdId: put.id, name: m.name, birthDate: m.birthDate, representative: m.representative, userId: put.accounts.get(personKey(m.name, m.birthDate)) ?? null, createdAt: at })
            .returning({ id: householdMembers.id })
            .get().id,
      );
      members += ids.length;
      const representative = h.members.findIndex((m) => m.representative);
      return { household: put.id, code: h.code, members: ids, representative: representative === -1 ? null : ids[representative] };
    });
    appendLedger(tx, {
      communityId,
      type: "register.imported",
      actorId,
      subject: `register:${createHash("sha256").update(bytes).digest("hex")}`,
      payload: { households: written.length, members, created: written.length - replaced, replaced, written },
      at,
    });
    return { ok: true as const, households: written.length, members, created: written.length - replaced, replaced };
  });
}
