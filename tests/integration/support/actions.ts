// The catalogue of every action of the app: which route file answers it, its intent, who may do it
// (from the domain rules of the 116 method, not from the guards) and how to make a valid post of it
// in the right state (topics, meetings and tasks built with the models, as the people would).
// tests/integration/action-permissions.test.ts walks it for every visitor; hostile-input.test.ts
// throws random values at it. A route file that gains an intent the catalogue lacks fails the test.
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../../../db/client.server";
import { and, eq } from "drizzle-orm";
import { catalogueEntries, communities, householdMembers, households, meetings, streets } from "../../../db/schema";
import { addCommunity, setCommunityArchived } from "~/models/community-admin.server";
import { recordAuthorisation } from "~/models/powers-matters.server";
import type { Audience } from "~/auth/permissions";
import { closeVote, castBallot, openVote } from "~/models/ballot.server";
import { openSolicitation, closeSolicitation } from "~/models/consultation.server";
import { coSignTopic } from "~/models/cosign.server";
import { addDraftComment } from "~/models/draft-comment.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { createInvite } from "~/models/invite.server";
import { createHotlineToken } from "~/models/hotline-token.server";
import { importRoster } from "~/models/roster-import.server";
import { reissueInvites } from "~/models/roster-letters.server";
import { ACCESS } from "~/auth/permissions";
import { tableMotion } from "~/models/meeting-agenda.server";
import { createMeetingRequest } from "~/models/meeting-request.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { localDate } from "~/forms/consultation";
import { now } from "~/models/clock.server";
import { lodgeObjection } from "~/models/resolution.server";
import { addCatalogueEntry } from "~/models/rules.server";
import { raiseRectification } from "~/models/supervision.server";
import { createTopic } from "~/models/topic-create.server";
import type { Role } from "~/workflow/roles";
import { hotlineCsv, uniqueTicket } from "../../fixtures/propose";
import { topicIn } from "./collab";
import { consultingTopic } from "./consultation";
import { communityId, createCommunity, userId } from "./db";
import { addMembers, agendaTopic, convener, must, representative } from "./meeting";
import { freshHousehold, uniqueCode } from "./register";
import { REGISTER_EDITORS } from "~/auth/permissions";
import { assemblySitting, freeThisYear, openAppraisalAt, repSitting, subjectIdsOf } from "./appraisal";
import { doorAssembly, rollOf, votingAssembly } from "./assembly";
import { recordAssistedAct } from "~/models/assist.server";
import { departmentWithContact, freshDepartmentInvite, ownDepartment } from "./departments";
import { CALL_ACTIONS } from "./actions-calls";
import { askForMore, declineCall } from "~/models/department-call-answer.server";
import { sendCall } from "~/models/department-call.server";
import { departments } from "../../../db/schema";

export interface Post {
  /** The concrete path, in mingyue. */
  path: string;
  fields: Record<string, string>;
  /** Sent as multipart/form-data with this file (the routes that take uploads). */
  file?: { field: string; name: string; type: string; bytes: Uint8Array };
  /** The demo account (or null: signed out) whose post of `fields` succeeds. */
  actor: string | null;
}

export interface ActionCase {
  /** The route file under app/routes, without its extension. */
  route: string;
  /** The posted `intent`, or null for the routes that take one kind of post. */
  intent: string | null;
  who: Audience;
  /** The status of a successful post (post/redirect/get answers 302). */
  success: number;
  /** False when success writes only bookkeeping (sessions) or nothing at all. */
  changes: boolean;
  /** The actor posts from a session of its own (the post may sign that session out). */
  ownSession?: boolean;
  /** What a signed-out visitor gets when it is not the usual sign-in redirect. */
  signedOut?: number;
  /** Fresh state and a valid post, built with the models. */
  prepare: () => Post;
}

const MINGYUE = "mingyue";
const DAY_MS = 86_400_000;
const cid = () => communityId(MINGYUE);
const actor = (username: string, roles: Role[]) => ({ communityId: cid(), userId: userId(username), roles });
const committee = () => actor("committee1", ["committee"]);
const ok = <T extends object>(r: ({ ok: true } & T) | { ok: false; problem: string }): T => {
  if (!r.ok) throw new Error(`refused while preparing: ${r.problem}`);
  return r;
};

/** "YYYY-MM-DD" `days` from today in the communities' time zone (UTC+8). */
export const localDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
/** "YYYY-MM-DDTHH:MM" (a datetime-local value, China time) `days` ahead. */
const localDateTime = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 16);

const topicPath = (id: number, tail = "") => `/c/${MINGYUE}/topics/${id}${tail}`;
const meetingPath = (id: number) => `/c/${MINGYUE}/meetings/${id}`;

let made = 0;
const unique = (what: string) => `${what} ${process.pid}-${++made}`;

/** A resident's topic collecting co-signs. */
function openTopic() {
  return createTopic({ communityId: cid(), proposerId: userId("resident1"), title: unique("权限测试议题"), description: "", location: "", categoryId: null, source: "resident" }).id;
}

/** A committee-filed topic waiting to be screened. */
function screeningTopic() {
  return createTopic({ communityId: cid(), proposerId: userId("committee1"), title: unique("待筛选议题"), description: "", location: "", categoryId: null, source: "committee" }).id;
}

/** A topic in execution (a category decided without a vote) with a unit of executor1. */
function executingTopic() {
  const { id } = consultingTopic({ category: "activities", text: "重阳节活动方案。" });
  ok(freezeDraft({ ...committee(), topicId: id }));
  const unit = ok(createUnit({ ...committee(), name: unique("物业公司"), kind: "property", contact: "020-12345678", memberIds: [userId("executor1")] }));
  return { id, unitId: unit.id };
}

function plannedTopic() {
  const { id, unitId } = executingTopic();
  const task = ok(addTask({ ...committee(), topicId: id, task: { title: "布置场地", unitId, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } }));
  return { id, unitId, taskId: task.id };
}

/** The demo street, and a department of it by its Chinese name (issue 19's calls). */
const huacheng = () => getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;
const departmentId = (nameZh: string) => getDb().select({ id: departments.id }).from(departments).where(and(eq(departments.streetId, huacheng()), eq(departments.nameZh, nameZh))).get()!.id;
const callFields = (department: string) => ({ departmentId: String(departmentId(department)), ask: "请协助核查现场。", wantedDate: localDay(10) });

/** A topic in execution with a call of the committee on a department. */
function calledTopic(department: string) {
  const { id } = plannedTopic();
  const call = ok(sendCall({ ...committee(), topicId: id, taskId: null, departmentId: departmentId(department), ask: "请协助核查现场。", wantedBy: new Date(Date.now() + 10 * DAY_MS) }));
  return { topicId: id, callId: call.id };
}

