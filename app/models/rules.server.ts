import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { cachedRead } from "../cache/cache.server";
import { catalogueEntries, communities, rules, topics } from "../../db/schema";
import { RULE_FIELDS, type CatalogueValues, type RulesValues } from "../forms/rules";
import { isPackId, type PackId } from "../workflow/legal-floors";
import { packForKind, RULE_PACKS, settingsFromPack, type RulePack } from "../workflow/rule-packs";
import type { JsonValue } from "./canonical-json";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

const rulesStatement = (db: Tx) => db.select().from(rules).where(eq(rules.communityId, sql.placeholder("communityId"))).prepare();
const statementOf = new WeakMap<Tx["$client"], ReturnType<typeof rulesStatement>>();

/**
 * The community's rules row: the one place the `rules` table is read. Read through `tx` inside a
 * write (it sees the write's own changes) or a tool's database of its own (the demo seed); the app's
 * connection otherwise. Undefined for a community without rules. Prepared once per connection.
 */
export function getRules({ communityId }: { communityId: number }, tx: Tx = getDb()) {
  let statement = statementOf.get(tx.$client);
  if (!statement) {
    statement = rulesStatement(tx);
    statementOf.set(tx.$client, statement);
  }
  return statement.get({ communityId });
}

/** `getRules` where a community without rules is a fault (every community made by the app has them). */
export function requireRules(communityId: number, tx?: Tx) {
  const row = getRules({ communityId }, tx);
  if (!row) throw new Error(`community ${communityId} has no rules`);
  return row;
}

/** The pack whose articles the community's rules are checked against (by its kind if the row names none we know). */
export function rulesPack(rulesRow: { pack: string }, kind: "urban" | "village"): PackId {
  return isPackId(rulesRow.pack) ? rulesRow.pack : packForKind(kind).id;
}

const catalogueOf = prepared((db) =>
  db
    .select()
    .from(catalogueEntries)
    .where(eq(catalogueEntries.communityId, sql.placeholder("communityId")))
    .orderBy(asc(catalogueEntries.sortOrder), asc(catalogueEntries.id))
    .prepare(),
);

/** The community's catalogue of matters (the hall's filter and the proposal form ask on every view). */
// Every hall view lists it (the filter's categories) and it changes only when the rules do.
const catalogue = cachedRead("catalogue", { tables: [catalogueEntries], community: (communityId: number) => communityId }, (communityId: number) => catalogueOf().all({ communityId }));

/** The community's categories, in order. Shared by every reader: callers read it, never change it. */
export function listCatalogue({ communityId }: { communityId: number }) {
  return catalogue(communityId);
}

/** How many topics of the community use each category (an entry in use cannot be removed). */
export function countTopicsByCategory({ communityId }: { communityId: number }): Map<number, number> {
  const rows = getDb()
    .select({ categoryId: topics.categoryId, n: count() })
    .from(topics)
    .where(eq(topics.communityId, communityId))
    .groupBy(topics.categoryId)
    .all();
  return new Map(rows.filter((r) => r.categoryId !== null).map((r) => [r.categoryId!, r.n]));
}

type Changes = Record<string, { before: JsonValue; after: JsonValue }>;

/** The fields whose value differs, each with its value before and after. */
function diff<T extends Record<string, JsonValue | undefined>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const a = after[key] ?? null;
    const b = before[key] ?? null;
    if (a !== b) changes[key] = { before: b, after: a };
  }
  return changes;
}

function slugOf(tx: Tx, communityId: number): string {
  return tx.select({ slug: communities.slug }).from(communities).where(eq(communities.id, communityId)).get()?.slug ?? String(communityId);
}

/** Writes new values and ONE `rules.changed` ledger entry (only the changed fields, before/after). */
function changeRules(tx: Tx, communityId: number, actorId: number, next: Partial<typeof rules.$inferInsert>, extra: Record<string, JsonValue> = {}) {
  const current = getRules({ communityId }, tx);
  if (!current) return { ok: false as const, problem: "notFound" as const };
  const { updatedAt: _u, communityId: _c, ...comparable } = current;
  const { updatedAt: _nu, communityId: _nc, ...wanted } = next;
  const changes = diff(comparable, wanted);
  if (Object.keys(changes).length === 0) return { ok: true as const, changed: [] as string[] };
  const at = now();
  tx.update(rules).set({ ...wanted, updatedAt: at }).where(eq(rules.communityId, communityId)).run();
  appendLedger(tx, { communityId, type: "rules.changed", actorId, subject: `rules:${slugOf(tx, communityId)}`, payload: { changes, ...extra }, at });
  return { ok: true as const, changed: Object.keys(changes) };
}

