// 组成人员 (居委会组织法 Art. 28–29, 村委会组织法 Art. 29–30): the roster is the committee's members and
// the representatives, each once with their seat; committee members check in, vote and are told of
// meetings; a committee member cannot be a supervisor; supervisors attend (列席) uncounted and answer
// consultations; a motion's basis is frozen when its vote opens; a share "of all members".
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, inTransaction } from "../../db/client.server";
import { catalogueEntries, ledgerEntries, meetingAttendance, meetingObservers, motions, notifications, rules } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { resetClock, DAY_MS } from "~/models/clock.server";
import { answerSolicitation, openSolicitation } from "~/models/consultation.server";
import { citedRules, voteRecord } from "~/models/decision-record.server";
import { freezeDraft } from "~/models/freeze.server";
import { createInvite, redeemInvite } from "~/models/invite.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { attendAsObserver, checkIn } from "~/models/meeting-attendance.server";
import { getMeetingRecord } from "~/models/meeting-records.server";
import { getMeetingView } from "~/models/meeting-view.server";
import { getRosterMakeUp, scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { DomainError } from "~/models/domain-error.server";
import { grantMembership, revokeMembership } from "~/models/membership.server";
import en from "~/i18n/en";
import zhCN from "~/i18n/zh-CN";
import { basisOf } from "~/workflow/motion-basis";
import type { Role } from "~/workflow/roles";
import { citeArticle, RULE_PACKS } from "~/workflow/rule-packs";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";

afterEach(() => resetClock());

const db = () => getDb();
const CONVENER: Role[] = ["convener", "committee", "committeeMember"];
const REP: Role[] = ["representative", "resident"];
const MEMBER: Role[] = ["committeeMember", "resident"];
const rep = (n: number) => `rep${String(n).padStart(2, "0")}`;
const reps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => rep(from + i));
const cid = () => communityId("mingyue");

function frozenTopic(category = "facilities") {
  const { id } = consultingTopic({ category, text: "议案正文:组成人员测试。" });
  expect(freezeDraft({ communityId: cid(), topicId: id, userId: userId("committee1"), roles: ["committee"] })).toMatchObject({ ok: true });
  return id;
}

/** A mingyue meeting in session on one motion; nobody checked in yet. */
function session(category = "facilities") {
  const topicId = frozenTopic(category);
  const actor = { communityId: cid(), userId: userId("convener1"), roles: CONVENER };
  const meeting = scheduleMeeting({ ...actor, title: "居民代表会议", place: "议事厅", scheduledAt: new Date(Date.now() + 10 * DAY_MS), requestId: null, acceptShortNotice: false });
  if (!meeting.ok) throw new Error(meeting.problem);
  const motion = tableMotion({ ...actor, meetingId: meeting.id, topicId, secret: false, onFail: "revise" });
  if (!motion.ok) throw new Error(motion.problem);
  const started = startMeeting({ early: true, ...actor, meetingId: meeting.id });
  const as = (username: string, roles: Role[]) => ({ communityId: cid(), userId: userId(username), roles, meetingId: meeting.id });
  return {
    meetingId: meeting.id,
    motionId: motion.id,
    topicId,
    started,
    checkIn: (username: string, roles: Role[] = REP) => checkIn(as(username, roles)),
    vote: (username: string, choice: "yes" | "no" | "abstain", roles: Role[] = REP) => castBallot({ ...as(username, roles), motionId: motion.id, choice }),
    open: () => openVote({ ...actor, meetingId: meeting.id, motionId: motion.id }),
    close: () => closeVote({ ...actor, meetingId: meeting.id, motionId: motion.id }),
  };
}

