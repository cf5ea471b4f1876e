import { redirect, type AppLoadContext } from "@remix-run/node";
import { getCommunityBySlug, getMemberRoles, getStreetBySlug, isStreetAdmin, isStreetMember, type Community } from "../models/community.server";
import { departmentIdsOf } from "../models/department.server";
import type { Role } from "../workflow/roles";
import { ACCESS, decide, type AccessKey, type Audience, type Decision, type PublicAccessKey } from "./permissions";
import type { SessionUser } from "./session.server";

// Guards throw responses: a route's first line says who may be here.
export interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

function refuse(decision: Exclude<Decision, "allow">, request: Request): never {
  if (decision === "signIn") {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (decision === "notFound") notFound();
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function getUser({ context }: GuardArgs): SessionUser | null {
  return context.auth?.user ?? null;
}

export function requireUser(args: GuardArgs): SessionUser {
  const user = getUser(args);
  if (!user) refuse("signIn", args.request);
  return user;
}

export interface CommunityAccess {
  user: SessionUser;
  community: Community;
  roles: Role[];
  isStreetAdmin: boolean;
}

interface Standing {
  community: Community;
  roles: Role[];
  isStreetAdmin: boolean;
}

// The community layout and the page below it both ask who this person is in the community, in the
// same request (loaders share one load context): asked once per request. Only for reads: an action
// may change what someone holds, and the loaders that run after it in the same request ask afresh.
const standings = new WeakMap<AppLoadContext, Map<string, Standing | null>>();

function readStanding(args: GuardArgs, slug: string): Standing | null {
  const community = getCommunityBySlug(slug);
  if (!community) return null;
  const user = getUser(args);
  return {
    community,
    roles: user ? getMemberRoles({ userId: user.id, communityId: community.id }) : [],
    isStreetAdmin: user ? isStreetAdmin({ userId: user.id, streetId: community.streetId }) : false,
  };
}

/** The community of a well-formed slug and what the signed-in person (if any) holds there; null when there is none. */
function standingIn(args: GuardArgs, slug: string | undefined): Standing | null {
  if (!slug || !SLUG.test(slug)) return null;
  if (args.request.method !== "GET" && args.request.method !== "HEAD") return readStanding(args, slug);
  let known = standings.get(args.context);
  if (!known) {
    known = new Map();
    standings.set(args.context, known);
  }
  let standing = known.get(slug);
  if (standing === undefined) {
    standing = readStanding(args, slug);
    known.set(slug, standing);
  }
  return standing;
}

/** The status of a post to an archived community: the error page says it is archived and read-only. */
export const ARCHIVED_STATUS = 423;

/**
 * An archived community is read-only (issue 18): every post under /c/:community is refused here, in
 * the guards every action begins with, after who may post was decided (outsiders still get 404).
 */
function refuseIfArchived(args: GuardArgs, community: Community): void {
  const method = args.request.method;
  if (community.archivedAt && method !== "GET" && method !== "HEAD") throw new Response("Archived", { status: ARCHIVED_STATUS, statusText: "Locked" });
}

function checkCommunity(args: GuardArgs, slug: string | undefined, audience: Audience): CommunityAccess {
  const user = getUser(args);
  const standing = standingIn(args, slug);
  if (!user) refuse("signIn", args.request);
  if (!standing) notFound();
  const { community, roles, isStreetAdmin: admin } = standing;
  const decision = decide(audience, { signedIn: true, isMember: roles.length > 0, roles, isStreetAdmin: admin });
  if (decision !== "allow") refuse(decision, args.request);
  refuseIfArchived(args, community);
  return { user, community, roles, isStreetAdmin: admin };
}

/** For a page of the permission matrix: `requireAccess(args, params.community, "hall")`. */
export function requireAccess(args: GuardArgs, slug: string | undefined, key: AccessKey): CommunityAccess {
  return checkCommunity(args, slug, ACCESS[key].audience);
}

/**
 * The community exists (its name is public: the home page lists it); nobody needs to be signed in.
 * Tells who is asking, if anyone, and what they hold there. The community layout uses it; every page
 * below it still guards itself.
 */
export function requireCommunity(args: GuardArgs, slug: string | undefined) {
  const standing = standingIn(args, slug) ?? notFound();
  refuseIfArchived(args, standing.community);
  return { user: getUser(args), ...standing };
}

/** For a public page of a community (audience "anyone" in ACCESS, e.g. the board). */
export function requirePublicAccess(args: GuardArgs, slug: string | undefined, key: PublicAccessKey) {
  if (ACCESS[key].audience !== "anyone") throw new Error(`${key} is not a public page`);
  return requireCommunity(args, slug);
}

/** For a post whose audience is narrower than its page's (the register's edits: `REGISTER_EDITORS`). */
export function requireAudience(args: GuardArgs, slug: string | undefined, audience: Audience): CommunityAccess {
  return checkCommunity(args, slug, audience);
}

export function requireMember(args: GuardArgs, slug: string | undefined): CommunityAccess {
  return checkCommunity(args, slug, "member");
}

export function requireRole(args: GuardArgs, slug: string | undefined, roles: Role | readonly Role[]): CommunityAccess {
  return checkCommunity(args, slug, { roles: typeof roles === "string" ? [roles] : roles });
}

/**
 * The street's staff (issue 19): its admin, or a contact person of one of its departments. Residents
 * of the street's communities learn the page exists (403); outsiders do not (404).
 */
export function requireStreetStaff(args: GuardArgs, streetSlug: string | undefined) {
  const user = requireUser(args);
  const street = streetSlug && SLUG.test(streetSlug) ? getStreetBySlug(streetSlug) : undefined;
  if (!street) notFound();
  const departmentIds = departmentIdsOf({ userId: user.id, streetId: street.id });
  const admin = isStreetAdmin({ userId: user.id, streetId: street.id });
  const decision = decide("streetStaff", {
    signedIn: true,
    isMember: departmentIds.length > 0 || isStreetMember({ userId: user.id, streetId: street.id }),
    roles: [],
    isStreetAdmin: admin,
    isDepartmentContact: departmentIds.length > 0,
  });
  if (decision !== "allow") refuse(decision, args.request);
  return { user, street, isAdmin: admin, departmentIds };
}

export function requireStreetAdmin(args: GuardArgs, streetSlug: string | undefined) {
  const user = requireUser(args);
  const street = streetSlug && SLUG.test(streetSlug) ? getStreetBySlug(streetSlug) : undefined;
  if (!street) notFound();
  // Residents of the street's communities learn the page exists (403); outsiders do not (404).
  const decision = decide("streetAdmin", {
    signedIn: true,
    isMember: isStreetMember({ userId: user.id, streetId: street.id }),
    roles: [],
    isStreetAdmin: isStreetAdmin({ userId: user.id, streetId: street.id }),
  });
  if (decision !== "allow") refuse(decision, args.request);
  return { user, street };
}
