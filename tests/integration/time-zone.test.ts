// The community's time zone is a setting (rules.timeZone) and every time of the community is shown,
// exported and read in it: here 明月 moves to Asia/Urumqi (UTC+6, two hours behind Beijing), and the
// same instants show two hours earlier on the ledger, a topic page, the minutes and the ballots CSV,
// while a typed meeting time and a solicitation deadline are read as Urumqi's wall clock.
import { and, desc, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { consultations, ledgerEntries, meetings } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { getTimeZone } from "~/models/time-zone.server";
import { addComment } from "~/models/comment.server";
import { localDate } from "~/i18n/time-zone";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { convener, meetingInSession, must, representative } from "./support/meeting";
import { rulesForm, rulesSnapshot } from "./support/rules";

const http = useServer();
const ZONE = "Asia/Urumqi";
const cookies: Record<string, string> = {};
const as = async (username: string) => (cookies[username] ??= await http.login(username));

/** Every way a page formats an instant, in one zone (app/components/topic/formats.ts). */
function shownIn(zone: string, iso: string): string[] {
  const at = new Date(iso);
  const styles: Intl.DateTimeFormatOptions[] = [
    { dateStyle: "medium", timeStyle: "short" },
    { timeStyle: "short" },
    { dateStyle: "short", timeStyle: "medium" },
  ];
  return styles.map((s) => new Intl.DateTimeFormat("zh-CN", { ...s, timeZone: zone }).format(at));
}

/** The page's times (`<time datetime>` and their text): each shown in Urumqi's time, none in Beijing's. */
function expectTimesIn(html: string, what: string) {
  const times = [...html.matchAll(/<time\b[^>]*?\bdatetime="([^"]+)"[^>]*>([^<]+)<\/time>/gi)].map(([, iso, text]) => ({ iso, text }));
  const withClock = times.filter((t) => shownIn(ZONE, t.iso).includes(t.text));
  expect(withClock.length, `${what}: a time of day in ${ZONE}`).toBeGreaterThan(0);
  for (const t of times) expect(shownIn("Asia/Shanghai", t.iso), `${what}: ${t.text} is Beijing's time`).not.toContain(t.text);
}

function ledger() {
  return getDb().select().from(ledgerEntries).where(eq(ledgerEntries.communityId, communityId("mingyue"))).orderBy(desc(ledgerEntries.seq)).all();
}

describe("the zone setting", () => {
  it("refuses a zone the runtime does not know, translated, and writes nothing", async () => {
    const before = rulesSnapshot("mingyue");
    for (const [cookie, text] of [
      [await as("street1"), "未知的时区"],
      [`${await as("street1")}; ${await http.english()}`, "Unknown time zone"],
    ]) {
      for (const zone of ["Mars/Olympus_Mons", "", "asia/shanghai", "Asia/Shanghai<script>"]) {
        const res = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", { timeZone: zone }), cookie });
        expect(res.status, zone).toBe(400);
        if (zone) expect(await res.text()).toContain(text);
      }
    }
    expect(rulesSnapshot("mingyue")).toEqual(before);
    expect(getTimeZone(communityId("mingyue"))).toBe("Asia/Shanghai");
  });

  it("lets the street admin choose one from the list, recorded in the rules-change ledger entry", async () => {
    const page = await (await http.fetch("/c/mingyue/rules", { cookie: await as("street1") })).text();
    expect(page).toContain('<option value="Asia/Urumqi">');
    expect(page).toContain("北京时间(UTC+8) · Asia/Shanghai");
    const res = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", { timeZone: ZONE }), cookie: await as("street1") });
    expect(res.status).toBe(200);
    expect(getTimeZone(communityId("mingyue"))).toBe(ZONE);
    const [entry] = ledger();
    expect(entry.type).toBe("rules.changed");
    expect(JSON.parse(entry.payload).changes).toEqual({ timeZone: { before: "Asia/Shanghai", after: ZONE } });
    const rules = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    expect(rules).toContain("新疆时间(UTC+6)");
  });
});

describe("every time in the community's zone", () => {
  let meetingId: number;
  let topicId: number;
  beforeAll(() => {
    // A settled setting, then a meeting with a closed named vote and a topic with a comment.
    getDb().$client.prepare("UPDATE rules SET time_zone = ? WHERE community_id = ?").run(ZONE, communityId("mingyue"));
    const m = meetingInSession({ title: "时区测试会议", motions: [{ text: "时区测试:更换路灯。" }] });
    meetingId = m.meetingId;
    for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
    must(openVote({ ...convener(), meetingId, motionId: m.motionIds[0] }));
    for (let n = 1; n <= 14; n++) must(castBallot({ ...representative(n), meetingId, motionId: m.motionIds[0], choice: "yes" }));
    must(closeVote({ ...convener(), meetingId, motionId: m.motionIds[0] }));
    topicId = consultingTopic({ text: "时区测试议题。" }).id;
    addComment({ communityId: communityId("mingyue"), topicId, authorId: userId("resident1"), roles: ["resident"], body: "几点开会?" });
  });

  it("on the ledger, which names the zone once", async () => {
    const html = await (await http.fetch("/c/mingyue/ledger", { cookie: await as("resident1") })).text();
    expect(html).toContain("以下时间均为新疆时间(UTC+6)。");
    expectTimesIn(html, "ledger");
    const english = await (await http.fetch("/c/mingyue/ledger", { cookie: `${await as("resident1")}; ${await http.english()}` })).text();
    expect(english).toContain("All times below are in Xinjiang time (UTC+6).");
  });

  it("on a topic page (its history and its comments)", async () => {
    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expectTimesIn(html, "topic page");
    const comment = html.slice(html.indexOf("几点开会?") - 600, html.indexOf("几点开会?"));
    expectTimesIn(comment, "comment");
  });

  it("in the minutes and the ballots CSV", async () => {
    expectTimesIn(await (await http.fetch(`/c/mingyue/meetings/${meetingId}/minutes`, { cookie: await as("resident1") })).text(), "minutes");
    const text = await (await http.fetch(`/c/mingyue/meetings/${meetingId}/ballots.csv`, { cookie: await as("resident1") })).text();
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(14);
    for (const r of rows) expect(r.cast_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+06:00$/);
  });

  it("reads a typed meeting time as the zone's wall clock", async () => {
    const day = localDate(new Date(Date.now() + 40 * 86_400_000), ZONE);
    const res = await http.fetch("/c/mingyue/meetings", {
      cookie: await as("convener1"),
      form: { intent: "schedule", title: "时区测试:新疆时间九点", place: "社区议事厅", scheduledAt: `${day}T09:00`, acceptShortNotice: "on" },
    });
    expect(res.status).toBe(302);
    const row = getDb().select().from(meetings).where(and(eq(meetings.communityId, communityId("mingyue")), eq(meetings.title, "时区测试:新疆时间九点"))).get()!;
    expect(row.scheduledAt.toISOString()).toBe(new Date(`${day}T09:00:00+06:00`).toISOString());
    const page = await (await http.fetch("/c/mingyue/meetings", { cookie: await as("convener1") })).text();
    expect(page).toContain("会议时间(新疆时间)");
  });

  it("reads a solicitation deadline as the end of that day in the zone", async () => {
    const { id } = consultingTopic({ text: "时区测试:征求意见。", consulted: false });
    const deadline = localDate(new Date(Date.now() + 10 * 86_400_000), ZONE);
    const res = await http.fetch(`/c/mingyue/topics/${id}/consultation`, { cookie: await as("committee1"), form: { intent: "open", question: "几点截止?", deadline } });
    expect(res.status).toBe(302);
    const row = getDb().select().from(consultations).where(eq(consultations.topicId, id)).get()!;
    expect(row.deadline.toISOString()).toBe(new Date(`${deadline}T23:59:59.999+06:00`).toISOString());
  });
});