describe("the roster of 组成人员", () => {
  it("is the five 居委会 members and the 15 representatives, each with their seat; the ledger records who sits as a committee member; the make-up warns that 15 of 20 is under four fifths", () => {
    const m = session();
    expect(m.started).toEqual({ ok: true, members: 20 });
    const rows = db().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.meetingId)).all();
    expect(rows).toHaveLength(20);
    const committee = ["convener1", "committee1", "committee2", "cmember1", "cmember2"].map(userId).sort((a, b) => a - b);
    expect(rows.filter((r) => r.seat === "committeeMember").map((r) => r.userId).sort((a, b) => a - b)).toEqual(committee);
    const started = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "meeting.started"), eq(ledgerEntries.subject, `meeting:${m.meetingId}`))).get()!;
    expect(JSON.parse(started.payload)).toMatchObject({ members: 20, committeeMembers: committee });
    // The numbers (5 + 15 = 20) leave representatives at 3/4, under the law's 4/5 (居委会组织法 Art. 28): the convener is warned.
    expect(getRosterMakeUp({ communityId: cid() })).toMatchObject({ members: 20, committeeMembers: 5, representatives: 15, representativesShareMet: false, shareArticle: "residents:28" });
    expect(getRosterMakeUp({ communityId: communityId("shiliu") })).toMatchObject({ members: 15, committeeMembers: 3, representatives: 12, representativesShareMet: true, shareArticle: "villagers:29" });
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("counts committee members in the quorum and the tally: 14 of 20 present is a quorum, 13 is not", () => {
    const m = session();
    for (const r of reps(1, 10)) expect(m.checkIn(r).ok).toBe(true);
    for (const u of ["cmember1", "cmember2", "committee1"]) expect(m.checkIn(u, MEMBER).ok).toBe(true);
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    expect(m.checkIn("committee2", ["committee", "committeeMember"])).toMatchObject({ ok: true, present: 14 });
    expect(m.open()).toEqual({ ok: true });
    for (const u of ["cmember1", "cmember2", "committee1"]) expect(m.vote(u, "yes", MEMBER)).toEqual({ ok: true });
    for (const r of reps(1, 5)) expect(m.vote(r, "yes").ok).toBe(true);
    // A resident who holds no seat can neither check in nor vote.
    expect(m.checkIn("resident1", ["resident"])).toEqual({ ok: false, problem: "wrongRole" });
    expect(m.vote("resident1", "yes", ["resident"])).toEqual({ ok: false, problem: "notRepresentative" });
    expect(m.close()).toMatchObject({ ok: true, result: { present: 14, yes: 8, passed: true, minimumYes: 8 } });
  });

  it("tells committee members of a meeting scheduled, and seats one who is both a committee member and a representative once", () => {
    const admin = userId("street1");
    inTransaction(db(), (tx) => grantMembership(tx, { communityId: cid(), userId: userId(rep(15)), role: "committeeMember", grantedBy: admin, via: "test" }));
    const before = db().select().from(notifications).where(and(eq(notifications.userId, userId("cmember1")), eq(notifications.kind, "meeting.scheduled"))).all().length;
    const m = session();
    expect(db().select().from(notifications).where(and(eq(notifications.userId, userId("cmember1")), eq(notifications.kind, "meeting.scheduled"))).all().length).toBe(before + 1);
    expect(m.started).toEqual({ ok: true, members: 20 });
    const seat = db().select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, m.meetingId), eq(meetingAttendance.userId, userId(rep(15))))).all();
    expect(seat).toHaveLength(1);
    expect(seat[0].seat).toBe("committeeMember");
    expect(getRosterMakeUp({ communityId: cid() })).toMatchObject({ members: 20, committeeMembers: 6, representatives: 14, representativesShareMet: false });

    // Losing one of the two roles keeps the seat; losing the last one leaves the roster.
    expect(revokeMembership({ streetId: 1, communitySlug: "mingyue", userId: userId(rep(15)), role: "representative", actorId: admin })).not.toBeNull();
    expect(db().select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, m.meetingId), eq(meetingAttendance.userId, userId(rep(15))))).get()!.leftAt).toBeNull();
    expect(revokeMembership({ streetId: 1, communitySlug: "mingyue", userId: userId("cmember2"), role: "committeeMember", actorId: admin })).not.toBeNull();
    expect(db().select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, m.meetingId), eq(meetingAttendance.userId, userId("cmember2")))).get()!.leftAt).not.toBeNull();
    expect(m.checkIn("cmember2", ["resident"])).toEqual({ ok: false, problem: "wrongRole" });
    expect(getMeetingView({ communityId: cid(), meetingId: m.meetingId })!.meeting.members).toBe(19);
    const left = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "attendance.left"), eq(ledgerEntries.subject, `meeting:${m.meetingId}`))).all();
    expect(left.map((e) => JSON.parse(e.payload).representative)).toEqual([userId("cmember2")]);
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
    // Put the roles back for the tests after this one (the roster stays 20).
    inTransaction(db(), (tx) => {
      grantMembership(tx, { communityId: cid(), userId: userId("cmember2"), role: "committeeMember", grantedBy: admin, via: "test" });
      grantMembership(tx, { communityId: cid(), userId: userId(rep(15)), role: "representative", grantedBy: admin, via: "test" });
    });
    expect(revokeMembership({ streetId: 1, communitySlug: "mingyue", userId: userId(rep(15)), role: "committeeMember", actorId: admin })).not.toBeNull();
  });
});

