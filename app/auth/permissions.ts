import type { Role } from "../workflow/roles";

/**
 * Who may open each page: the whole permission matrix in one table. The guards in
 * guards.server.ts enforce it and tests/integration/permissions.test.ts walks it for every demo role.
 *
 * - anyone: no sign-in needed
 * - signedIn: any signed-in person
 * - member: a member of the community (any role), or an admin of the street it belongs to
 * - roles: a member holding at least one of the roles (and, with `streetAdmin: true`, the street's admins too)
 * - streetAdmin: an admin of the street (of the community's street, on community pages)
 * - streetStaff: an admin of the street, or a contact person of one of its departments (issue 19: the departments' queue)
 */
export type Audience = "anyone" | "signedIn" | "member" | "streetAdmin" | "streetStaff" | { roles: readonly Role[]; streetAdmin?: true };

export interface RouteAccess {
  /** A concrete path pattern; placeholders: `:community`, `:street`, `:topicId`, `:photoId`, `:meetingId`. */
  path: string;
  audience: Audience;
}

export const ACCESS = {
  home: { path: "/", audience: "anyone" },
  login: { path: "/login", audience: "anyone" },
  join: { path: "/join", audience: "anyone" },
  sessions: { path: "/account/sessions", audience: "signedIn" },
  notifications: { path: "/notifications", audience: "signedIn" },
  hall: { path: "/c/:community", audience: "member" },
  ledger: { path: "/c/:community/ledger", audience: "member" },
  rules: { path: "/c/:community/rules", audience: "member" },
  topic: { path: "/c/:community/topics/:topicId", audience: "member" },
  draft: { path: "/c/:community/topics/:topicId/draft", audience: "member" },
  consultation: { path: "/c/:community/topics/:topicId/consultation", audience: "member" },
  minutes: { path: "/c/:community/topics/:topicId/minutes/:meetingId", audience: "member" },
  // 撤销 / 变更: the committee names the resolution a topic proposes to undo (issue 17, powers).
  topicUndo: { path: "/c/:community/topics/:topicId/undo", audience: { roles: ["committee"] } },
  proposeTopic: { path: "/c/:community/topics/new", audience: { roles: ["resident", "committee"] } },
  importHotline: { path: "/c/:community/topics/import", audience: { roles: ["committee"] } },
  photo: { path: "/c/:community/photos/:photoId", audience: "member" },
  board: { path: "/c/:community/board", audience: "anyone" },
  meetings: { path: "/c/:community/meetings", audience: "member" },
  meeting: { path: "/c/:community/meetings/:meetingId", audience: "member" },
  // The projector in the hall: counts only (no names), so anyone in the room may open it.
  meetingScreen: { path: "/c/:community/meetings/:meetingId/screen", audience: "anyone" },
  meetingEvents: { path: "/c/:community/meetings/:meetingId/events", audience: "anyone" },
  meetingMinutes: { path: "/c/:community/meetings/:meetingId/minutes", audience: "member" },
  meetingBallots: { path: "/c/:community/meetings/:meetingId/ballots.csv", audience: "member" },
  // The assembly's door (issue 17): staff check people in from the register's roll (names: staff only).
  meetingDoor: { path: "/c/:community/meetings/:meetingId/door", audience: { roles: ["convener", "committee"] } },
  execution: { path: "/c/:community/topics/:topicId/execution", audience: "member" },
  units: { path: "/c/:community/units", audience: "member" },
  supervision: { path: "/c/:community/supervision", audience: { roles: ["supervisor", "committee"] } },
  // 户籍登记: personal data, read by those who run and oversee the assembly; edited by the committee and the street (REGISTER_EDITORS).
  register: { path: "/c/:community/register", audience: { roles: ["committee", "committeeMember", "convener", "supervisor"], streetAdmin: true } },
  registerTemplate: { path: "/c/:community/register/template.csv", audience: { roles: ["committee", "committeeMember", "convener", "supervisor"], streetAdmin: true } },
  // 民主评议 (issue 17): every member sees it; the model decides who opens, votes, counts and closes.
  appraisals: { path: "/c/:community/appraisals", audience: "member" },
  // The public board's parts: the Atom feed, the ledger check and evidence photos of public works.
  boardFeed: { path: "/c/:community/board/feed.xml", audience: "anyone" },
  boardVerify: { path: "/c/:community/board/verify", audience: "anyone" },
  boardPhoto: { path: "/c/:community/board/photos/:photoId", audience: "anyone" },
  street: { path: "/s/:street", audience: "streetAdmin" },
  streetInvites: { path: "/s/:street/invites", audience: "streetAdmin" },
  streetMembers: { path: "/s/:street/members", audience: "streetAdmin" },
  // Issue 19, part calls: the calls on the street's departments — a contact sees its department's, the admin all.
  streetCalls: { path: "/s/:street/calls", audience: "streetStaff" },
  streetCall: { path: "/s/:street/calls/:callId", audience: "streetStaff" },
  // mail (issue 18): each person's e-mail address and how each kind of notification reaches them.
  notificationPrefs: { path: "/account/notifications", audience: "signedIn" },
  // Issue 18, part roster: rosters by CSV and invite letters (names, households, codes: staff only).
  roster: { path: "/c/:community/roster", audience: { roles: ["committee"], streetAdmin: true } },
  rosterTemplate: { path: "/c/:community/roster/template.csv", audience: { roles: ["committee"], streetAdmin: true } },
  streetRoster: { path: "/s/:street/roster", audience: "streetAdmin" },
  streetRosterTemplate: { path: "/s/:street/roster/template.csv", audience: "streetAdmin" },
  // Issue 18, part setup: the street admin adds, renames, archives and restores communities.
  streetCommunities: { path: "/s/:street/communities", audience: "streetAdmin" },
  // Issue 19, part departments: the street's departments, their contacts and invites (department contacts: 403).
  streetDepartments: { path: "/s/:street/departments", audience: "streetAdmin" },
  // 代录 (issue 18, part assist): every member sees what was recorded for them; the model lets only the committee record.
  assist: { path: "/c/:community/assist", audience: "member" },
  // Issue 19, part reports: 12345 both ways (the export also takes a hotline token, see app/actions/hotline-export.server.ts) and 综合评价.
  streetHotline: { path: "/s/:street/hotline", audience: "streetAdmin" },
  streetHotlineCsv: { path: "/s/:street/hotline/export.csv", audience: "streetAdmin" },
  streetHotlineJson: { path: "/s/:street/hotline/export.json", audience: "streetAdmin" },
  streetEvaluation: { path: "/s/:street/evaluation", audience: "streetAdmin" },
} as const satisfies Record<string, RouteAccess>;

