// The hall points to the representatives' meeting: the next one scheduled, or the one in session
// (where a representative is asked to check in and vote).
import { describe, expect, it } from "vitest";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { freezeDraft } from "~/models/freeze.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { currentMeeting } from "~/models/meeting-list.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();

describe("the hall's meeting banner", () => {
  it("stops pointing to a scheduled meeting once its time has come, with nothing written in between", () => {
    // First: the seed has no meeting in session, its next one is scheduled (the test below starts one).
    const cid = communityId("mingyue");
    const next = currentMeeting({ communityId: cid });
    expect(next?.status).toBe("scheduled");
    try {
      // The clock passes the meeting's time; no write, so only the time can tell the hall.
      shiftClock(next!.scheduledAt.getTime() - Date.now() + 60_000);
      expect(currentMeeting({ communityId: cid })?.id).not.toBe(next!.id);
    } finally {
      resetClock();
    }
    expect(currentMeeting({ communityId: cid })?.id).toBe(next!.id);
  });

  it("shows the next meeting, then the meeting in session with a call to check in", async () => {
    const cid = communityId("mingyue");
    const convener = { communityId: cid, userId: userId("convener1"), roles: ["convener", "committee"] as const };
    const hall = async (who: string) => (await http.fetch("/c/mingyue", { cookie: await http.login(who) })).text();
    const before = await hall("rep01");
    expect(before).not.toContain("第1次居民代表会议:大厅横幅测试");

    const { id } = consultingTopic({ text: "横幅测试议案。" });
    expect(freezeDraft({ communityId: cid, topicId: id, userId: userId("committee1"), roles: ["committee"] }).ok).toBe(true);
    const meeting = scheduleMeeting({ ...convener, title: "大厅横幅测试", place: "社区二楼会议室", scheduledAt: new Date(Date.now() + 6 * DAY_MS), requestId: null, acceptShortNotice: false }); // before the seeded next meeting (in 7 days)
    if (!meeting.ok) throw new Error(meeting.problem);
    expect(tableMotion({ ...convener, meetingId: meeting.id, topicId: id, secret: false, onFail: "revise" }).ok).toBe(true);

    const scheduled = await hall("resident1");
    expect(scheduled).toContain("下一次居民代表会议");
    expect(scheduled).toContain("大厅横幅测试");
    expect(scheduled).toContain("社区二楼会议室");
    expect(scheduled).toContain(`/c/mingyue/meetings/${meeting.id}`);

    expect(startMeeting({ early: true, ...convener, meetingId: meeting.id }).ok).toBe(true);
    const live = await hall("rep01");
    expect(live).toContain("居民代表会议正在进行");
    expect(live).toContain("签到与表决");
    expect(await hall("resident1")).not.toContain("签到与表决");
  });

});