function doneTopic() {
  const planned = plannedTopic();
  ok(reportProgress({ ...actor("executor1", ["executor"]), taskId: planned.taskId, body: "完成", percent: 100, spentFen: 0, photos: [] }));
  return planned;
}

function verifyingTopic() {
  const done = doneTopic();
  ok(reportCompletion({ ...committee(), topicId: done.id }));
  return done;
}

function scheduledMeeting() {
  return must(scheduleMeeting({ ...convener(), title: unique("代表会议"), place: "社区议事厅", scheduledAt: new Date(Date.now() + 7 * DAY_MS), requestId: null, acceptShortNotice: true })).id;
}

function meetingWithMotion() {
  const meetingId = scheduledMeeting();
  const motionId = must(tableMotion({ ...convener(), meetingId, topicId: agendaTopic(), secret: false, onFail: "revise" })).id;
  return { meetingId, motionId };
}

function startedMeeting() {
  const m = meetingWithMotion();
  must(startMeeting({ early: true, ...convener(), meetingId: m.meetingId }));
  return m;
}

/** Started, with 14 of the 20 组成人员 checked in: quorate under both rule packs (two thirds). */
function quorateMeeting() {
  const m = startedMeeting();
  for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId: m.meetingId }));
  return m;
}

function votingMeeting() {
  const m = quorateMeeting();
  must(openVote({ ...convener(), ...m }));
  return m;
}

/** A topic whose motion passed: its resolution is in 公示 (14 of 20 present, 10 for). */
function publicityTopic() {
  const { meetingId, motionId } = startedMeeting();
  for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
  must(openVote({ ...convener(), meetingId, motionId }));
  for (let n = 1; n <= 10; n++) must(castBallot({ ...representative(n), meetingId, motionId, choice: "yes" }));
  const closed = must(closeVote({ ...convener(), meetingId, motionId }));
  if (closed.resolutionId === null) throw new Error("the motion did not pass");
  const topicId = getDb().$client.prepare("SELECT topic_id FROM motions WHERE id = ?").pluck().get(motionId) as number;
  return topicId;
}

/** An invite of street1's to a community of its own (joining a demo community would change who may do what later). */
/** A live hotline token of the demo street, made as the hotline page makes one. */
function freshHotlineToken(): number {
  const streetId = getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;
  return createHotlineToken({ streetId, actorId: userId("street1"), label: unique("令牌") }).id;
}

function freshInvite(role: Role = "resident") {
  const { id: communityId } = createCommunity({ entries: 1 });
  return createInvite({ communityId, role, maxUses: 1, expiresInDays: 7, note: "", createdBy: userId("street1") });
}

const COMMITTEE: Audience = { roles: ["committee"] };
const CONVENER: Audience = { roles: ["convener"] };
const REPRESENTATIVE: Audience = { roles: ["representative"] };
/** 组成人员: committee members check in and vote like representatives. */
const ROSTER: Audience = { roles: ["representative", "committeeMember"] };
const RESIDENT: Audience = { roles: ["resident"] };
const ANY_ROLE: Audience = { roles: ["resident", "committee", "convener", "representative", "supervisor", "executor"] };

const community = (route: string, intent: string | null, who: Audience, prepare: () => Post, extra: Partial<ActionCase> = {}): ActionCase => ({
  route,
  intent,
  who,
  success: 302,
  changes: true,
  prepare,
  ...extra,
});

/** A resident of our own: revoking a demo account's sessions would sign out the cookies other cases use. */
const newcomer = () => addMembers(1, { roles: ["resident"] })[0].username;

// Revoking sessions writes bookkeeping only, and answers the sessions page (200).
const SESSIONS: Partial<ActionCase> = { success: 200, changes: false, ownSession: true };

const TOPIC = "c.$community.topics.$topicId";
const DRAFT = "c.$community.topics.$topicId_.draft";
const CONSULT = "c.$community.topics.$topicId_.consultation";
const EXECUTION = "c.$community.topics.$topicId_.execution";
const MEETINGS = "c.$community.meetings._index";
const UNDO = "c.$community.topics.$topicId_.undo";

/** "户号 姓名" of a fresh adult on mingyue's register (a paper signer). */
function registerLine() {
  const code = unique("H").replace(/\s+/g, "-");
  const { id } = getDb().insert(households).values({ communityId: cid(), code }).returning({ id: households.id }).get();
  getDb().insert(householdMembers).values({ communityId: cid(), householdId: id, name: "联名人", birthDate: "1980-01-01", representative: true }).run();
  return `${code} 联名人`;
}

/** A category only the assembly decides and an assembly that ended, as an authorisation needs them. */
function authoriseForm() {
  getDb().update(catalogueEntries).set({ decidedBy: "assembly" }).where(and(eq(catalogueEntries.communityId, cid()), eq(catalogueEntries.code, "parking"))).run();
  const entry = getDb().select({ id: catalogueEntries.id }).from(catalogueEntries).where(and(eq(catalogueEntries.communityId, cid()), eq(catalogueEntries.code, "parking"))).get()!;
  const meeting = getDb()
    .insert(meetings)
    .values({ communityId: cid(), number: 7000 + ++made, title: unique("居民会议"), place: "社区广场", body: "assembly", countBy: "persons", status: "ended", scheduledAt: new Date(), noticeDaysRequired: 10, createdBy: userId("convener1") })
    .returning({ id: meetings.id })
    .get();
  return { intent: "authorise", catalogueEntryId: String(entry.id), scope: "停车收费标准", grantedOn: localDay(0), expiresOn: localDay(30), meetingId: String(meeting.id) };
}

function authorisation() {
  const f = authoriseForm();
  return ok(recordAuthorisation({ ...committee(), catalogueEntryId: Number(f.catalogueEntryId), scope: f.scope, grantedOn: f.grantedOn, expiresOn: f.expiresOn, meetingId: Number(f.meetingId) })).id;
}
const MEETING = "c.$community.meetings.$meetingId";
const RULES = "c.$community.rules";
const REGISTER = "c.$community.register";
const APPRAISALS = "c.$community.appraisals";
const ASSIST = "c.$community.assist";
const ASSIST_PATH = `/c/${MINGYUE}/assist`;

const RULE_VALUES = {
  quorumNum: "2",
  quorumDen: "3",
  passNum: "1",
  passDen: "2",
  meetingRequestNum: "1",
  meetingRequestDen: "5",
  cosignThreshold: "9",
  cosignWindowDays: "30",
  screeningDays: "15",
  publicityDays: "15",
  meetingNoticeDays: "5",
  ratingWindowDays: "14",
  satisfactionThresholdPct: "60",
  stalledDays: "30",
  timeZone: "Asia/Shanghai",
};