export type AccessKey = keyof typeof ACCESS;

/** Who may change the register (its page's posts): the committee, and the admin of the community's street. */
export const REGISTER_EDITORS = { roles: ["committee"], streetAdmin: true } as const satisfies Audience;

/** Pages anyone may open, signed in or not. */
export type PublicAccessKey = { [K in AccessKey]: (typeof ACCESS)[K]["audience"] extends "anyone" ? K : never }[AccessKey];

/** The pure decision the guards make once they know who is asking. */
export type Decision = "allow" | "signIn" | "notFound" | "forbidden";

export function decide(
  audience: Audience,
  who: { signedIn: boolean; isMember: boolean; roles: readonly Role[]; isStreetAdmin: boolean; isDepartmentContact?: boolean },
): Decision {
  if (audience === "anyone") return "allow";
  if (!who.signedIn) return "signIn";
  if (audience === "signedIn") return "allow";
  const belongs = who.isMember || who.isStreetAdmin;
  // Outsiders learn nothing, not even that the place exists.
  if (!belongs) return "notFound";
  if (audience === "member") return "allow";
  if (audience === "streetAdmin") return who.isStreetAdmin ? "allow" : "forbidden";
  if (audience === "streetStaff") return who.isStreetAdmin || who.isDepartmentContact ? "allow" : "forbidden";
  if (audience.streetAdmin && who.isStreetAdmin) return "allow";
  return audience.roles.some((role) => who.roles.includes(role)) ? "allow" : "forbidden";
}
