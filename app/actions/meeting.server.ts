import { json, redirect } from "@remix-run/node";
import { getDb } from "../../db/client.server";
import { notFound } from "../auth/guards.server";
import { castBallotTogether, closeVote, openVote } from "../models/ballot.server";
import { createMeetingRequest, signMeetingRequest } from "../models/meeting-request.server";
import { tableMotion, withdrawMotion } from "../models/meeting-agenda.server";
import { attendAsObserver, checkIn } from "../models/meeting-attendance.server";
import { meetingRow, scheduleMeeting, type MeetingProblem, type MeetingResult } from "../models/meeting.server";
import { cancelMeeting, endMeeting, startMeeting } from "../models/meeting-session.server";
import type { Role } from "../workflow/roles";
import { recordCountedTally } from "../models/assembly-count.server";
import { checkInAtDoor } from "../models/assembly-door.server";
import { cancelSchema, checkInSchema, closeSchema, countSchema, DOOR_INTENTS, doorCheckInSchema, endSchema, MEETING_INTENTS, MEETINGS_INTENTS, observeSchema, openSchema, pickIntent, requestSchema, scheduleSchema, signSchema, startSchema, tableSchema, voteSchema, withdrawMotionSchema } from "../forms/meetings";
import { readForm } from "./read-form.server";
import { instantOfWallTime } from "../i18n/time-zone";
import { getTimeZone } from "../models/time-zone.server";
import { parseForm } from "./parse-form.server";
import { DomainError } from "../models/domain-error.server";
import { answerRefusal } from "./refusal.server";
import { handleAssemblyRequestPost } from "./powers.server";

interface Poster {
  request: Request;
  communityId: number;
  communitySlug: string;
  userId: number;
  roles: readonly Role[];
}

// Not allowed for this person: 403. Allowed but not now (closed, not open, not checked in, already done): 409.
const STATUS: Partial<Record<MeetingProblem, number>> = { wrongRole: 403, notRepresentative: 403 };

function refusal(intent: string | null, problem: MeetingProblem, result: unknown = null) {
  return answerRefusal({ ok: false, problem }, { intent, result }, STATUS);
}

const invalid = (intent: string | null, result: unknown) => json({ intent, problem: null, result }, { status: 400 });

/**
 * An irreversible one-tap act (散会, 结束表决, a ballot) posted without its ticked box: 400 with the
 * translated reason (meetings.problems.confirmRequired), whatever page or script posted it.
 */
function unconfirmed(intent: string, submission: { error?: Record<string, unknown> | null; reply: () => unknown }) {
  if (submission.error?.confirm) return json({ intent, problem: "confirmRequired" as const, result: submission.reply() }, { status: 400 });
  return invalid(intent, submission.reply());
}

function settle<T extends object>(intent: string, r: MeetingResult<T>, to: string, result: unknown = null) {
  return r.ok ? redirect(to) : refusal(intent, r.problem, result);
}