export const ACTIONS: ActionCase[] = [
  // The topic page.
  community(TOPIC, "cosign", RESIDENT, () => ({ path: topicPath(openTopic()), fields: { intent: "cosign" }, actor: "resident2" })),
  community(TOPIC, "withdrawCosign", RESIDENT, () => {
    const id = openTopic();
    ok(coSignTopic({ ...actor("resident2", ["resident"]), topicId: id }));
    return { path: topicPath(id), fields: { intent: "withdrawCosign" }, actor: "resident2" };
  }),
  community(TOPIC, "comment", ANY_ROLE, () => ({ path: topicPath(openTopic()), fields: { intent: "comment", body: "支持,东门确实很暗。" }, actor: "resident2" })),
  community(TOPIC, "move", COMMITTEE, () => ({ path: topicPath(screeningTopic()), fields: { intent: "move", action: "accept", confirm: "on" }, actor: "committee1" })),
  community(TOPIC, "object", { roles: ["resident", "representative"] }, () => ({ path: topicPath(publicityTopic()), fields: { intent: "object", body: "预算偏高,请说明。" }, actor: "resident1" })),
  community(TOPIC, "answerObjection", COMMITTEE, () => {
    const id = publicityTopic();
    const objection = ok(lodgeObjection({ ...actor("resident1", ["resident"]), topicId: id, body: "预算偏高" }));
    return { path: topicPath(id), fields: { intent: "answerObjection", objectionId: String(objection.id), answer: "预算已复核。", upheld: "no" }, actor: "committee1" };
  }),
  // Issue 14: the party organisation's review of an important matter (环境卫生), the owners' result of a
  // 加装电梯 topic, and the street admin's correction order of a resolution in 公示.
  community(TOPIC, "partyReview", { roles: ["party"] }, () => ({
    path: topicPath(consultingTopic({ category: "environment" }).id),
    fields: { intent: "partyReview", reviewedOn: localDate(now()), body: "社区党委会议", outcome: "agreed", note: "同意提交表决。" },
    actor: "party1",
  })),
  community(TOPIC, "ownersDecision", COMMITTEE, () => ({
    path: topicPath(consultingTopic({ category: "lift" }).id),
    fields: { intent: "ownersDecision", heldOn: localDate(now()), ownersTotal: "30", areaTotal: "3000", participants: "20", participantsArea: "2000", consenting: "15", consentingArea: "1500" },
    actor: "committee1",
  })),
  community(TOPIC, "orderCorrection", "streetAdmin", () => {
    const id = publicityTopic();
    const resolutionId = getDb().$client.prepare("SELECT id FROM resolutions WHERE topic_id = ?").pluck().get(id) as number;
    return { path: topicPath(id), fields: { intent: "orderCorrection", resolutionId: String(resolutionId), reason: "占用消防通道。", confirm: "on" }, actor: "street1" };
  }),
  // Issue 17 (fourtwo): 四议两公开 is the villages' flow. In mingyue (urban) the party organisation, whom the
  // first step's role allows, is told the matter does not go through it (409, nothing written); every
  // other role is refused the step (403). The flow itself is tested in 石榴村 by four-two.test.ts.
  community(
    TOPIC,
    "fourTwoStep",
    { roles: ["party"] },
    () => ({
      path: topicPath(consultingTopic({ category: "environment" }).id),
      fields: { intent: "fourTwoStep", step: "partyProposal", heldOn: localDate(now()), body: "社区党委会议", attended: "5", expected: "7", outcome: "agreed", minutes: "同意。" },
      actor: "party1",
    }),
    { success: 409, changes: false },
  ),
  community(TOPIC, "rate", RESIDENT, () => ({ path: topicPath(verifyingTopic().id), fields: { intent: "rate", rating: "satisfied", comment: "很好" }, actor: "resident1" })),
  // Issue 19, part community: 吹哨 from the topic page, and the committee's answers on its calls.
  community(TOPIC, "sendCall", COMMITTEE, () => ({ path: topicPath(plannedTopic().id), fields: { intent: "sendCall", ...callFields("住建办") }, actor: "committee1" })),
  community(TOPIC, "answerCall", COMMITTEE, () => {
    const { topicId, callId } = calledTopic("住建办");
    ok(askForMore({ streetId: huacheng(), userId: userId("zhujian1"), callId, body: "请补充现场照片。" }));
    return { path: topicPath(topicId), fields: { intent: "answerCall", callId: String(callId), body: "照片已交社区办公室。" }, actor: "committee1" };
  }),
  community(TOPIC, "withdrawCall", COMMITTEE, () => {
    const { topicId, callId } = calledTopic("住建办");
    return { path: topicPath(topicId), fields: { intent: "withdrawCall", callId: String(callId), reason: "物业已自行处理。", confirm: "on" }, actor: "committee1" };
  }),
  community(TOPIC, "redispatchCall", COMMITTEE, () => {
    const { topicId, callId } = calledTopic("城管中队");
    ok(declineCall({ streetId: huacheng(), userId: userId("chengguan1"), callId, reason: "不属于本部门职责。" }));
    return { path: topicPath(topicId), fields: { intent: "redispatchCall", callId: String(callId), ...callFields("住建办") }, actor: "committee1" };
  }),

  // The live draft.
  community(DRAFT, "saveVersion", COMMITTEE, () => ({ path: topicPath(topicIn("drafting"), "/draft"), fields: { intent: "saveVersion", note: "第一稿" }, actor: "committee1" })),
  community(DRAFT, "comment", ANY_ROLE, () => ({ path: topicPath(topicIn("drafting"), "/draft"), fields: { intent: "comment", body: "建议写明预算来源。", quote: "" }, actor: "resident1" })),
  community(DRAFT, "answer", COMMITTEE, () => {
    const id = topicIn("drafting");
    const comment = addDraftComment({ communityId: cid(), topicId: id, authorId: userId("resident1"), roles: ["resident"], body: "建议写明预算来源。", quote: "" });
    if (!comment.ok) throw new Error(comment.problem);
    return { path: topicPath(id, "/draft"), fields: { intent: "answer", commentId: String(comment.commentId), status: "adopted", reply: "已补充。" }, actor: "committee1" };
  }),

  // Consultation.
  community(CONSULT, "open", COMMITTEE, () => ({ path: topicPath(consultingTopic().id, "/consultation"), fields: { intent: "open", question: "您是否同意该方案?", deadline: localDay(7) }, actor: "committee1" })),
  community(CONSULT, "answer", { roles: ["resident", "representative", "supervisor"] }, () => {
    const { id } = consultingTopic();
    const s = ok(openSolicitation({ ...committee(), topicId: id, question: "是否同意?", deadline: new Date(Date.now() + 7 * DAY_MS) }));
    return { path: topicPath(id, "/consultation"), fields: { intent: "answer", consultationId: String(s.id), stance: "support", text: "同意" }, actor: "resident1" };
  }),
  community(CONSULT, "close", COMMITTEE, () => {
    const { id } = consultingTopic();
    const s = ok(openSolicitation({ ...committee(), topicId: id, question: "是否同意?", deadline: new Date(Date.now() + 7 * DAY_MS) }));
    return { path: topicPath(id, "/consultation"), fields: { intent: "close", consultationId: String(s.id) }, actor: "committee1" };
  }),
  community(CONSULT, "summarise", COMMITTEE, () => {
    const { id } = consultingTopic();
    const s = ok(openSolicitation({ ...committee(), topicId: id, question: "是否同意?", deadline: new Date(Date.now() + 7 * DAY_MS) }));
    ok(closeSolicitation({ ...committee(), topicId: id, consultationId: s.id }));
    return { path: topicPath(id, "/consultation"), fields: { intent: "summarise", consultationId: String(s.id), note: "多数同意。" }, actor: "committee1" };
  }),
  community(CONSULT, "meeting", COMMITTEE, () => ({
    path: topicPath(consultingTopic().id, "/consultation"),
    fields: { intent: "meeting", heldAt: localDay(0), place: "议事室", participants: "居民代表 12 人", opinions: "", minutes: "" },
    actor: "committee1",
  })),
  community(CONSULT, "freeze", COMMITTEE, () => ({ path: topicPath(consultingTopic({ text: "议题正文:更换路灯。" }).id, "/consultation"), fields: { intent: "freeze", confirm: "on" }, actor: "committee1" })),
  community(CONSULT, "waive", COMMITTEE, () => {
    // A category the catalogue lets skip consultation, and a topic of it not consulted yet.
    const { code } = addCatalogueEntry({ communityId: cid(), actorId: userId("street1"), values: { nameZh: unique("可不经协商类别"), nameEn: unique("Optional consultation"), needsVote: true, needsPublicity: true, consultationOptional: true } });
    const { id } = consultingTopic({ category: code, consulted: false });
    return { path: topicPath(id, "/consultation"), fields: { intent: "waive", reason: "往年惯例,方案不变。", confirm: "on" }, actor: "committee1" };
  }),

  // Execution and supervision of a topic.
  community(EXECUTION, "task", COMMITTEE, () => {
    const { id, unitId } = executingTopic();
    return { path: topicPath(id, "/execution"), fields: { intent: "task", title: "采购物资", unitId: String(unitId), dueDate: localDay(10), budgetYuan: "1200" }, actor: "committee1" };
  }),
  community(EXECUTION, "report", { roles: ["executor"] }, () => {
    const { id, taskId } = plannedTopic();
    return { path: topicPath(id, "/execution"), fields: { intent: "report", taskId: String(taskId), body: "已完成一半", percent: "50", spentYuan: "300" }, actor: "executor1" };
  }),
  community(EXECUTION, "editTask", COMMITTEE, () => {
    const { id, unitId, taskId } = plannedTopic();
    return { path: topicPath(id, "/execution"), fields: { intent: "editTask", taskId: String(taskId), title: "布置场地与音响", unitId: String(unitId), dueDate: localDay(12), budgetYuan: "800" }, actor: "committee1" };
  }),
  community(EXECUTION, "removeTask", COMMITTEE, () => {
    const { id, taskId } = plannedTopic();
    return { path: topicPath(id, "/execution"), fields: { intent: "removeTask", taskId: String(taskId), reason: "与另一项任务重复。", confirm: "on" }, actor: "committee1" };
  }),
  community(EXECUTION, "complete", { roles: ["executor", "committee"] }, () => ({ path: topicPath(doneTopic().id, "/execution"), fields: { intent: "complete", confirm: "on" }, actor: "executor1" })),
  community(EXECUTION, "rectify", { roles: ["supervisor"] }, () => {
    const { id, taskId } = verifyingTopic();
    return { path: topicPath(id, "/execution"), fields: { intent: "rectify", taskId: String(taskId), body: "场地未清理干净。" }, actor: "supervisor1" };
  }),
  community(EXECUTION, "answerRectification", { roles: ["executor"] }, () => {
    const { id, taskId } = verifyingTopic();
    const r = ok(raiseRectification({ ...actor("supervisor1", ["supervisor"]), taskId, body: "场地未清理干净。" }));
    return { path: topicPath(id, "/execution"), fields: { intent: "answerRectification", rectificationId: String(r.id), answer: "已清理。" }, actor: "executor1" };
  }),
  community(EXECUTION, "publishResult", COMMITTEE, () => ({ path: topicPath(verifyingTopic().id, "/execution"), fields: { intent: "publishResult", summary: "活动顺利举办。" }, actor: "committee1" })),
  community("c.$community.units", "create", COMMITTEE, () => ({ path: `/c/${MINGYUE}/units`, fields: { intent: "create", name: unique("绿化公司"), kind: "contractor", contact: "020-87654321" }, actor: "committee1" })),
  community("c.$community.supervision", "verify", { roles: ["supervisor"] }, () => ({
    path: `/c/${MINGYUE}/supervision`,
    fields: { intent: "verify", topicId: String(verifyingTopic().id), notes: "现场已核实。", verified: "yes" },
    actor: "supervisor1",
  })),

  // Issue 17: the yearly 民主评议 (one a year: each case frees the year or takes a spare one).
  community(APPRAISALS, "open", { roles: ["supervisor"] }, () => {
    freeThisYear(MINGYUE);
    return { path: `/c/${MINGYUE}/appraisals`, fields: { intent: "open", meetingId: String(repSitting()) }, actor: "supervisor1" };
  }),
  community(APPRAISALS, "ballot", ROSTER, () => {
    const id = openAppraisalAt(MINGYUE, repSitting(), "supervisor1");
    return { path: `/c/${MINGYUE}/appraisals`, fields: { intent: "ballot", appraisalId: String(id), ...Object.fromEntries(subjectIdsOf(id).map((s) => [`rating.${s}`, "competent"])) }, actor: "rep01" };
  }),
  community(APPRAISALS, "tally", { roles: ["supervisor"] }, () => {
    const id = openAppraisalAt(MINGYUE, assemblySitting(MINGYUE, convener(), 2), "supervisor1");
    const counts = Object.fromEntries(subjectIdsOf(id).flatMap((s) => [[`competent.${s}`, "1"], [`basicallyCompetent.${s}`, "1"], [`incompetent.${s}`, "0"]]));
    return { path: `/c/${MINGYUE}/appraisals`, fields: { intent: "tally", appraisalId: String(id), ...counts }, actor: "supervisor1" };
  }),
  community(APPRAISALS, "close", { roles: ["supervisor"] }, () => {
    const id = openAppraisalAt(MINGYUE, repSitting(), "supervisor1");
    getDb().$client.prepare("UPDATE appraisal_subjects SET competent = 1 WHERE appraisal_id = ?").run(id);
    return { path: `/c/${MINGYUE}/appraisals`, fields: { intent: "close", appraisalId: String(id), confirm: "on" }, actor: "supervisor1" };
  }),

  // Representatives' meetings.
  community(MEETINGS, "schedule", CONVENER, () => ({
    path: `/c/${MINGYUE}/meetings`,
    fields: { intent: "schedule", title: unique("季度代表会议"), place: "社区议事厅", scheduledAt: localDateTime(10), acceptShortNotice: "on" },
    actor: "convener1",
  })),
  community(MEETINGS, "request", REPRESENTATIVE, () => ({ path: `/c/${MINGYUE}/meetings`, fields: { intent: "request", reason: "加装电梯需尽快表决。" }, actor: "rep01" })),
  community(MEETINGS, "sign", REPRESENTATIVE, () => {
    const r = must(createMeetingRequest({ ...representative(1), reason: "加装电梯需尽快表决。" }));
    return { path: `/c/${MINGYUE}/meetings`, fields: { intent: "sign", requestId: String(r.id) }, actor: "rep02" };
  }),
  community(MEETING, "table", CONVENER, () => ({ path: meetingPath(scheduledMeeting()), fields: { intent: "table", topicId: String(agendaTopic()), onFail: "revise" }, actor: "convener1" })),
  community(MEETING, "withdrawMotion", CONVENER, () => {
    const m = meetingWithMotion();
    return { path: meetingPath(m.meetingId), fields: { intent: "withdrawMotion", motionId: String(m.motionId) }, actor: "convener1" };
  }),
  community(MEETING, "start", CONVENER, () => ({ path: meetingPath(meetingWithMotion().meetingId), fields: { intent: "start", early: "on" }, actor: "convener1" })),
  community(MEETING, "end", CONVENER, () => ({ path: meetingPath(startedMeeting().meetingId), fields: { intent: "end", confirm: "on" }, actor: "convener1" })),
  community(MEETING, "cancel", CONVENER, () => ({ path: meetingPath(meetingWithMotion().meetingId), fields: { intent: "cancel", reason: "台风停会。" }, actor: "convener1" })),
  community(MEETING, "checkIn", ROSTER, () => ({ path: meetingPath(startedMeeting().meetingId), fields: { intent: "checkIn" }, actor: "rep01" })),
  community(MEETING, "observe", { roles: ["supervisor"] }, () => ({ path: meetingPath(startedMeeting().meetingId), fields: { intent: "observe" }, actor: "supervisor1" })),
  community(MEETING, "open", CONVENER, () => {
    const m = quorateMeeting();
    return { path: meetingPath(m.meetingId), fields: { intent: "open", motionId: String(m.motionId) }, actor: "convener1" };
  }),
  community(MEETING, "vote", ROSTER, () => {
    const m = votingMeeting();
    return { path: meetingPath(m.meetingId), fields: { intent: "vote", motionId: String(m.motionId), choice: "yes", confirm: "on" }, actor: "rep01" };
  }),
  community(MEETING, "close", CONVENER, () => {
    const m = votingMeeting();
    return { path: meetingPath(m.meetingId), fields: { intent: "close", motionId: String(m.motionId), confirm: "on" }, actor: "convener1" };
  }),
  // The assembly (issue 17): the convener records the tellers' count; staff check people in at the door.
  community(MEETING, "count", CONVENER, () => {
    const m = votingAssembly();
    return { path: meetingPath(m.id), fields: { intent: "count", motionId: String(m.motionIds[0]), yes: "1", no: "0", abstain: "0", countedBy: "计票人 刘伟", confirm: "on" }, actor: "convener1" };
  }),
  community("c.$community.meetings.$meetingId_.door", "doorCheckIn", { roles: ["convener", "committee"] }, () => {
    const m = doorAssembly();
    return { path: `${meetingPath(m.id)}/door`, fields: { intent: "doorCheckIn", rollId: String(rollOf(m.id)[0].id) }, actor: "convener1" };
  }),

  // The rules page: the street admin's.
  ...(["rules", "pack", "catalogueAdd", "catalogueEdit", "catalogueRemove"] as const).map((intent) =>
    community(RULES, intent, "streetAdmin", () => ({ path: `/c/${MINGYUE}/rules`, fields: rulesForm(intent), actor: "street1" }), { success: 200 }),
  ),

  // Issue 17, powers: asking for an assembly (online, on paper), the assembly's authorisations, the resolution a topic undoes.
  community(MEETINGS, "requestAssembly", REPRESENTATIVE, () => ({ path: `/c/${MINGYUE}/meetings`, fields: { intent: "requestAssembly", reason: "请求召开居民会议。" }, actor: "rep01" })),
  community(MEETINGS, "petition", COMMITTEE, () => ({ path: `/c/${MINGYUE}/meetings`, fields: { intent: "petition", reason: "书面联名请求召开居民会议。", lines: registerLine() }, actor: "committee1" })),
  community(RULES, "authorise", COMMITTEE, () => ({ path: `/c/${MINGYUE}/rules`, fields: authoriseForm(), actor: "committee1" }), { success: 200 }),
  community(RULES, "revokeAuthorisation", COMMITTEE, () => ({ path: `/c/${MINGYUE}/rules`, fields: { intent: "revokeAuthorisation", authorisationId: String(authorisation()), confirm: "on" }, actor: "committee1" }), { success: 200 }),
  community(UNDO, "nameUndo", COMMITTEE, () => ({ path: topicPath(consultingTopic({ text: "撤销决议测试。" }).id, "/undo"), fields: { intent: "nameUndo", kind: "revoke" }, actor: "committee1" })),

  // Proposing and importing.
  community("c.$community.topics.new", null, { roles: ["resident", "committee"] }, () => ({
    path: `/c/${MINGYUE}/topics/new`,
    fields: { title: unique("楼道灯坏了"), description: "5号楼2单元楼道灯不亮。", category: "facilities", location: "5号楼" },
    actor: "resident1",
  })),
  community(
    "c.$community.topics.import",
    null,
    COMMITTEE,
    () => ({
      path: `/c/${MINGYUE}/topics/import`,
      fields: {},
      file: { field: "file", name: "hotline.csv", type: "text/csv", bytes: new TextEncoder().encode(hotlineCsv([{ ticket: uniqueTicket("P"), title: "路灯不亮", description: "东门路灯", location: "东门", category: "facilities", reported_at: "2026-01-05" }])) },
      actor: "committee1",
    }),
    { success: 200 },
  ),

  // The household register: the committee and the street edit it.
  ...(() => {
    const path = `/c/${MINGYUE}/register`;
    const member = { name: "新成员", birthDate: "1980-02-03", representative: "on" };
    const csv = `户号,地址,小组,姓名,出生日期,户代表\n${uniqueCode("CSV")},测试路2号,第二居民小组,导入户主,1975-05-05,是\n`;
    return [
      community(REGISTER, "addHousehold", REGISTER_EDITORS, () => ({ path, fields: { intent: "addHousehold", code: uniqueCode(), address: "测试路3号", groupName: "第一居民小组" }, actor: "committee1" })),
      community(REGISTER, "editHousehold", REGISTER_EDITORS, () => ({ path, fields: { intent: "editHousehold", householdId: String(freshHousehold().id), code: uniqueCode(), address: "改后地址", groupName: "第三居民小组" }, actor: "committee1" })),
      community(REGISTER, "removeHousehold", REGISTER_EDITORS, () => ({ path, fields: { intent: "removeHousehold", householdId: String(freshHousehold().id), confirm: "on" }, actor: "committee1" })),
      community(REGISTER, "addMember", REGISTER_EDITORS, () => ({ path, fields: { intent: "addMember", householdId: String(freshHousehold().id), ...member }, actor: "committee1" })),
      community(REGISTER, "editMember", REGISTER_EDITORS, () => ({ path, fields: { intent: "editMember", memberId: String(freshHousehold().child), name: "改名", birthDate: "2019-12-31" }, actor: "committee1" })),
      community(REGISTER, "removeMember", REGISTER_EDITORS, () => ({ path, fields: { intent: "removeMember", memberId: String(freshHousehold().child), confirm: "on" }, actor: "committee1" })),
      community(REGISTER, "import", REGISTER_EDITORS, () => ({ path, fields: { intent: "import" }, file: { field: "file", name: "register.csv", type: "text/csv", bytes: new TextEncoder().encode(csv) }, actor: "committee1" }), { success: 200 }),
    ];
  })(),

  // The street admin's pages.
  community("s.$street.invites", "create", "streetAdmin", () => ({ path: "/s/huacheng/invites", fields: { intent: "create", community: MINGYUE, role: "resident", maxUses: "1", expiresInDays: "7" }, actor: "street1" }), { success: 200 }),
  community("s.$street.invites", "revoke", "streetAdmin", () => ({ path: "/s/huacheng/invites", fields: { intent: "revoke", inviteId: String(freshInvite().id) }, actor: "street1" }), { success: 200 }),
  community(
    "s.$street.members",
    "revoke",
    "streetAdmin",
    () => {
      // Someone of our own: revoking a demo account would change who may do what in later cases.
      return { path: "/s/huacheng/members", fields: { intent: "revoke", community: MINGYUE, userId: String(userId(newcomer())), role: "resident" }, actor: "street1" };
    },
    { success: 200 },
  ),
  // Issue 18, part setup: the street's communities (a community of our own: archiving mingyue would end every later case).
  community("s.$street.communities", "add", "streetAdmin", () => ({ path: "/s/huacheng/communities", fields: { intent: "add", slug: freshSlug(), nameZh: unique("新社区"), nameEn: unique("New"), kind: "urban", timeZone: "Asia/Shanghai" }, actor: "street1" }), { success: 200 }),
  community("s.$street.communities", "rename", "streetAdmin", () => ({ path: "/s/huacheng/communities", fields: { intent: "rename", slug: ownCommunity(false), nameZh: unique("改名社区"), nameEn: unique("Renamed") }, actor: "street1" }), { success: 200 }),
  community("s.$street.communities", "archive", "streetAdmin", () => ({ path: "/s/huacheng/communities", fields: { intent: "archive", slug: ownCommunity(false), confirm: "on" }, actor: "street1" }), { success: 200 }),
  community("s.$street.communities", "restore", "streetAdmin", () => ({ path: "/s/huacheng/communities", fields: { intent: "restore", slug: ownCommunity(true) }, actor: "street1" }), { success: 200 }),
  // Issue 19, part departments: the street's departments (of our own: the demo's five stay as they are).
  ...(() => {
    const path = "/s/huacheng/departments";
    const dept = (archived = false) => String(ownDepartment(archived));
    const fields = () => ({ nameZh: unique("新部门"), nameEn: "", contact: "街道办 3 楼", responseHours: "24" });
    const ok200 = { success: 200 };
    return [
      community("s.$street.departments", "add", "streetAdmin", () => ({ path, fields: { intent: "add", ...fields() }, actor: "street1" }), ok200),
      community("s.$street.departments", "edit", "streetAdmin", () => ({ path, fields: { intent: "edit", departmentId: dept(), ...fields() }, actor: "street1" }), ok200),
      community("s.$street.departments", "archive", "streetAdmin", () => ({ path, fields: { intent: "archive", departmentId: dept(), confirm: "on" }, actor: "street1" }), ok200),
      community("s.$street.departments", "restore", "streetAdmin", () => ({ path, fields: { intent: "restore", departmentId: dept(true) }, actor: "street1" }), ok200),
      community("s.$street.departments", "addContact", "streetAdmin", () => ({ path, fields: { intent: "addContact", departmentId: dept(), username: newcomer() }, actor: "street1" }), ok200),
      community(
        "s.$street.departments",
        "removeContact",
        "streetAdmin",
        () => {
          const username = newcomer();
          return { path, fields: { intent: "removeContact", departmentId: String(departmentWithContact(username)), userId: String(userId(username)), confirm: "on" }, actor: "street1" };
        },
        ok200,
      ),
      community("s.$street.departments", "invite", "streetAdmin", () => ({ path, fields: { intent: "invite", departmentId: dept(), note: "新同事" }, actor: "street1" }), ok200),
      community("s.$street.departments", "revokeInvite", "streetAdmin", () => ({ path, fields: { intent: "revokeInvite", inviteId: String(freshDepartmentInvite().id), confirm: "on" }, actor: "street1" }), ok200),
    ];
  })(),
  // Issue 19, part reports: the hotline system's tokens (a token of our own to revoke each time).
  community("s.$street.hotline", "createToken", "streetAdmin", () => ({ path: "/s/huacheng/hotline", fields: { intent: "createToken", label: unique("热线平台") }, actor: "street1" }), { success: 200 }),
  community("s.$street.hotline", "revokeToken", "streetAdmin", () => ({ path: "/s/huacheng/hotline", fields: { intent: "revokeToken", tokenId: String(freshHotlineToken()), confirm: "on" }, actor: "street1" }), { success: 200 }),
  // Issue 19, part calls: a call's street page.
  ...CALL_ACTIONS,

  // Issue 19, part community: 街道派单 from the street dashboard, on a task of a mingyue topic.
  community("s.$street._index", "dispatch", "streetAdmin", () => {
    const { id, taskId } = plannedTopic();
    return { path: "/s/huacheng", fields: { intent: "dispatch", topicId: String(id), taskId: String(taskId), ...callFields("城管中队") }, actor: "street1" };
  }),

  // Signed-in people's own things.
  community("account.sessions", "revoke", "signedIn", () => ({ path: "/account/sessions", actor: newcomer(), fields: { intent: "revoke", sessionId: "0".repeat(64) } }), SESSIONS),
  community("account.sessions", "revokeOthers", "signedIn", () => ({ path: "/account/sessions", actor: newcomer(), fields: { intent: "revokeOthers" } }), SESSIONS),
  // Revoking all signs this device out too: 302 to the home page.
  community("account.sessions", "revokeAll", "signedIn", () => ({ path: "/account/sessions", actor: newcomer(), fields: { intent: "revokeAll" } }), { ...SESSIONS, success: 302 }),
  community("notifications", "markAllRead", "signedIn", () => ({ path: "/notifications", fields: { intent: "markAllRead" }, actor: "resident1" }), { changes: false }),
  community("join", "new", "anyone", () => ({
    path: "/join",
    fields: { intent: "new", code: freshInvite().code, username: `j${process.pid}x${++made}`, displayName: "新居民", password: "long-enough-1", confirm: "long-enough-1" },
    actor: null,
  })),
  // Signed out, the join form is the new person's: "existing" then fails its checks (400).
  community("join", "existing", "signedIn", () => ({ path: "/join", fields: { intent: "existing", code: freshInvite().code }, actor: "resident1" }), { signedOut: 400 }),
  // Anyone: signing in and out and the language switch write no rows of their own (sessions are bookkeeping).
  community("login", null, "anyone", () => ({ path: "/login", fields: { username: "resident2", password: "demo1234", redirectTo: "/" }, actor: null }), { changes: false }),
  community("logout", null, "anyone", () => ({ path: "/logout", fields: {}, actor: null }), { changes: false }),
  community("language", null, "anyone", () => ({ path: "/language", fields: { lng: "en", redirectTo: "/" }, actor: null }), { changes: false }),
  // mail (issue 18): one's own e-mail address and how each kind of notification reaches one (answers the page).
  community(
    "account.notifications",
    "save",
    "signedIn",
    () => ({ path: "/account/notifications", actor: newcomer(), fields: { intent: "save", email: "someone@mail.example", mode_topics: "never", mode_meetings: "immediate", mode_tasks: "digest", mode_assist: "digest", mode_other: "never" } }),
    { success: 200, ownSession: true },
  ),
  // Issue 18, part roster: roster imports and invite letters (the street's page and a community's), joining from a letter.
  ...rosterActions(),
  // 代录 (issue 18, part assist): the committee records for a resident; only that resident withdraws it (others: 403).
  community(ASSIST, "cosign", COMMITTEE, () => ({ path: ASSIST_PATH, fields: { intent: "cosign", personId: String(userId("resident2")), channel: "phone", topicId: String(openTopic()), confirm: "on" }, actor: "committee1" })),
  community(ASSIST, "topic", COMMITTEE, () => ({ path: ASSIST_PATH, fields: { intent: "topic", personId: String(userId("resident2")), channel: "visit", title: unique("代录议题"), description: "路灯坏了", location: "", confirm: "on" }, actor: "committee1" })),
  community(ASSIST, "answer", COMMITTEE, () => {
    const { id } = consultingTopic();
    ok(openSolicitation({ ...committee(), topicId: id, question: "是否同意?", deadline: new Date(Date.now() + 7 * DAY_MS) }));
    return { path: ASSIST_PATH, fields: { intent: "answer", personId: String(userId("resident2")), channel: "home", topicId: String(id), stance: "support", text: "", confirm: "on" }, actor: "committee1" };
  }),
  community(ASSIST, "rating", COMMITTEE, () => ({ path: ASSIST_PATH, fields: { intent: "rating", personId: String(userId("resident2")), channel: "phone", topicId: String(verifyingTopic().id), rating: "satisfied", comment: "", confirm: "on" }, actor: "committee1" })),
  community(ASSIST, "withdraw", "member", () => {
    const act = ok(recordAssistedAct({ communityId: cid(), recorderId: userId("committee1"), roles: ["committee"], personId: userId("resident2"), channel: "phone", confirmed: true, act: { kind: "cosign", topicId: openTopic() } }));
    return { path: ASSIST_PATH, fields: { intent: "withdraw", actId: String(act.id), confirm: "on" }, actor: "resident2" };
  }),
];

