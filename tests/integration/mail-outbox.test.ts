// E-mail through the outbox against a real SMTP server in the process: delivered, refused once and
// retried after its back-off, never sent when the person said never, gathered into one digest a day
// under the test clock (not again the next day, not again after a restart), and what was queued
// before a restart is sent by the next worker.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { outbox } from "../../db/schema";
import { now, shiftClock } from "~/models/clock.server";
import { instantOfWallTime, localDate } from "~/i18n/time-zone";
import { BACKOFF_MS, MAX_ATTEMPTS, triageNotifications } from "~/notify/outbox.server";
import { DEFAULT_MODES, saveNotificationPrefs } from "~/notify/prefs.server";
import { startMailWorker } from "../../server/mail-worker";
import { mailTo, notify, outboxOf, personWithEmail, PUBLIC, runMail, unmailed, useMail } from "./support/mail";

const rig = useMail();
const meetingNotice = (title: string) => ({ meetingId: 1, number: 9, title, place: "社区议事厅", scheduledAt: new Date(now().getTime() + 7 * 86_400_000).toISOString() });

/** Moves the test clock to `hh:mm` Asia/Shanghai of the day after now (mingyue's zone). */
function toNextDayAt(hhmm: string) {
  const tomorrow = localDate(new Date(now().getTime() + 86_400_000), "Asia/Shanghai");
  const target = instantOfWallTime(`${tomorrow}T${hhmm}:00`, "Asia/Shanghai");
  shiftClock(target.getTime() - now().getTime());
  return tomorrow;
}

describe("e-mail notifications", () => {
  it("are delivered to the SMTP server at once for meeting notices, with the words and a link", async () => {
    const p = personWithEmail();
    notify([p.id], "meeting.scheduled", meetingNotice("投递测试会议"));
    const run = await runMail(rig.sender);
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = mailTo(rig, p.email);
    expect(more).toEqual([]);
    expect(mail.subject).toContain("投递测试会议");
    expect(mail.text).toContain("社区议事厅");
    expect(mail.text).toContain(`${PUBLIC}/c/mingyue/meetings/1`);
    expect(mail.text).toContain(`${PUBLIC}/account/notifications`);
    const [row] = outboxOf(p.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, address: p.email, kind: "meeting.scheduled" });
    expect(unmailed([p.id])).toBe(0);
  });

  it("refused once are retried after the back-off and delivered", async () => {
    const p = personWithEmail();
    notify([p.id], "meeting.scheduled", meetingNotice("重试测试会议"));
    rig.smtp.refuseNext(1);
    await runMail(rig.sender);
    expect(mailTo(rig, p.email)).toEqual([]);
    let [row] = outboxOf(p.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toContain("451");
    await runMail(rig.sender); // not yet due: the back-off holds it
    expect(outboxOf(p.id)[0].attempts).toBe(1);
    shiftClock(BACKOFF_MS[0] + 1_000);
    await runMail(rig.sender);
    [row] = outboxOf(p.id);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect(mailTo(rig, p.email)).toHaveLength(1);
  });

  it("end as failed, with the last error, after the last attempt", async () => {
    const p = personWithEmail();
    notify([p.id], "meeting.scheduled", meetingNotice("失败测试会议"));
    rig.smtp.refuseNext(MAX_ATTEMPTS);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runMail(rig.sender);
      shiftClock(BACKOFF_MS[Math.min(i, BACKOFF_MS.length - 1)] + 1_000);
    }
    const [row] = outboxOf(p.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toContain("451");
    expect(mailTo(rig, p.email)).toEqual([]);
  });

  it("are never sent to a person who chose never, or who has no address; they are marked dealt with", async () => {
    const p = personWithEmail();
    saveNotificationPrefs({ userId: p.id, email: p.email, modes: { ...DEFAULT_MODES, meetings: "never" } });
    const q = personWithEmail();
    saveNotificationPrefs({ userId: q.id, email: "", modes: DEFAULT_MODES });
    notify([p.id, q.id], "meeting.scheduled", meetingNotice("不发送测试会议"));
    await runMail(rig.sender);
    expect(mailTo(rig, p.email)).toEqual([]);
    expect(mailTo(rig, q.email)).toEqual([]);
    expect(outboxOf(p.id)).toEqual([]);
    expect(outboxOf(q.id)).toEqual([]);
    expect(unmailed([p.id, q.id])).toBe(0);
  });

  it("wait for the digest: two notifications → one mail a day from DIGEST_HOUR, not again after a restart or the next day", async () => {
    const p = personWithEmail();
    notify([p.id], "topic.moved", { number: 41, title: "摘要测试一", action: "accept", to: "open" });
    notify([p.id], "topic.moved", { number: 42, title: "摘要测试二", action: "accept", to: "open" });
    toNextDayAt("07:30");
    await runMail(rig.sender);
    expect(mailTo(rig, p.email)).toEqual([]); // before 08:00: nothing yet
    expect(unmailed([p.id])).toBe(2);
    const day = toNextDayAt("08:10");
    await runMail(rig.sender);
    const mails = mailTo(rig, p.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("2 条");
    expect(mails[0].subject).toContain(day);
    expect(mails[0].text).toContain("摘要测试一");
    expect(mails[0].text).toContain("摘要测试二");
    expect(outboxOf(p.id)).toMatchObject([{ kind: "digest", digestKey: `${p.id}:${day}`, status: "sent" }]);

    // Something new after today's digest waits for tomorrow's; a restarted worker makes no second one today.
    notify([p.id], "topic.moved", { number: 43, title: "摘要测试三", action: "accept", to: "open" });
    const worker = startMailWorker({ sender: rig.sender, intervalMs: 3_600_000 });
    await worker.tick();
    await worker.stop();
    expect(mailTo(rig, p.email)).toHaveLength(1);

    toNextDayAt("09:00");
    await runMail(rig.sender);
    const next = mailTo(rig, p.email);
    expect(next).toHaveLength(2);
    expect(next[1].text).toContain("摘要测试三");
    expect(next[1].text).not.toContain("摘要测试一");
    await runMail(rig.sender);
    expect(mailTo(rig, p.email)).toHaveLength(2);
  });

  it("queued before a restart are sent by the next worker", async () => {
    const p = personWithEmail();
    notify([p.id], "meeting.scheduled", meetingNotice("重启测试会议"));
    await triageNotifications(); // queued, then the process died before sending
    expect(outboxOf(p.id)).toMatchObject([{ status: "queued", attempts: 0 }]);
    const worker = startMailWorker({ sender: rig.sender, intervalMs: 3_600_000 });
    await worker.tick();
    await worker.stop();
    expect(mailTo(rig, p.email)).toHaveLength(1);
    expect(getDb().select().from(outbox).where(eq(outbox.userId, p.id)).get()).toMatchObject({ status: "sent" });
  });
});
