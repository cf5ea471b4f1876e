/**
 * The assembly's powers, as data (no I/O): what only a 村民会议 / 居民会议 may decide, and whether a
 * topic may go on a meeting's agenda. A topic that names a resolution to revoke or change
 * (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3) and a topic in a category only the assembly decides
 * (村委会组织法 Art. 28) go on an assembly's agenda — the latter also on a representatives' meeting's
 * when an authorisation of the assembly is in force on the meeting's day.
 */
import { ASSEMBLY_RULES, type MeetingBody } from "./assembly";
import { citeArticle, type ArticleKey } from "./rule-packs";
import type { TopicState } from "./states";

/** The states in which the committee may still name (or clear) the resolution a topic proposes to undo: before its text is frozen. */
export const UNDO_NAMEABLE_STATES: readonly TopicState[] = ["open", "screening", "drafting", "consulting"];

/** Art. 28 names the matters; the same article lets the assembly authorise the representatives' meeting. */
export const ASSEMBLY_MATTERS_ARTICLE: ArticleKey = "villagers:28";

export function undoArticle(kind: "urban" | "village"): ArticleKey {
  return ASSEMBLY_RULES[kind].articles.undo;
}

/** Why a topic may not be tabled on a meeting of this body, or null when it may. */
export type TablingBlock = "undoNeedsAssembly" | "assemblyMatter";

export function tablingBlock(body: MeetingBody, topic: { undoes: boolean; assemblyMatter: boolean; authorised: boolean }): TablingBlock | null {
  if (body === "assembly") return null;
  if (topic.undoes) return "undoNeedsAssembly";
  if (topic.assemblyMatter && !topic.authorised) return "assemblyMatter";
  return null;
}

/** Is an authorisation in force on `day` (YYYY-MM-DD): granted by then, not expired before it, never revoked. */
export function authorisationInForce(a: { grantedOn: string; expiresOn: string | null; revokedAt: Date | number | string | null }, day: string): boolean {
  return a.revokedAt === null && a.grantedOn <= day && (a.expiresOn === null || day <= a.expiresOn);
}

/** The articles the refusals and explanations cite, for a page's translation parameters. */
export function powersArticles(kind: "urban" | "village", language: "zh-CN" | "en") {
  return { undoArticle: citeArticle(undoArticle(kind), language), mattersArticle: citeArticle(ASSEMBLY_MATTERS_ARTICLE, language) };
}

