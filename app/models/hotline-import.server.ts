import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { type Tx } from "../../db/client.server";
import { topics } from "../../db/schema";
import { decodeCsv, parseHotlineCsv, type HotlineProblem, type HotlineRow } from "../forms/hotline";
import { msg } from "../forms/messages";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { listCatalogue } from "./rules.server";
import { createTopicInTx } from "./topic-create.server";
import { write } from "./write.server";

export type HotlineImport =
  | { ok: true; created: Array<{ id: number; number: number; title: string; ticket: string }> }
  | { ok: false; problems: HotlineProblem[] };

class ImportRefused extends Error {
  constructor(readonly problems: HotlineProblem[]) {
    super("hotline import refused");
  }
}

function alreadyImported(tx: Tx, communityId: number, rows: HotlineRow[]): HotlineProblem[] {
  const tickets = rows.map((r) => r.ticket);
  const found = new Set<string>();
  for (let i = 0; i < tickets.length; i += 200) {
    tx.select({ ref: topics.externalRef })
      .from(topics)
      .where(and(eq(topics.communityId, communityId), inArray(topics.externalRef, tickets.slice(i, i + 200))))
      .all()
      .forEach((r) => r.ref && found.add(r.ref));
  }
  return rows
    .filter((r) => found.has(r.ticket))
    .map((r) => ({ line: r.line, column: "ticket" as const, message: msg("propose.csv.alreadyImported", { ticket: encodeURIComponent(r.ticket) }) }));
}

/**
 * Imports a 12345 hotline CSV export into the community: every row checked first, and either all
 * rows become topics (source hotline, straight to screening, proposer = the importing committee
 * member, externalRef = the ticket) in one transaction, or nothing is written and every problem is
 * returned with its CSV line.
 */
export function importHotlineCsv({ communityId, actorId, bytes }: { communityId: number; actorId: number; bytes: Uint8Array }): HotlineImport {
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problems: [{ line: 1, column: null, message: msg("propose.csv.notUtf8") }] };
  const catalogue = listCatalogue({ communityId });
  const { rows, problems } = parseHotlineCsv(text, { categoryCodes: catalogue.map((c) => c.code) });
  if (problems.length) return { ok: false, problems };
  const categoryId = new Map(catalogue.map((c) => [c.code, c.id]));
  try {
    const created = write((tx) => {
      // Checked inside the transaction: two imports of the same file cannot both pass.
      const repeated = alreadyImported(tx, communityId, rows);
      if (repeated.length) throw new ImportRefused(repeated);
      const made = rows.map((row) => {
        const topic = createTopicInTx(tx, {
          communityId,
          proposerId: actorId,
          title: row.title,
          description: row.description,
          location: row.location,
          categoryId: row.category ? (categoryId.get(row.category) ?? null) : null,
          source: "hotline",
          externalRef: row.ticket,
        });
        return { ...topic, title: row.title, ticket: row.ticket, reportedAt: row.reportedAt };
      });
      appendLedger(tx, {
        communityId,
        type: "hotline.imported",
        actorId,
        subject: `hotline:${createHash("sha256").update(bytes).digest("hex")}`,
        payload: { count: made.length, tickets: made.map((m) => ({ ticket: m.ticket, topicId: m.id, reportedAt: m.reportedAt })) },
        at: now(),
      });
      return made.map(({ id, number, title, ticket }) => ({ id, number, title, ticket }));
    });
    return { ok: true, created };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}
