import { isDeepStrictEqual } from "node:util";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { cachedRead } from "../cache/cache.server";
import { draftFreezes, meetings, motions, topics } from "../../db/schema";
import { meetingMay, meetingOver } from "../workflow/meeting-lifecycle";
import { LIVE_MOTION_STATUSES } from "../workflow/motion-lifecycle";
import { now } from "./clock.server";

/** What lists of meetings show: the meetings page, the hall's banner, the agenda's choice of topics. */
/** Topics whose frozen text may be tabled: waiting for the vote and on no other open agenda. */
export function listTableableTopics({ communityId }: { communityId: number }) {
  const db = getDb();
  const open = db.select({ topicId: motions.topicId }).from(motions).where(and(eq(motions.communityId, communityId), inArray(motions.status, [...LIVE_MOTION_STATUSES])));
  return db
    .select({ id: topics.id, number: topics.number, title: topics.title, sha256: draftFreezes.sha256 })
    .from(topics)
    .innerJoin(draftFreezes, eq(draftFreezes.topicId, topics.id))
    .where(and(eq(topics.communityId, communityId), eq(topics.state, "onAgenda"), sql`${topics.id} not in ${open}`))
    .orderBy(asc(topics.number))
    .all();
}

export function listMeetings({ communityId }: { communityId: number }) {
  const db = getDb();
  const rows = db.select().from(meetings).where(eq(meetings.communityId, communityId)).orderBy(desc(meetings.scheduledAt)).limit(100).all();
  const ids = rows.map((m) => m.id);
  const agenda = ids.length
    ? db
        .select({ meetingId: motions.meetingId, id: motions.id, topicId: motions.topicId, number: topics.number, title: topics.title, status: motions.status, passed: motions.passed })
        .from(motions)
        .innerJoin(topics, eq(topics.id, motions.topicId))
        .where(inArray(motions.meetingId, ids))
        .orderBy(asc(motions.position))
        .all()
    : [];
  return rows.map((m) => ({ ...m, motions: agenda.filter((a) => a.meetingId === m.id) }));
}

/**
 * The meetings page's three lists: 即将召开 (in session, or scheduled for a time still to come; soonest
 * first), 已过期未召开 (scheduled for a time that has passed on the server's clock and never opened:
 * the convener may still open or call it off) and 往次会议 (ended, 流会 or cancelled; latest first).
 */
export function listMeetingGroups({ communityId }: { communityId: number }) {
  const at = now().getTime();
  const all = listMeetings({ communityId });
  const overdue = (m: (typeof all)[number]) => meetingMay(m.status, "start") && m.scheduledAt.getTime() <= at;
  return {
    upcoming: all.filter((m) => !meetingOver(m.status) && !overdue(m)).reverse(),
    overdue: all.filter(overdue),
    past: all.filter((m) => meetingOver(m.status)),
  };
}

const meetingCard = { id: meetings.id, number: meetings.number, title: meetings.title, place: meetings.place, scheduledAt: meetings.scheduledAt, status: meetings.status };

const meetingInSession = prepared((db) =>
  db
    .select(meetingCard)
    .from(meetings)
    .where(and(eq(meetings.communityId, sql.placeholder("communityId")), eq(meetings.status, "inSession")))
    .orderBy(asc(meetings.scheduledAt))
    .limit(1)
    .prepare(),
);

const nextMeeting = prepared((db) =>
  db
    .select(meetingCard)
    .from(meetings)
    .where(and(eq(meetings.communityId, sql.placeholder("communityId")), eq(meetings.status, "scheduled"), sql`${meetings.scheduledAt} > ${sql.placeholder("now")}`))
    .orderBy(asc(meetings.scheduledAt))
    .limit(1)
    .prepare(),
);

const agendaSize = prepared((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(motions)
    .where(eq(motions.meetingId, sql.placeholder("meetingId")))
    .prepare(),
);

/** The meeting the hall points to: one in session, else the next one scheduled (with its agenda size). Prepared: every hall view asks. */
export function currentMeeting({ communityId }: { communityId: number }) {
  const at = now().getTime();
  const meeting = meetingOfHall({ communityId, at });
  // A scheduled meeting stops being the next one when its time comes: then it is read afresh.
  if (meeting?.status === "scheduled" && meeting.scheduledAt.getTime() <= at) return readCurrentMeeting({ communityId, at });
  return meeting;
}

function readCurrentMeeting({ communityId, at }: { communityId: number; at: number }) {
  const meeting = meetingInSession().get({ communityId }) ?? nextMeeting().get({ communityId, now: at });
  if (!meeting) return null;
  return { ...meeting, agenda: agendaSize().get({ meetingId: meeting.id })?.n ?? 0 };
}

// The same for everyone in the community until a write to its meetings (or until the next meeting's time comes).
const meetingOfHall = cachedRead(
  "hall-meeting",
  {
    tables: [meetings, motions],
    community: ({ communityId }: { communityId: number; at: number }) => communityId,
    key: () => "",
    // A remembered scheduled meeting whose time has come is read afresh by currentMeeting.
    same: (remembered, fresh) => isDeepStrictEqual(remembered, fresh) || (remembered?.status === "scheduled" && remembered.scheduledAt.getTime() <= now().getTime()),
  },
  readCurrentMeeting,
);