/** A roster CSV of one new person of `community` (blank: the page's own). */
const rosterCsv = (community = "") => ({ field: "file", name: "roster.csv", type: "text/csv", bytes: new TextEncoder().encode(`姓名,电话,社区,角色,户号或小组\n${unique("名册").replace(/\s+/g, "")},,${community},居民,一组\n`) });

/** One pending person of mingyue (imported by its committee), so a letters post has someone to write to. */
function pendingInMingyue() {
  const r = importRoster({ streetId: streetOf(MINGYUE), communityId: cid(), actorId: userId("committee1"), bytes: rosterCsv().bytes, fileName: "p.csv" });
  if (!r.ok) throw new Error("roster refused while preparing");
}

/** A code of an invite letter for a pending person of a community of our own (claiming it changes no demo account). */
function letterCode(): string {
  const { id } = createCommunity({ entries: 1 });
  const streetId = streetOf(MINGYUE);
  const r = importRoster({ streetId, communityId: id, actorId: userId("street1"), bytes: rosterCsv().bytes, fileName: "p.csv" });
  if (!r.ok) throw new Error("roster refused while preparing");
  return reissueInvites({ scope: { streetId, communityId: id }, importId: r.importId, actorId: userId("street1") })[0].code;
}

const streetOf = (slug: string) => getDb().select({ streetId: communities.streetId }).from(communities).where(eq(communities.slug, slug)).get()!.streetId;

