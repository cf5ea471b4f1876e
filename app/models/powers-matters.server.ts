// Matters only the assembly decides (村委会组织法 Art. 28): a catalogue entry with decidedBy 'assembly'
// goes on an assembly's agenda, or on a representatives' meeting's when an authorisation the
// assembly granted is in force on the meeting's day. The committee records and revokes authorisations.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { assemblyAuthorisations, catalogueEntries, meetings, topics } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import type { MeetingBody } from "../workflow/assembly";
import { authorisationInForce, tablingBlock, type TablingBlock } from "../workflow/powers";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { powersRefused, powersWrite, requireCommittee, type PowersActor, type PowersResult } from "./powers.server";
import { getTimeZone } from "./time-zone.server";

function authorisationsOf(tx: Tx, communityId: number, catalogueEntryId: number) {
  return tx
    .select()
    .from(assemblyAuthorisations)
    .where(and(eq(assemblyAuthorisations.communityId, communityId), eq(assemblyAuthorisations.catalogueEntryId, catalogueEntryId)))
    .all();
}

/** Why `topicId` may not go on a meeting of `body` on `day` (YYYY-MM-DD, the community's calendar), or null. */
export function tablingBlockOf(tx: Tx, { communityId, topicId, body, day }: { communityId: number; topicId: number; body: MeetingBody; day: string }): TablingBlock | null {
  const topic = tx
    .select({ undoes: topics.undoesResolutionId, categoryId: topics.categoryId, decidedBy: catalogueEntries.decidedBy })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  if (!topic) return null;
  const assemblyMatter = topic.decidedBy === "assembly";
  const authorised = assemblyMatter && topic.categoryId !== null && authorisationsOf(tx, communityId, topic.categoryId).some((a) => authorisationInForce(a, day));
  return tablingBlock(body, { undoes: topic.undoes !== null, assemblyMatter, authorised });
}

/** The check tableMotion makes: the meeting's body and its day against the topic. */
export function tablingBlockFor(tx: Tx, communityId: number, topicId: number, meeting: { body: MeetingBody; scheduledAt: Date }): TablingBlock | null {
  return tablingBlockOf(tx, { communityId, topicId, body: meeting.body, day: localDate(meeting.scheduledAt, getTimeZone(communityId)) });
}

/** For the meeting page's table form: whether this meeting may take the topic, said before the convener tries. */
export function meetingTablingBlock({ communityId, topicId, meeting }: { communityId: number; topicId: number; meeting: { body: MeetingBody; scheduledAt: Date | string } }): TablingBlock | null {
  return tablingBlockFor(getDb(), communityId, topicId, { body: meeting.body, scheduledAt: new Date(meeting.scheduledAt) });
}

/** For the topic page: whether a representatives' meeting held today could take the topic, and why not. */
export function topicTablingBlock({ communityId, topicId }: { communityId: number; topicId: number }): TablingBlock | null {
  return tablingBlockOf(getDb(), { communityId, topicId, body: "representatives", day: localDate(now(), getTimeZone(communityId)) });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 授权: the committee records that an ended assembly authorised the representatives' meeting to decide a category's matters, from a day, maybe until one. */
export function recordAuthorisation(
  input: PowersActor & { catalogueEntryId: number; scope: string; grantedOn: string; expiresOn: string | null; meetingId: number },
): PowersResult<{ id: number }> {
  return powersWrite((tx) => {
    requireCommittee(input);
    const entry = tx.select().from(catalogueEntries).where(and(eq(catalogueEntries.id, input.catalogueEntryId), eq(catalogueEntries.communityId, input.communityId))).get();
    if (!entry) throw powersRefused("notFound");
    if (entry.decidedBy !== "assembly") throw powersRefused("notAssemblyMatter");
    const meeting = tx.select().from(meetings).where(and(eq(meetings.id, input.meetingId), eq(meetings.communityId, input.communityId))).get();
    if (!meeting || meeting.body !== "assembly" || meeting.status !== "ended") throw powersRefused("notAssemblyMeeting");
    if (!DAY.test(input.grantedOn) || (input.expiresOn !== null && (!DAY.test(input.expiresOn) || input.expiresOn < input.grantedOn))) throw powersRefused("badDates");
    const at = now();
    const row = tx
      .insert(assemblyAuthorisations)
      .values({ communityId: input.communityId, catalogueEntryId: entry.id, scope: input.scope, grantedOn: input.grantedOn, expiresOn: input.expiresOn, meetingId: meeting.id, recordedBy: input.userId, createdAt: at })
      .returning({ id: assemblyAuthorisations.id })
      .get();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "authorisation.recorded",
      actorId: input.userId,
      subject: `authorisation:${row.id}`,
      payload: { category: entry.code, scope: input.scope, grantedOn: input.grantedOn, expiresOn: input.expiresOn, meeting: meeting.id },
      at,
    });
    return { id: row.id };
  });
}

