/** Community roles (per membership). Pure data: safe to import from the browser. */
/**
 * committee: 议事会 (screens, drafts, consults). committeeMember: a member of the 居民委员会 / 村民委员会
 * itself, who sits in the representatives' meeting as one of its 组成人员 (居委会组织法 Art. 28,
 * 村委会组织法 Art. 29). party: the community's party organisation, which studies important matters
 * before they go to the vote (居委会组织法 Art. 30 ¶4, 村委会组织法 Art. 28 ¶3).
 */
export const ROLES = ["resident", "committee", "committeeMember", "convener", "representative", "supervisor", "executor", "party"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