function rosterActions(): ActionCase[] {
  const ROSTER = "c.$community.roster";
  const STREET_ROSTER = "s.$street.roster";
  const letters = { intent: "letters", size: "a4", confirm: "on" };
  return [
    community(ROSTER, "import", ACCESS.roster.audience, () => ({ path: `/c/${MINGYUE}/roster`, fields: { intent: "import" }, file: rosterCsv(), actor: "committee1" }), { success: 200 }),
    community(ROSTER, "letters", ACCESS.roster.audience, () => (pendingInMingyue(), { path: `/c/${MINGYUE}/roster`, fields: letters, actor: "committee1" }), { success: 200 }),
    community(STREET_ROSTER, "import", "streetAdmin", () => ({ path: "/s/huacheng/roster", fields: { intent: "import" }, file: rosterCsv(MINGYUE), actor: "street1" }), { success: 200 }),
    community(STREET_ROSTER, "letters", "streetAdmin", () => (pendingInMingyue(), { path: "/s/huacheng/roster", fields: letters, actor: "street1" }), { success: 200 }),
    community("join", "claim", "anyone", () => ({ path: "/join", fields: { intent: "claim", code: letterCode(), username: `c${process.pid}x${++made}`, password: "long-enough-1", confirm: "long-enough-1" }, actor: null })),
  ];
}

