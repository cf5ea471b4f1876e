// The preferences page over real HTTP (one's own only, bad input refused with nothing changed, a plain
// form that works without JavaScript), and meeting notices reaching every member of the roster by
// e-mail with the date and time in the community's zone, the place and the agenda.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { notificationPrefs, notifications, topics, users } from "../../db/schema";
import { now } from "~/models/clock.server";
import { tableMotion, withdrawMotion } from "~/models/meeting-agenda.server";
import { rosterIds, scheduleMeeting } from "~/models/meeting.server";
import { cancelMeeting } from "~/models/meeting-session.server";
import { addMember } from "~/models/register.server";
import { readModes } from "~/notify/prefs.server";
import { communityId } from "./support/db";
import { useServer } from "./support/http";
import { addMembers, agendaTopic, convener, must } from "./support/meeting";
import { mailTo, personWithEmail, runMail, useMail } from "./support/mail";
import { householdWith } from "./support/register";
import { convenerOf } from "./support/assembly";

const http = useServer();
const rig = useMail();

const SAVE = { intent: "save", mode_topics: "never", mode_meetings: "immediate", mode_tasks: "digest", mode_assist: "immediate", mode_other: "never" };
const emailOf = (id: number) => getDb().select({ email: users.email }).from(users).where(eq(users.id, id)).get()?.email ?? null;
const prefRows = (id: number) => getDb().select().from(notificationPrefs).where(eq(notificationPrefs.userId, id)).all();

describe("the notification preferences page", () => {
  it("is a plain form of one's own address and a mode per kind, with the defaults", async () => {
    const [p] = addMembers(1, { roles: ["resident"] });
    const res = await http.fetch("/account/notifications", { cookie: p.cookie });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/<form method="post"/);
    expect(page).toContain('name="intent" value="save"');
    expect(page).toContain('name="email"');
    expect(page).toMatch(/name="mode_meetings"[^>]*checked=""[^>]*value="immediate"/);
    expect(page).toMatch(/name="mode_topics"[^>]*checked=""[^>]*value="digest"/);
    expect(page).toContain("会议通知");
    expect(page).toContain("您还没有填写电子邮箱");
    const signedOut = await http.fetch("/account/notifications");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/login/);
  });

  it("saves the address and modes of the one who posts, and only theirs; an empty address clears it", async () => {
    const [p, other] = addMembers(2, { roles: ["resident"] });
    const res = await http.fetch("/account/notifications", { cookie: p.cookie, form: { ...SAVE, email: "  me@mail.example " } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已保存");
    expect(emailOf(p.id)).toBe("me@mail.example");
    expect(readModes(p.id)).toEqual({ topics: "never", meetings: "immediate", tasks: "digest", assist: "immediate", other: "never" });
    expect(emailOf(other.id)).toBeNull();
    expect(prefRows(other.id)).toEqual([]);
    await http.fetch("/account/notifications", { cookie: p.cookie, form: { ...SAVE, email: "" } });
    expect(emailOf(p.id)).toBeNull();
  });

  it("refuses a bad address or mode with a translated message, changing nothing", async () => {
    const [p] = addMembers(1, { roles: ["resident"] });
    for (const form of [{ ...SAVE, email: "not an address" }, { ...SAVE, email: "a@b" }, { ...SAVE, email: "ok@mail.example", mode_tasks: "hourly" }, { ...SAVE, email: "ok@mail.example", mode_other: "" }]) {
      const res = await http.fetch("/account/notifications", { cookie: p.cookie, form });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain("请修正标出的项目");
      expect(emailOf(p.id)).toBeNull();
      expect(prefRows(p.id)).toEqual([]);
    }
    const english = await http.fetch("/account/notifications", { cookie: `${p.cookie}; ${await http.english()}`, form: { ...SAVE, email: "nope" } });
    expect(await english.text()).toContain("Enter a valid e-mail address");
  });

  it("is linked from the notifications page", async () => {
    const [p] = addMembers(1, { roles: ["resident"] });
    const page = await (await http.fetch("/notifications", { cookie: p.cookie })).text();
    expect(page).toContain('href="/account/notifications"');
  });
});