describe("a committee member cannot be a supervisor (居委会组织法第三十六条, 村委会组织法第三十七条)", () => {
  it("refuses either grant, in the seed's transaction and by invite, naming the article of the community's law", async () => {
    const admin = userId("street1");
    expect(() => inTransaction(db(), (tx) => grantMembership(tx, { communityId: cid(), userId: userId("cmember1"), role: "supervisor", grantedBy: admin, via: "test" }))).toThrow(DomainError);
    expect(() => inTransaction(db(), (tx) => grantMembership(tx, { communityId: cid(), userId: userId("supervisor1"), role: "committeeMember", grantedBy: admin, via: "test" }))).toThrow(DomainError);
    const invite = createInvite({ communityId: cid(), role: "committeeMember", maxUses: 1, expiresInDays: 7, note: "", createdBy: admin });
    expect(await redeemInvite({ code: invite.code, userId: userId("supervisor1") })).toEqual({ ok: false, problem: "supervisorExclusiveResidents" });
    const village = createInvite({ communityId: communityId("shiliu"), role: "supervisor", maxUses: 1, expiresInDays: 7, note: "", createdBy: admin });
    expect(await redeemInvite({ code: village.code, userId: userId("vmember1") })).toEqual({ ok: false, problem: "supervisorExclusiveVillagers" });
    // Nothing was written, and the refusal quotes each pack's own article.
    expect(db().select().from(ledgerEntries).where(eq(ledgerEntries.type, "invite.redeemed")).all().filter((e) => JSON.parse(e.payload).userId === userId("supervisor1"))).toHaveLength(0);
    expect(zhCN.join.supervisorExclusiveResidents).toContain(citeArticle(RULE_PACKS["residents-representatives"].supervisionArticle, "zh-CN"));
    expect(zhCN.join.supervisorExclusiveVillagers).toContain(citeArticle(RULE_PACKS["villagers-representatives"].supervisionArticle, "zh-CN"));
    expect(en.join.supervisorExclusiveResidents).toContain("Art. 36");
    // The demo data keeps the rule: no one is both.
    const both = db().$client.prepare("SELECT a.user_id FROM memberships a JOIN memberships b ON a.user_id = b.user_id AND a.community_id = b.community_id WHERE a.role = 'committeeMember' AND b.role = 'supervisor'").all();
    expect(both).toHaveLength(0);
  });
});

describe("supervisors", () => {
  it("register 列席 in a meeting in session: named in the roll and the minutes, never counted", () => {
    const m = session();
    const as = { communityId: cid(), userId: userId("supervisor1"), roles: ["supervisor"] as Role[], meetingId: m.meetingId };
    for (const r of reps(1, 13)) m.checkIn(r);
    expect(attendAsObserver(as)).toEqual({ ok: true });
    expect(attendAsObserver(as)).toEqual({ ok: false, problem: "alreadyCheckedIn" });
    expect(attendAsObserver({ ...as, userId: userId(rep(14)), roles: REP })).toEqual({ ok: false, problem: "wrongRole" });
    const view = getMeetingView({ communityId: cid(), meetingId: m.meetingId })!;
    expect(view.quorum).toMatchObject({ present: 13, members: 20, met: false });
    expect(view.observers.map((o) => o.userId)).toEqual([userId("supervisor1")]);
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    expect(m.vote("supervisor1", "yes", ["supervisor"])).toEqual({ ok: false, problem: "notRepresentative" });
    expect(getMeetingRecord({ communityId: cid(), meetingId: m.meetingId })!.observers).toMatchObject([{ userId: userId("supervisor1"), capacity: "supervisor" }]);
    expect(db().select().from(meetingObservers).where(eq(meetingObservers.meetingId, m.meetingId)).all()).toHaveLength(1);
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
    // An observer row nobody recorded is caught.
    db().insert(meetingObservers).values({ meetingId: m.meetingId, userId: userId("resident1"), capacity: "supervisor", checkedInAt: new Date() }).run();
    expect(verifyLedger({ communityId: cid() }).ok).toBe(false);
    db().delete(meetingObservers).where(and(eq(meetingObservers.meetingId, m.meetingId), eq(meetingObservers.userId, userId("resident1")))).run();
  });

  it("answer consultations", () => {
    const { id, communityId: c } = consultingTopic({ text: "协商正文" });
    const opened = openSolicitation({ communityId: c, topicId: id, userId: userId("committee1"), roles: ["committee"], question: "是否同意?", deadline: new Date(Date.now() + 5 * DAY_MS) });
    if (!opened.ok) throw new Error(opened.problem);
    expect(answerSolicitation({ communityId: c, topicId: id, userId: userId("supervisor1"), roles: ["supervisor"], consultationId: opened.id, stance: "support", text: "同意" })).toMatchObject({ ok: true });
  });
});

