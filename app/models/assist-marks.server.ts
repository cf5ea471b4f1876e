import { inArray } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { users } from "../../db/schema";

/**
 * The ledger page's 代录 marks: for each entry whose payload says staff recorded the act
 * (`assisted: { by, channel }`, decision 040), the recorder's name and the channel, by the entry's seq.
 */
export function ledgerAssistMarks(entries: readonly { seq: number; payload: string }[]): Record<number, { by: string; channel: string }> {
  const told = new Map<number, { by: number; channel: string }>();
  for (const e of entries) {
    if (!e.payload.includes('"assisted"')) continue;
    const a = (JSON.parse(e.payload) as { assisted?: { by?: unknown; channel?: unknown } }).assisted;
    if (typeof a?.by === "number" && typeof a.channel === "string") told.set(e.seq, { by: a.by, channel: a.channel });
  }
  if (told.size === 0) return {};
  const ids = [...new Set([...told.values()].map((a) => a.by))];
  const names = new Map(getDb().select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name]));
  return Object.fromEntries([...told].map(([seq, a]) => [seq, { by: names.get(a.by) ?? "", channel: a.channel }]));
}