function rulesForm(intent: "rules" | "pack" | "catalogueAdd" | "catalogueEdit" | "catalogueRemove"): Record<string, string> {
  const entry = () => addCatalogueEntry({ communityId: cid(), actorId: userId("street1"), values: { nameZh: unique("测试类别"), nameEn: unique("Test category"), needsVote: true, needsPublicity: true } });
  switch (intent) {
    case "rules":
      return { intent, ...RULE_VALUES, cosignThreshold: String(5 + (++made % 50)) };
    case "pack":
      return { intent, pack: made++ % 2 ? "villagers-representatives" : "residents-representatives" };
    case "catalogueAdd":
      return { intent, nameZh: unique("新类别"), nameEn: unique("New category"), needsVote: "on" };
    case "catalogueEdit":
      return { intent, id: String(entry().id), nameZh: unique("改名类别"), nameEn: unique("Renamed"), needsPublicity: "on" };
    case "catalogueRemove":
      return { intent, id: String(entry().id) };
  }
}

/** Another community's things, for the 404 checks: a topic and a representatives' meeting of shiliu. */
const freshSlug = () => `n${process.pid}x${++made}`;
/** A community of the demo street made for one case (archived when asked). */
function ownCommunity(archived: boolean): string {
  const slug = freshSlug();
  const streetId = getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;
  ok(addCommunity({ streetId, actorId: userId("street1"), community: { slug, nameZh: unique("自建社区"), nameEn: unique("Own"), kind: "village" } }));
  if (archived) ok(setCommunityArchived({ streetId, actorId: userId("street1"), slug, archived: true }));
  return slug;
}

