// The words of a notification, by its kind: what the notifications page shows and what an e-mail says
// (app/notify/message.server.ts), from the same translations. No React here: the mail worker reads it too.
import { isStoredMessage, renderStored } from "~/i18n/stored-message";
import type { CommunityKind } from "~/i18n/kind-words";
import type { Instant } from "./formats";

export interface NotificationData {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Instant;
  readAt: Instant | null;
  topicId: number | null;
  communitySlug: string;
  /** Its community's kind: the words (村民代表会议 or 居民代表会议…) follow it, whatever page lists it. */
  communityKind: CommunityKind;
  /** Its community's time zone: its times are shown in it, whatever page lists it. */
  timeZone: string;
}

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface Described {
  what: string;
  detail: string;
  link: { to: string; label: string } | null;
}

/** The words, the extra line and the link for one notification, by its kind (payload shapes as the models write them). */
export function describe(item: NotificationData, t: Translate, formatDateTime: (iso: string) => string): Described {
  const p = item.payload;
  const topic = t("notifications.topicRef", { number: text(p.number), title: text(p.title) });
  const topicLink = item.topicId ? { to: `/c/${item.communitySlug}/topics/${item.topicId}`, label: t("notifications.open") } : null;
  const meetingLink = text(p.meetingId) ? { to: `/c/${item.communitySlug}/meetings/${text(p.meetingId)}`, label: t("notifications.openMeeting") } : null;
  switch (item.kind) {
    case "topic.moved": {
      const action = t(`topic.actions.${text(p.action)}`, { defaultValue: text(p.action) });
      const state = t(`topic.states.${text(p.to)}`, { defaultValue: text(p.to) });
      // "Not accepted. Now: not accepted." says it twice: the state is added only when it tells more.
      const what = state === action ? t("notifications.movedTo", { topic, action }) : t("notifications.moved", { topic, action, state });
      // A system-made reason (the reopening's) is a message, said in the reader's language.
      const reason = renderStored(t, isStoredMessage(p.reasonMessage) ? p.reasonMessage : null, text(p.reason));
      return { what, detail: reason ? t("notifications.movedReason", { reason }) : "", link: topicLink };
    }
    case "topic.mergedIn":
      return { what: t("notifications.mergedIn", { topic, fromNumber: text(p.fromNumber), fromTitle: text(p.fromTitle) }), detail: "", link: topicLink };
    case "meeting.scheduled": {
      const at = text(p.scheduledAt) && !Number.isNaN(Date.parse(text(p.scheduledAt))) ? formatDateTime(text(p.scheduledAt)) : "";
      const agenda = Array.isArray(p.agenda) ? p.agenda.map(text).filter(Boolean) : [];
      const detail = agenda.length ? t("mail.agenda", { items: agenda.join("\n") }) : "";
      return { what: t(p.body === "assembly" ? "assembly.scheduled" : "notifications.meetingScheduled", { number: text(p.number), title: text(p.title), place: text(p.place), at }), detail, link: meetingLink };
    }
    case "meeting.agendaChanged": {
      const at = text(p.scheduledAt) && !Number.isNaN(Date.parse(text(p.scheduledAt))) ? formatDateTime(text(p.scheduledAt)) : "";
      const agenda = Array.isArray(p.agenda) ? p.agenda.map(text).filter(Boolean) : [];
      const values = { title: text(p.title), at, place: text(p.place), item: text(p.added) || text(p.removed) };
      return { what: t(text(p.added) ? "notifications.agendaAdded" : "notifications.agendaRemoved", values), detail: agenda.length ? t("mail.agenda", { items: agenda.join("\n") }) : t("notifications.agendaEmpty"), link: meetingLink };
    }
    case "meeting.cancelled":
      return {
        what: t("notifications.meetingCancelled", { number: text(p.number), title: text(p.title) }),
        detail: text(p.reason) ? t("notifications.cancelReason", { reason: text(p.reason) }) : "",
        link: { to: `/c/${item.communitySlug}/meetings`, label: t("notifications.openMeetings") },
      };
    case "meeting.requested":
      return {
        what: t("notifications.meetingRequested", { signatures: text(p.signatures) }),
        detail: text(p.reason) ? t("notifications.requestReason", { reason: text(p.reason) }) : "",
        link: { to: `/c/${item.communitySlug}/meetings`, label: t("notifications.openMeetings") },
      };
    case "ballot.recorded": {
      const choice = text(p.choice) ? t(`meetings.vote.${text(p.choice)}`, { defaultValue: text(p.choice) }) : "";
      const values = { by: text(p.by), meetingNumber: text(p.meetingNumber), position: text(p.position), topic, choice };
      return { what: t(choice ? "notifications.ballotRecorded" : "notifications.ballotRecordedNoChoice", values), detail: t("notifications.ballotRecordedCheck"), link: meetingLink };
    }
    case "task.assigned": {
      const due = text(p.dueAt) && !Number.isNaN(Date.parse(text(p.dueAt))) ? formatDateTime(text(p.dueAt)) : "";
      return { what: t("notifications.taskAssigned", { topic, task: text(p.task), due }), detail: "", link: topicLink && { ...topicLink, to: `${topicLink.to}/execution` } };
    }
    case "rectification.raised":
      return { what: t("notifications.rectificationRaised", { topic, task: text(p.task) }), detail: text(p.body), link: topicLink && { ...topicLink, to: `${topicLink.to}/execution` } };
    case "rectification.answered":
      return { what: t("notifications.rectificationAnswered", { topic, task: text(p.task) }), detail: text(p.answer), link: topicLink && { ...topicLink, to: `${topicLink.to}/execution` } };
    case "objection.lodged":
      return { what: t("notifications.objectionLodged", { topic }), detail: "", link: topicLink && { ...topicLink, to: `${topicLink.to}#decision` } };
    case "objection.answered":
      return { what: t(p.upheld === true ? "notifications.objectionUpheld" : "notifications.objectionNotUpheld", { topic }), detail: "", link: topicLink && { ...topicLink, to: `${topicLink.to}#decision` } };
    case "resolution.suspended":
    case "resolution.correctionOrdered":
      return {
        what: t(item.kind === "resolution.suspended" ? "notifications.resolutionSuspended" : "notifications.correctionOrdered", { topic }),
        detail: text(p.reason) ? t("notifications.statusReason", { reason: text(p.reason) }) : "",
        link: topicLink && { ...topicLink, to: `${topicLink.to}#decision` },
      };
    // Part assist (issue 18): staff recorded an act for this person; they review or withdraw it on the assist page.
    case "assist.recorded":
      return {
        what: t("assist.notification", { name: text(p.by), channel: t(`assist.channels.${text(p.channel)}`), kind: t(`assist.kinds.${text(p.kind)}`), topic }),
        detail: "",
        link: { to: `/c/${item.communitySlug}/assist`, label: t("assist.notice.review") },
      };
    // Issue 19, part calls: a call on a street department. Its people open it on the street's page of it; the committee on the topic.
    case "call.arrived":
    case "call.infoGiven":
    case "call.withdrawn":
    case "call.overdue": {
      const key = item.kind === "call.overdue" ? `call.notifications.overdue_${p.which === "work" ? "work" : "response"}` : `call.notifications.${item.kind.slice("call.".length)}`;
      const due = text(p.dueAt) && !Number.isNaN(Date.parse(text(p.dueAt))) ? formatDateTime(text(p.dueAt)) : "";
      const callLink = text(p.street) && text(p.callId) ? { to: `/s/${text(p.street)}/calls/${text(p.callId)}`, label: t("call.notifications.openCall") } : topicLink;
      return { what: t(key, { topic, due }), detail: "", link: callLink };
    }
    case "call.answered": {
      const step = ["accepted", "infoRequested", "declined", "progress", "resolved"].includes(text(p.step)) ? text(p.step) : "progress";
      return { what: t(`call.notifications.answered_${step}`, { topic }), detail: "", link: topicLink };
    }
    default:
      return { what: t("notifications.unknown", { topic }), detail: "", link: topicLink };
  }
}

