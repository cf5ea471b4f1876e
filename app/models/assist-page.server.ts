import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { assistedActs, memberships, topics, users } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { listMyAssistedActs } from "./assist-withdraw.server";

const person = alias(users, "person");
const recorder = alias(users, "recorder");

/** The residents staff may record for: members of this community with the resident role, pending roster accounts included. */
function listResidents(communityId: number) {
  return getDb()
    .select({ id: users.id, name: users.displayName, pending: users.pending })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, "resident")))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(2000)
    .all();
}

/** The topics each kind of act could be recorded on now (the model checks again): collecting, in consultation, being rated. */
function listActiveTopics(communityId: number) {
  const rows = getDb()
    .select({ id: topics.id, number: topics.number, title: topics.title, state: topics.state })
    .from(topics)
    .where(and(eq(topics.communityId, communityId), inArray(topics.state, ["open", "consulting", "verifying"])))
    .orderBy(desc(topics.number))
    .limit(500)
    .all();
  const of = (state: string) => rows.filter((r) => r.state === state).map(({ id, number, title }) => ({ id, number, title }));
  return { cosign: of("open"), answer: of("consulting"), rating: of("verifying") };
}

/** The latest acts recorded in this community, for the staff who record them. */
function listRecentActs(communityId: number) {
  return getDb()
    .select({ id: assistedActs.id, kind: assistedActs.kind, channel: assistedActs.channel, person: person.displayName, by: recorder.displayName, number: topics.number, title: topics.title, createdAt: assistedActs.createdAt, withdrawnAt: assistedActs.withdrawnAt })
    .from(assistedActs)
    .innerJoin(person, eq(person.id, assistedActs.personId))
    .innerJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
    .innerJoin(topics, eq(topics.id, assistedActs.topicId))
    .where(eq(assistedActs.communityId, communityId))
    .orderBy(desc(assistedActs.id))
    .limit(20)
    .all();
}

/** The assist page: staff get the forms and the recent acts; everyone gets what was recorded for them. */
export function loadAssistPage({ communityId, userId, roles }: { communityId: number; userId: number; roles: readonly Role[] }) {
  const staff = roles.includes("committee");
  return {
    staff,
    residents: staff ? listResidents(communityId).filter((r) => r.id !== userId) : [],
    topics: staff ? listActiveTopics(communityId) : { cosign: [], answer: [], rating: [] },
    recent: staff ? listRecentActs(communityId) : [],
    mine: listMyAssistedActs({ communityId, userId }),
  };
}