export function foreignIds() {
  const shiliu = communityId("shiliu");
  const topic = createTopic({ communityId: shiliu, proposerId: userId("villager1"), title: unique("石榴村议题"), description: "", location: "", categoryId: null, source: "resident" }).id;
  const meeting = getDb()
    .insert(meetings)
    .values({ communityId: shiliu, number: 901, title: "石榴村代表会议", place: "村委会", scheduledAt: new Date(Date.now() + 10 * DAY_MS), noticeDaysRequired: 5, createdBy: userId("vcommittee1") })
    .returning({ id: meetings.id })
    .get().id;
  return { topic, meeting };
}

/** The same post aimed at another community's topic or meeting (same path shape, foreign id). */
export function foreignPath(path: string, ids: { topic: number; meeting: number }): string | null {
  if (/\/topics\/\d+/.test(path)) return path.replace(/\/topics\/\d+/, `/topics/${ids.topic}`);
  if (/\/meetings\/\d+/.test(path)) return path.replace(/\/meetings\/\d+/, `/meetings/${ids.meeting}`);
  return null;
}

/**
 * The intents a route file's action reads, derived from its source: comparisons and `case`s in the
 * route and in the handler functions it calls (app/actions/*.server.ts), and the intent literals
 * of the schemas and `*_INTENTS` lists those use.
 */
