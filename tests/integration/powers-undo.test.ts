// 撤销 / 变更 (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3) over real HTTP and the models: the committee
// names the resolution a topic undoes; the topic is refused on a representatives' agenda (with the
// article) and taken on an assembly's; when its motion passes, the named resolution is revoked or
// changed in the same transaction, shown so on the topic page, the board, the feed and the minutes,
// its topic's execution ends, and the ledger verifies (a hand edit of the named resolution does not).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { meetings, resolutions, topics } from "../../db/schema";
import { checkInAtDoor } from "~/models/assembly-door.server";
import { recordCountedTally } from "~/models/assembly-count.server";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { setTopicUndo } from "~/models/powers-undo.server";
import type { UndoKind } from "~/workflow/assembly";
import { addHouseholds, rollOf } from "./support/assembly";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { convener, must, representative } from "./support/meeting";

const http = useServer();
const as = signedIn(http);
const MINGYUE = () => communityId("mingyue");
const committee = () => ({ communityId: MINGYUE(), userId: userId("committee1"), roles: ["committee"] as const });

/** A meeting of mingyue a week ahead: the representatives' meeting, or an assembly counting persons. */
function meeting(body: "representatives" | "assembly") {
  const title = body === "assembly" ? "居民会议(测试)" : "代表会议(测试)";
  const { id } = must(scheduleMeeting({ ...convener(), title, place: "社区议事厅", scheduledAt: new Date(Date.now() + 7 * 86_400_000), requestId: null, acceptShortNotice: true, body, countBy: body === "assembly" ? "persons" : null }));
  return id;
}

/** A consulting topic, optionally naming a resolution to undo, then frozen onto the agenda. */
function frozenTopic(text: string, undo?: { resolutionId: number; kind: UndoKind }) {
  const { id } = consultingTopic({ text });
  if (undo) expect(setTopicUndo({ ...committee(), topicId: id, ...undo })).toEqual({ ok: true });
  const frozen = freezeDraft({ ...committee(), topicId: id });
  if (!frozen.ok) throw new Error(`freeze: ${frozen.problem}`);
  return id;
}

/**
 * Tables the topic on the meeting and runs the session so the motion passes: at a representatives'
 * meeting 14 check in and 10 vote for; at an assembly everyone on its roll is checked in at the door
 * and the tellers count every hand for.
 */
function pass(meetingId: number, topicId: number) {
  const { id: motionId } = must(tableMotion({ ...convener(), meetingId, topicId, secret: false, onFail: "close" }));
  must(startMeeting({ early: true, ...convener(), meetingId }));
  const assembly = getDb().select({ body: meetings.body }).from(meetings).where(eq(meetings.id, meetingId)).get()!.body === "assembly";
  if (assembly) {
    const roll = rollOf(meetingId);
    for (const seat of roll) must(checkInAtDoor({ ...convener(), meetingId, rollId: seat.id }));
    must(openVote({ ...convener(), meetingId, motionId }));
    const counted = must(recordCountedTally({ ...convener(), meetingId, motionId, yes: roll.length, no: 0, abstain: 0, countedBy: "计票人 刘伟" }));
    if (counted.resolutionId === null) throw new Error("did not pass");
    return counted.resolutionId;
  }
  for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
  must(openVote({ ...convener(), meetingId, motionId }));
  for (let n = 1; n <= 10; n++) must(castBallot({ ...representative(n), meetingId, motionId, choice: "yes" }));
  const closed = must(closeVote({ ...convener(), meetingId, motionId }));
  if (closed.resolutionId === null) throw new Error("did not pass");
  return closed.resolutionId;
}

// 明月社区's register (the demo has none there): three households, four adults, for the assemblies.
beforeAll(() => {
  addHouseholds("mingyue", [
    { code: "U001", members: [{ name: "户主一", birthDate: "1970-01-01", representative: true }, { name: "家人一", birthDate: "1972-01-01" }] },
    { code: "U002", members: [{ name: "户主二", birthDate: "1965-01-01", representative: true }] },
    { code: "U003", members: [{ name: "户主三", birthDate: "1980-01-01", representative: true }] },
  ]);
});

const resolutionRow = (id: number) => getDb().select().from(resolutions).where(eq(resolutions.id, id)).get()!;
const topicState = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;