/** The street admin sets the rules' numbers. Nothing is written when nothing changed. */
export function updateRules({ communityId, actorId, values }: { communityId: number; actorId: number; values: RulesValues }) {
  const next = Object.fromEntries(RULE_FIELDS.map((f) => [f, values[f]]));
  return write((tx) => changeRules(tx, communityId, actorId, next));
}

/** Switches to a named rule pack: every number back to the pack's defaults, with its legal basis. */
export function applyRulePack({ communityId, actorId, packId }: { communityId: number; actorId: number; packId: RulePack["id"] }) {
  const pack = RULE_PACKS[packId];
  const next = settingsFromPack(pack);
  return write((tx) => changeRules(tx, communityId, actorId, next, { pack: pack.id }));
}

/** A category as the form gives it; callers from before the revised laws may leave the new flags out. */
type CatalogueInput = Omit<CatalogueValues, CatalogueFlag> & Partial<Pick<CatalogueValues, CatalogueFlag>>;
type CatalogueFlag = "important" | "fourTwo" | "passOfAll" | "ownersDecide" | "consultationOptional" | "assemblyDecides";

function entryValues(values: CatalogueInput) {
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    needsVote: values.needsVote,
    needsPublicity: values.needsPublicity,
    important: values.important ?? false,
    fourTwo: values.fourTwo ?? false,
    passOfAll: values.passOfAll ?? false,
    ownersDecide: values.ownersDecide ?? false,
    consultationOptional: values.consultationOptional ?? false,
    decidedBy: values.assemblyDecides ? ("assembly" as const) : ("representatives" as const),
    passNum: values.passNum ?? null,
    passDen: values.passDen ?? null,
  };
}

/** A code for a new entry, from its English name, unique in the community. */
function newCode(tx: Tx, communityId: number, nameEn: string): string {
  const base = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 30) || "category";
  const taken = new Set(tx.select({ code: catalogueEntries.code }).from(catalogueEntries).where(eq(catalogueEntries.communityId, communityId)).all().map((r) => r.code));
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  return code;
}

export function addCatalogueEntry({ communityId, actorId, values }: { communityId: number; actorId: number; values: CatalogueInput }) {
  return write((tx) => {
    const entry = entryValues(values);
    const code = newCode(tx, communityId, values.nameEn);
    const sortOrder = (tx.select({ n: sql<number | null>`max(${catalogueEntries.sortOrder})` }).from(catalogueEntries).where(eq(catalogueEntries.communityId, communityId)).get()?.n ?? -1) + 1;
    const { id } = tx.insert(catalogueEntries).values({ communityId, code, sortOrder, ...entry }).returning({ id: catalogueEntries.id }).get();
    appendLedger(tx, { communityId, type: "catalogue.added", actorId, subject: `catalogue:${code}`, payload: { id, code, ...entry } });
    return { ok: true as const, id, code };
  });
}

function entryOf(tx: Tx, communityId: number, id: number) {
  return tx.select().from(catalogueEntries).where(and(eq(catalogueEntries.id, id), eq(catalogueEntries.communityId, communityId))).get();
}

export function updateCatalogueEntry({ communityId, actorId, id, values }: { communityId: number; actorId: number; id: number; values: CatalogueInput }) {
  return write((tx) => {
    const current = entryOf(tx, communityId, id);
    if (!current) return { ok: false as const, problem: "notFound" as const };
    const next = entryValues(values);
    const changes = diff(current, next);
    if (Object.keys(changes).length === 0) return { ok: true as const, changed: [] as string[] };
    tx.update(catalogueEntries).set(next).where(eq(catalogueEntries.id, id)).run();
    appendLedger(tx, { communityId, type: "catalogue.changed", actorId, subject: `catalogue:${current.code}`, payload: { id, code: current.code, changes } });
    return { ok: true as const, changed: Object.keys(changes) };
  });
}

/** Removes an entry no topic uses; an entry in use stays (its topics would lose their category). */
export function removeCatalogueEntry({ communityId, actorId, id }: { communityId: number; actorId: number; id: number }) {
  return write((tx) => {
    const current = entryOf(tx, communityId, id);
    if (!current) return { ok: false as const, problem: "notFound" as const };
    const used = tx.select({ n: count() }).from(topics).where(and(eq(topics.communityId, communityId), eq(topics.categoryId, id))).get()?.n ?? 0;
    if (used > 0) return { ok: false as const, problem: "inUse" as const, topics: used };
    tx.delete(catalogueEntries).where(eq(catalogueEntries.id, id)).run();
    appendLedger(tx, { communityId, type: "catalogue.removed", actorId, subject: `catalogue:${current.code}`, payload: { id, code: current.code, nameZh: current.nameZh, nameEn: current.nameEn } });
    return { ok: true as const };
  });
}