export function intentsInSource(route: string): Set<string> {
  const file = ["tsx", "ts"].map((ext) => path.resolve("app/routes", `${route}.${ext}`)).find((f) => fs.existsSync(f))!;
  const found = new Set<string>();
  const visit = (f: string, names: string[] | null) => {
    const whole = fs.readFileSync(f, "utf8");
    const source = names ? names.map((name) => definitionOf(whole, name)).join("\n") : whole;
    for (const m of source.matchAll(/(?:intent"?\)?\s*[!=]==\s*|case\s+)"(\w+)"/g)) found.add(m[1]);
    for (const imported of importsOf(f, whole)) {
      const used = imported.names.filter((name) => new RegExp(`\\b${name}\\b`).test(source));
      if (imported.file.includes(`${path.sep}app${path.sep}actions${path.sep}`)) visit(imported.file, used);
      else for (const name of used) for (const intent of intentsDefinedBy(definitionOf(fs.readFileSync(imported.file, "utf8"), name), name)) found.add(intent);
    }
  };
  visit(file, null);
  return found;
}

/** `import { a, b } from "./x"` of app/forms and app/actions modules: the file and the names taken from it. */
function importsOf(file: string, source: string): Array<{ file: string; names: string[] }> {
  const out: Array<{ file: string; names: string[] }> = [];
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const spec = m[2];
    const target = spec.startsWith("~/") ? path.resolve("app", spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
    if (!target || !/[\\/]app[\\/](forms|actions)[\\/]/.test(target)) continue;
    const resolved = [".ts", ".tsx"].map((ext) => target + ext).find((f) => fs.existsSync(f));
    if (resolved) out.push({ file: resolved, names: m[1].split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]).filter(Boolean) });
  }
  return out;
}

/** One exported definition's text (`export const NAME` or `export function NAME`, up to the next export). */
function definitionOf(source: string, name: string): string {
  const start = source.search(new RegExp(`export (?:const|(?:async )?function) ${name}\\b`));
  if (start < 0) return "";
  const next = source.indexOf("\nexport ", start + 1);
  return source.slice(start, next < 0 ? undefined : next);
}

/** The intent literals of a schema or an `*_INTENTS` list. */
function intentsDefinedBy(definition: string, name: string): string[] {
  const intents: string[] = [];
  for (const m of definition.matchAll(/intent:\s*z\.literal\("(\w+)"\)/g)) intents.push(m[1]);
  for (const m of definition.matchAll(/intent:\s*z\.enum\(\[([^\]]*)\]/g)) intents.push(...[...m[1].matchAll(/"(\w+)"/g)].map((x) => x[1]));
  if (/_INTENTS$/.test(name)) intents.push(...[...definition.matchAll(/"(\w+)"/g)].map((x) => x[1]));
  return intents;
}

/** Route files that export an action. */
export function actionRoutes(): string[] {
  return fs
    .readdirSync(path.resolve("app/routes"))
    .filter((f) => /export (async )?function action|export const action/.test(fs.readFileSync(path.resolve("app/routes", f), "utf8")))
    .map((f) => f.replace(/\.tsx?$/, ""));
}