describe("a topic that undoes a resolution", () => {
  it("is named by the committee only, before its text is frozen, and only for a resolution that still stands", async () => {
    const oldTopic = frozenTopic("东门加装路灯。");
    const oldResolution = pass(meeting("representatives"), oldTopic);
    const { id } = consultingTopic({ text: "撤销东门路灯决议。" });
    const undoPage = `/c/mingyue/topics/${id}/undo`;
    // Residents and representatives are refused the page and its post; the database is unchanged.
    expect((await http.fetch(undoPage, { cookie: await as("resident1") })).status).toBe(403);
    const refused = await http.fetch(undoPage, { cookie: await as("rep01"), form: { intent: "nameUndo", resolutionId: String(oldResolution), kind: "revoke" } });
    expect(refused.status).toBe(403);
    expect(getDb().select({ r: topics.undoesResolutionId }).from(topics).where(eq(topics.id, id)).get()!.r).toBeNull();
    // Another community's committee: 404.
    expect((await http.fetch(undoPage.replace("mingyue", "shiliu"), { cookie: await as("vcommittee1") })).status).toBe(404);
    // The committee names it over the page.
    const page = await http.fetch(undoPage, { cookie: await as("committee1") });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("居委会组织法第三十条第三款");
    const named = await http.fetch(undoPage, { cookie: await as("committee1"), form: { intent: "nameUndo", resolutionId: String(oldResolution), kind: "revoke" } });
    expect(named.status).toBe(302);
    expect(getDb().select({ r: topics.undoesResolutionId, k: topics.undoKind }).from(topics).where(eq(topics.id, id)).get()).toEqual({ r: oldResolution, k: "revoke" });
    // Its own resolution, another community's or a made-up one: refused.
    expect(setTopicUndo({ ...committee(), topicId: oldTopic, resolutionId: oldResolution, kind: "revoke" })).toEqual({ ok: false, problem: "wrongState" });
    expect(setTopicUndo({ ...committee(), topicId: id, resolutionId: 999_999, kind: "change" })).toEqual({ ok: false, problem: "notUndoable" });
    // Once frozen, it can no longer change.
    expect(freezeDraft({ ...committee(), topicId: id }).ok).toBe(true);
    expect(setTopicUndo({ ...committee(), topicId: id, resolutionId: null, kind: "revoke" })).toEqual({ ok: false, problem: "wrongState" });
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
  });

  it("is refused on a representatives' agenda with the article, and taken on an assembly's", async () => {
    const oldResolution = pass(meeting("representatives"), frozenTopic("南门设置快递柜。"));
    const topicId = frozenTopic("变更快递柜位置。", { resolutionId: oldResolution, kind: "change" });
    const repMeeting = meeting("representatives");
    expect(tableMotion({ ...convener(), meetingId: repMeeting, topicId, secret: false, onFail: "close" })).toEqual({ ok: false, problem: "undoNeedsAssembly" });
    // Over the meeting page: 409, the reason in words with the article, nothing tabled.
    const res = await http.fetch(`/c/mingyue/meetings/${repMeeting}`, { cookie: await as("convener1"), form: { intent: "table", topicId: String(topicId), onFail: "close" } });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("只能由居民会议决定");
    expect(html).toContain("居委会组织法第三十条第三款");
    // The meeting page's table form says so before the convener tries.
    const form = await (await http.fetch(`/c/mingyue/meetings/${repMeeting}`, { cookie: await as("convener1") })).text();
    expect(form).toContain('data-testid="table-blocked"');
    // The topic page says so too.
    const topicHtml = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(topicHtml).toContain('data-block="undoNeedsAssembly"');
    const assembly = meeting("assembly");
    expect(tableMotion({ ...convener(), meetingId: assembly, topicId, secret: false, onFail: "close" }).ok).toBe(true);
  });
});

describe("when the assembly passes it", () => {
  for (const kind of ["revoke", "change"] as const) {
    it(`${kind === "revoke" ? "revokes" : "changes"} the named resolution everywhere it is shown, ends its execution, and the ledger verifies`, async () => {
      const oldTopic = frozenTopic(kind === "revoke" ? "北区绿地改建停车位。" : "活动室开放时间调整为晚八点。");
      const oldResolution = pass(meeting("representatives"), oldTopic);
      const oldMeeting = getDb().select({ meetingId: meetings.id }).from(meetings).orderBy(meetings.id).all().at(-1)!.meetingId;
      const topicId = frozenTopic("居民会议审议。", { resolutionId: oldResolution, kind });
      const fresh = pass(meeting("assembly"), topicId);
      const r = resolutionRow(oldResolution);
      const status = kind === "revoke" ? "revoked" : "changed";
      const { year, number } = resolutionRow(fresh);
      expect(r.status).toBe(status);
      expect(r.statusReason).toBe(`决议〔${year}〕${number}号`);
      expect(r.statusAt).not.toBeNull();
      // Its topic no longer waits for 公示 or execution.
      expect(topicState(oldTopic)).toBe("closed");
      const word = kind === "revoke" ? "已撤销" : "已变更";
      const undone = kind === "revoke" ? `已被决议〔${year}〕${number}号撤销` : `已被决议〔${year}〕${number}号变更`;
      // The public board (signed out), with the link to the undoing resolution on the same page.
      const board = await (await http.fetch("/c/mingyue/board")).text();
      expect(board).toContain(word);
      expect(board).toContain(undone);
      expect(board).toContain(`href="#resolution-${year}-${number}"`);
      expect(board).toContain(`id="resolution-${year}-${number}"`);
      // The old topic's page links to the topic whose resolution undid it.
      const page = await (await http.fetch(`/c/mingyue/topics/${oldTopic}`, { cookie: await as("resident1") })).text();
      expect(page).toContain(undone);
      expect(page).toContain(`href="/c/mingyue/topics/${topicId}"`);
      // The feed and the old meeting's minutes say it too.
      expect(await (await http.fetch("/c/mingyue/board/feed.xml")).text()).toContain(word);
      expect(await (await http.fetch(`/c/mingyue/meetings/${oldMeeting}/minutes`, { cookie: await as("resident1") })).text()).toContain(word);
      expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
      // A hand edit of what the topic names is caught.
      getDb().update(topics).set({ undoKind: kind === "revoke" ? "change" : "revoke" }).where(eq(topics.id, topicId)).run();
      expect(firstDisagreeingRecord(getDb(), MINGYUE())).toMatchObject({ check: "undo", why: "differs", record: `topic:${topicId}` });
      getDb().update(topics).set({ undoKind: kind }).where(eq(topics.id, topicId)).run();
    });
  }
});
