/** Community roles (per membership). Pure data: safe to import from the browser. */
export const ROLES = ["resident", "committee", "convener", "representative", "supervisor", "executor"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
