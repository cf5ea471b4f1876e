import type { Role } from "./roles";
import type { TopicState } from "./states";

/** What people can do to a topic besides moving it. One value per capability. */
export const CAPABILITIES = ["cosign", "comment", "editDraft", "answerConsultation", "vote", "object", "reportProgress", "verify", "rate"] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What each state allows. A state that is not listed allows nothing (terminal states). */
export const STATE_ALLOWS: Record<TopicState, readonly Capability[]> = {
  open: ["cosign", "comment"],
  screening: ["comment"],
  drafting: ["comment", "editDraft"],
  consulting: ["comment", "editDraft", "answerConsultation"],
  onAgenda: ["vote"],
  publicity: ["object"],
  executing: ["comment", "reportProgress"],
  verifying: ["comment", "verify", "rate"],
  closed: [],
  rejected: [],
  expired: [],
  withdrawn: [],
  merged: [],
  failed: [],
};

/** Which roles hold each capability. */
export const CAPABILITY_ROLES: Record<Capability, readonly Role[]> = {
  cosign: ["resident"],
  comment: ["resident", "committee", "convener", "representative", "supervisor", "executor"],
  editDraft: ["committee"],
  // Supervisors take part in every consultation (居委会组织法 Art. 36, 村委会组织法 Art. 37).
  answerConsultation: ["resident", "representative", "supervisor"],
  // 组成人员: committee members vote like representatives (居委会组织法 Art. 28, 村委会组织法 Art. 29).
  vote: ["representative", "committeeMember"],
  object: ["resident", "representative"],
  reportProgress: ["executor"],
  verify: ["supervisor"],
  rate: ["resident"],
};

export function can(capability: Capability, state: TopicState, roles: readonly Role[]): boolean {
  return STATE_ALLOWS[state].includes(capability) && CAPABILITY_ROLES[capability].some((r) => roles.includes(r));
}
