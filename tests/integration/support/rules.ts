// The rules page's forms as a browser sends them, and what a refusal must leave untouched.
import { eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { catalogueEntries, ledgerEntries, rules } from "../../../db/schema";
import { getRules } from "~/models/rules.server";
import { communityId } from "./db";

/** The rules form as the page sends it, from the community's current rules, with some fields changed (null: left out). */
export function rulesForm(slug: string, changes: Record<string, string | null> = {}) {
  const r = getRules({ communityId: communityId(slug) })!;
  const form: Record<string, string> = { intent: "rules" };
  for (const [key, value] of Object.entries(r)) {
    if (["communityId", "pack", "basisZh", "basisEn", "updatedAt", "lawRevision"].includes(key)) continue;
    if (typeof value === "boolean") {
      if (value) form[key] = "on";
    } else form[key] = String(value);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete form[key];
    else form[key] = value;
  }
  return form;
}

/** The community's rules, catalogue and ledger length: a refused form changes none of them. */
export function rulesSnapshot(slug: string) {
  const id = communityId(slug);
  return {
    rules: getDb().select().from(rules).where(eq(rules.communityId, id)).get(),
    catalogue: getDb().select().from(catalogueEntries).where(eq(catalogueEntries.communityId, id)).all(),
    ledger: getDb().select().from(ledgerEntries).where(eq(ledgerEntries.communityId, id)).all().length,
  };
}