/** Posts of `/c/:community/meetings`: schedule a meeting, ask for one, sign a request. */
export async function handleMeetingsAction({ request, communityId, communitySlug, userId, roles }: Poster) {
  const formData = await readForm(request);
  const intent = pickIntent(MEETINGS_INTENTS, formData.get("intent"));
  const actor = { communityId, userId, roles };
  const base = `/c/${communitySlug}/meetings`;
  switch (intent) {
    case "schedule": {
      const submission = parseForm(formData, scheduleSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const { title, place, scheduledAt, requestId, acceptShortNotice, body, countBy } = submission.value;
      const at = instantOfWallTime(scheduledAt, getTimeZone(communityId));
      const r = scheduleMeeting({ ...actor, title, place, scheduledAt: at, requestId: requestId ?? null, acceptShortNotice, body, countBy: countBy ?? null });
      return r.ok ? redirect(`${base}/${r.id}`) : refusal(intent, r.problem, submission.reply());
    }
    case "request": {
      const submission = parseForm(formData, requestSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const r = createMeetingRequest({ ...actor, reason: submission.value.reason });
      return r.ok ? redirect(`${base}#request-${r.id}`) : refusal(intent, r.problem, submission.reply());
    }
    case "sign": {
      const submission = parseForm(formData, signSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      return settle(intent, signMeetingRequest({ ...actor, requestId: submission.value.requestId }), `${base}#request-${submission.value.requestId}`);
    }
    // Asking for an assembly, online or on paper (村委会组织法 Art. 25; 居委会组织法 Art. 26): powers.server.ts.
    case "requestAssembly":
    case "petition":
      return handleAssemblyRequestPost({ intent, formData, actor, base });
    default:
      return invalid(null, null);
  }
}

/** Another community's (or no) meeting is 404 whatever the post, before any check of role or form could answer otherwise. */
function requireMeeting(communityId: number, meetingId: number) {
  try {
    meetingRow(getDb(), communityId, meetingId);
  } catch (error) {
    if (error instanceof DomainError && error.domain === "meeting") notFound();
    throw error;
  }
}

/** Posts of `/c/:community/meetings/:meetingId`: agenda, session, roll call and votes. */
export async function handleMeetingAction({ request, communityId, communitySlug, userId, roles, meetingId }: Poster & { meetingId: number }) {
  requireMeeting(communityId, meetingId);
  const formData = await readForm(request);
  const intent = pickIntent(MEETING_INTENTS, formData.get("intent"));
  const actor = { communityId, userId, roles, meetingId };
  const page = `/c/${communitySlug}/meetings/${meetingId}`;
  switch (intent) {
    case "table": {
      const submission = parseForm(formData, tableSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const r = tableMotion({ ...actor, ...submission.value });
      return settle(intent, r, r.ok ? `${page}#motion-${r.id}` : page, submission.reply());
    }
    case "withdrawMotion": {
      const submission = parseForm(formData, withdrawMotionSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      return settle(intent, withdrawMotion({ ...actor, motionId: submission.value.motionId }), `${page}#agenda`);
    }
    case "start": {
      const submission = parseForm(formData, startSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      return settle(intent, startMeeting({ ...actor, early: submission.value.early }), page);
    }
    case "end": {
      const submission = parseForm(formData, endSchema);
      if (submission.status !== "success") return unconfirmed(intent, submission);
      return settle(intent, endMeeting(actor), page);
    }
    case "cancel": {
      const submission = parseForm(formData, cancelSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      return settle(intent, cancelMeeting({ ...actor, reason: submission.value.reason }), page, submission.reply());
    }
    case "checkIn": {
      const submission = parseForm(formData, checkInSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const forUserId = submission.value.forUserId ?? null;
      return settle(intent, checkIn({ ...actor, forUserId }), forUserId ? `${page}#roster` : `${page}#attendance`);
    }
    case "observe": {
      const submission = parseForm(formData, observeSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      return settle(intent, attendAsObserver(actor), `${page}#attendance`);
    }
    case "open": {
      const submission = parseForm(formData, openSchema);
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const { motionId } = submission.value;
      return settle(intent, openVote({ ...actor, motionId }), `${page}#motion-${motionId}`);
    }
    case "close": {
      const submission = parseForm(formData, closeSchema);
      if (submission.status !== "success") return unconfirmed(intent, submission);
      const { motionId } = submission.value;
      return settle(intent, closeVote({ ...actor, motionId }), `${page}#motion-${motionId}`);
    }
    case "vote": {
      const submission = parseForm(formData, voteSchema);
      if (submission.status !== "success") return unconfirmed(intent, submission);
      const { motionId, choice, forUserId } = submission.value;
      return settle(intent, await castBallotTogether({ ...actor, motionId, choice, forUserId: forUserId ?? null }), `${page}?voted=${motionId}#motion-${motionId}`);
    }
    case "count": {
      const submission = parseForm(formData, countSchema);
      if (submission.status !== "success") return unconfirmed(intent, submission);
      const { motionId, ...tally } = submission.value;
      return settle(intent, recordCountedTally({ ...actor, motionId, ...tally }), `${page}#motion-${motionId}`, submission.reply());
    }
    default:
      return invalid(null, null);
  }
}

/** Posts of `/c/:community/meetings/:meetingId/door`: staff check a seat of the assembly's roll in. */
export async function handleDoorAction({ request, communityId, communitySlug, userId, roles, meetingId }: Poster & { meetingId: number }) {
  requireMeeting(communityId, meetingId);
  const formData = await readForm(request);
  const intent = pickIntent(DOOR_INTENTS, formData.get("intent"));
  if (intent !== "doorCheckIn") return invalid(null, null);
  const submission = parseForm(formData, doorCheckInSchema);
  if (submission.status !== "success") return invalid(intent, submission.reply());
  const { rollId, memberId } = submission.value;
  const q = formData.get("q");
  const back = `/c/${communitySlug}/meetings/${meetingId}/door?${new URLSearchParams({ ...(typeof q === "string" && q ? { q } : {}), done: String(rollId) })}`;
  return settle(intent, checkInAtDoor({ communityId, userId, roles, meetingId, rollId, memberId: memberId ?? null }), back);
}

export type MeetingActionData = Awaited<ReturnType<typeof handleMeetingAction>>;
export type MeetingsActionData = Awaited<ReturnType<typeof handleMeetingsAction>>;