describe("the basis of a vote", () => {
  it("is frozen when the vote opens: a later change of the rules rewrites neither the result nor the basis shown", () => {
    const m = session();
    for (const r of reps(1, 14)) m.checkIn(r);
    expect(m.open()).toEqual({ ok: true });
    for (const r of reps(1, 8)) m.vote(r, "yes");
    const closed = m.close();
    expect(closed).toMatchObject({ ok: true, result: { passed: true, minimumYes: 8 } });
    const motion = () => db().select().from(motions).where(eq(motions.id, m.motionId)).get()!;
    const basis = basisOf(motion())!;
    expect(basis).toMatchObject({ pack: "residents-representatives", lawRevision: "2025-10-28", quorum: { num: 2, den: 3, inclusive: true }, pass: { num: 1, den: 2, inclusive: false }, passOfAll: false, members: 20 });
    expect(basis.articles.map((a) => a.key)).toEqual([...RULE_PACKS["residents-representatives"].articles]);
    expect(basis.articles[1]).toMatchObject({ citeZh: "居委会组织法第二十九条" });
    const opened = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "motion.opened"), eq(ledgerEntries.subject, `motion:${m.motionId}`))).get()!;
    expect(JSON.parse(opened.payload).basis).toMatch(/^[0-9a-f]{64}$/);

    const before = voteRecord(db(), motion(), citedRules(db(), cid()), { zh: null, en: null });
    const oldBasis = db().select({ basisZh: rules.basisZh }).from(rules).where(eq(rules.communityId, cid())).get()!.basisZh;
    db().update(rules).set({ passNum: 3, passDen: 4, passInclusive: true, basisZh: "后来修改的议事规则" }).where(eq(rules.communityId, cid())).run();
    try {
      const after = voteRecord(db(), motion(), citedRules(db(), cid()), { zh: null, en: null });
      expect(after.result).toEqual(before.result);
      expect(after.result.passed).toBe(true);
      expect(after.basis.zh).toBe(oldBasis);
      const agenda = getMeetingView({ communityId: cid(), meetingId: m.meetingId })!.agenda[0];
      expect(agenda.result).toMatchObject({ passed: true, minimumYes: 8 });
      expect(agenda.basis!.basisZh).toBe(oldBasis);
    } finally {
      db().update(rules).set({ passNum: 1, passDen: 2, passInclusive: false, basisZh: oldBasis }).where(eq(rules.communityId, cid())).run();
    }
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
    // Rewriting the frozen basis is caught by ledger:verify.
    const frozen = motion().basis!;
    db().update(motions).set({ basis: frozen.replace('"num":1', '"num":2') }).where(eq(motions.id, m.motionId)).run();
    expect(verifyLedger({ communityId: cid() }).ok).toBe(false);
    db().update(motions).set({ basis: frozen }).where(eq(motions.id, m.motionId)).run();
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("counts a share of ALL members for a category with pass_of_all: 9 of 14 present is not more than half of 20", () => {
    db().update(catalogueEntries).set({ passOfAll: true }).where(and(eq(catalogueEntries.communityId, cid()), eq(catalogueEntries.code, "parking"))).run();
    try {
      const m = session("parking");
      expect(db().select().from(motions).where(eq(motions.id, m.motionId)).get()!.passOfAll).toBe(true);
      for (const r of reps(1, 14)) m.checkIn(r);
      m.open();
      for (const r of reps(1, 9)) m.vote(r, "yes");
      expect(m.close()).toMatchObject({ ok: true, result: { present: 14, yes: 9, passed: false, base: 20, ofAll: true, minimumYes: 11 } });
      expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
    } finally {
      db().update(catalogueEntries).set({ passOfAll: false }).where(and(eq(catalogueEntries.communityId, cid()), eq(catalogueEntries.code, "parking"))).run();
    }
  });
});