describe("meeting notices", () => {
  it("reach every member of the roster by e-mail, with the date and time, the place and the agenda", async () => {
    const actor = convener();
    const roster = rosterIds(getDb(), actor.communityId).filter((id) => id !== actor.userId);
    expect(roster.length).toBeGreaterThan(5);
    for (const id of roster) getDb().update(users).set({ email: `roster${id}@mail.example` }).where(eq(users.id, id)).run();
    // 19:30 Beijing time, ten days on.
    const day = new Date(now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const scheduledAt = new Date(`${day}T11:30:00Z`);
    const { id } = must(scheduleMeeting({ ...actor, title: "邮件通知测试会议", place: "二楼活动室", scheduledAt, requestId: null, acceptShortNotice: true }));
    const told = getDb().select().from(notifications).where(eq(notifications.kind, "meeting.scheduled")).all().filter((n) => JSON.parse(n.payload).meetingId === id);
    expect(told.map((n) => n.userId).sort((a, b) => a - b)).toEqual([...roster].sort((a, b) => a - b));
    expect(JSON.parse(told[0].payload)).toMatchObject({ place: "二楼活动室", scheduledAt: scheduledAt.toISOString(), agenda: [] });
    const [y, m, d] = day.split("-").map(Number);
    await runMail(rig.sender);
    for (const userId of roster) {
      const mails = mailTo(rig, `roster${userId}@mail.example`).filter((x) => x.subject.includes("邮件通知测试会议"));
      expect(mails, `roster member ${userId}`).toHaveLength(1);
      expect(mails[0].text).toContain(`${y}年${m}月${d}日 19:30`);
      expect(mails[0].text).toContain("二楼活动室");
    }

    // The agenda comes after the notice: each topic tabled is a notice of its own, with the agenda so far.
    const topicId = agendaTopic();
    const motion = must(tableMotion({ ...actor, meetingId: id, topicId, secret: false, onFail: "revise" }));
    const title = getDb().select({ title: topics.title, number: topics.number }).from(topics).where(eq(topics.id, topicId)).get()!;
    await runMail(rig.sender);
    for (const userId of roster) {
      const mails = mailTo(rig, `roster${userId}@mail.example`).filter((x) => x.subject.includes("邮件通知测试会议"));
      expect(mails, `roster member ${userId}`).toHaveLength(2);
      expect(mails[1].text).toContain(`${y}年${m}月${d}日 19:30`);
      expect(mails[1].text).toContain("议程新增");
      expect(mails[1].text).toContain(`#${title.number} ${title.title}`);
    }
    expect(mailTo(rig, "nobody@mail.example")).toEqual([]);

    // Taken off the agenda again: every member hears that too, with the agenda left (none).
    must(withdrawMotion({ ...actor, meetingId: id, motionId: motion.id }));
    await runMail(rig.sender);
    for (const userId of roster) {
      const last = mailTo(rig, `roster${userId}@mail.example`).filter((x) => x.subject.includes("邮件通知测试会议")).at(-1)!;
      expect(last.text).toContain(`议程撤下:#${title.number} ${title.title}`);
      expect(last.text).toContain("议程暂无议题");
    }

    // Called off: every member hears of that too.
    must(cancelMeeting({ ...actor, meetingId: id, reason: "场地冲突" }));
    await runMail(rig.sender);
    for (const userId of roster) expect(mailTo(rig, `roster${userId}@mail.example`).some((x) => x.subject.includes("已取消"))).toBe(true);
  });

  it("of an assembly reach the register's members who have accounts", async () => {
    const p = personWithEmail();
    const outsider = personWithEmail();
    const { id: householdId } = householdWith("mingyue", {}, []);
    const keeper = convenerOf("mingyue");
    const added = addMember({ communityId: communityId("mingyue"), actorId: getDb().select({ id: users.id }).from(users).where(eq(users.username, "committee1")).get()!.id, householdId, name: "邮件户主", birthDate: "1970-01-01", representative: true, userId: p.id });
    expect(added.ok).toBe(true);
    const at = new Date(now().getTime() + 20 * 86_400_000);
    const { id } = must(scheduleMeeting({ ...keeper, title: "居民会议邮件测试", place: "文化广场", scheduledAt: at, requestId: null, acceptShortNotice: true, body: "assembly", countBy: "persons" }));
    const told = getDb().select({ userId: notifications.userId, payload: notifications.payload }).from(notifications).where(inArray(notifications.userId, [p.id, outsider.id])).all();
    expect(told.filter((n) => JSON.parse(n.payload).meetingId === id).map((n) => n.userId)).toEqual([p.id]);
    await runMail(rig.sender);
    expect(mailTo(rig, p.email).some((x) => x.text.includes("文化广场"))).toBe(true);
    expect(mailTo(rig, outsider.email)).toEqual([]);
  });
});