/** The committee revokes an authorisation (the assembly withdrew it): from now on the category's matters go to the assembly again. */
export function revokeAuthorisation(input: PowersActor & { authorisationId: number }): PowersResult {
  return powersWrite((tx) => {
    requireCommittee(input);
    const row = tx.select().from(assemblyAuthorisations).where(and(eq(assemblyAuthorisations.id, input.authorisationId), eq(assemblyAuthorisations.communityId, input.communityId))).get();
    if (!row) throw powersRefused("notFound");
    if (row.revokedAt) throw powersRefused("alreadyRevoked");
    const at = now();
    tx.update(assemblyAuthorisations).set({ revokedAt: at }).where(and(eq(assemblyAuthorisations.id, row.id), isNull(assemblyAuthorisations.revokedAt))).run();
    appendLedger(tx, { communityId: input.communityId, type: "authorisation.revoked", actorId: input.userId, subject: `authorisation:${row.id}`, payload: { category: row.catalogueEntryId }, at });
    return {};
  });
}

/** The rules page's list: every authorisation, newest first, with its category, the assembly that granted it and whether it is in force today. */
export function listAuthorisations({ communityId }: { communityId: number }) {
  const today = localDate(now(), getTimeZone(communityId));
  return getDb()
    .select({ a: assemblyAuthorisations, nameZh: catalogueEntries.nameZh, nameEn: catalogueEntries.nameEn, meetingNumber: meetings.number, meetingTitle: meetings.title })
    .from(assemblyAuthorisations)
    .innerJoin(catalogueEntries, eq(catalogueEntries.id, assemblyAuthorisations.catalogueEntryId))
    .leftJoin(meetings, eq(meetings.id, assemblyAuthorisations.meetingId))
    .where(eq(assemblyAuthorisations.communityId, communityId))
    .orderBy(desc(assemblyAuthorisations.createdAt), desc(assemblyAuthorisations.id))
    .all()
    .map(({ a, ...rest }) => ({ id: a.id, scope: a.scope, grantedOn: a.grantedOn, expiresOn: a.expiresOn, revokedAt: a.revokedAt, meetingId: a.meetingId, inForce: authorisationInForce(a, today), ...rest }));
}

/** The ended assemblies an authorisation may name, most recent first. */
export function listEndedAssemblies({ communityId }: { communityId: number }) {
  return getDb()
    .select({ id: meetings.id, number: meetings.number, title: meetings.title, scheduledAt: meetings.scheduledAt })
    .from(meetings)
    .where(and(eq(meetings.communityId, communityId), eq(meetings.body, "assembly"), eq(meetings.status, "ended")))
    .orderBy(desc(meetings.scheduledAt))
    .limit(50)
    .all();
}

/** The categories only the assembly decides (the authorisation form's choice). */
export function listAssemblyCategories({ communityId }: { communityId: number }) {
  return getDb()
    .select({ id: catalogueEntries.id, nameZh: catalogueEntries.nameZh, nameEn: catalogueEntries.nameEn })
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.communityId, communityId), eq(catalogueEntries.decidedBy, "assembly")))
    .orderBy(asc(catalogueEntries.sortOrder))
    .all();
}
