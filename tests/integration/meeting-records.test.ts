// The records of a representatives' meeting over real HTTP: the projector screen and its live event
// stream (counts only, never names), the printable minutes (attendance, named votes) and the ballots
// CSV, recounted independently against the published tally; who may open which.
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db/client.server";
import { users } from "../../db/schema";
import { startServer } from "../../server/app";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { committedListeners } from "~/models/committed-events.server";
import { checkIn } from "~/models/meeting-attendance.server";
import type { ScreenState } from "~/models/meeting-screen";
import { getMeetingView } from "~/models/meeting-view.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { ballotRows, convener, meetingInSession, must, representative } from "./support/meeting";
import { eventReader } from "./support/sse";

const http = useServer();
const cid = () => communityId("mingyue");
const base = (id: number) => `/c/mingyue/meetings/${id}`;
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}

// A display name a spreadsheet would run as a formula, and one that needs quoting.
const FORMULA_NAME = '=HYPERLINK("http://example.invalid","代表零三")';
const QUOTED_NAME = '代表"零四",\n另起一行';
/** A piece of every representative's name that nothing else on a page contains. */
const NAME_MARKS = [...Array.from({ length: 15 }, (_, i) => `代表${String(i + 1).padStart(2, "0")}`).filter((m) => m !== "代表03" && m !== "代表04"), "零三", "零四", "另起一行"];

let meetingId: number;
let named: number; // motion 1: named, closed
let secret: number; // motion 2: secret, closed
let open: number; // motion 3: named, voting until the last tests

beforeAll(() => {
  getDb().update(users).set({ displayName: FORMULA_NAME }).where(eq(users.id, userId("rep03"))).run();
  getDb().update(users).set({ displayName: QUOTED_NAME }).where(eq(users.id, userId("rep04"))).run();
  ({
    meetingId,
    motionIds: [named, secret, open],
  } = meetingInSession({
    title: "2026 年第一季度居民代表会议",
    motions: [{ text: "东门增设路灯三盏。" }, { text: "增补监督委员会成员一名。", secret: true }, { text: "修缮儿童游乐场地面。" }],
  }));
  const chair = convener();
  // 组成人员 20: the five 居委会 members and eight representatives check in on their phones, three are
  // registered by the convener from the roster (16 present); representatives 12–15 are not here yet.
  const COMMITTEE = ["convener1", "committee1", "committee2", "cmember1", "cmember2"].map((u) => ({ communityId: cid(), userId: userId(u), roles: ["committeeMember"] as const }));
  for (const m of COMMITTEE) must(checkIn({ ...m, meetingId }));
  for (let n = 1; n <= 8; n++) must(checkIn({ ...representative(n), meetingId }));
  for (const n of [9, 10, 11]) must(checkIn({ ...chair, meetingId, forUserId: representative(n).userId }));
  const vote = (motionId: number, n: number, choice: "yes" | "no" | "abstain", byConvener = false) =>
    must(byConvener ? castBallot({ ...chair, meetingId, motionId, choice, forUserId: representative(n).userId }) : castBallot({ ...representative(n), meetingId, motionId, choice }));

  must(openVote({ ...chair, meetingId, motionId: named }));
  for (const n of [1, 2, 3, 4, 5, 6]) vote(named, n, "yes");
  vote(named, 7, "no");
  vote(named, 8, "abstain");
  vote(named, 9, "yes", true); // a hand vote the secretary records for one registered from the roster
  vote(named, 10, "no");
  for (const m of COMMITTEE) must(castBallot({ ...m, meetingId, motionId: named, choice: "yes" }));
  must(closeVote({ ...chair, meetingId, motionId: named })); // rep11 present, did not vote

  must(openVote({ ...chair, meetingId, motionId: secret }));
  for (const n of [1, 2, 3, 4]) vote(secret, n, "yes");
  for (const n of [5, 6, 7]) vote(secret, n, "no");
  vote(secret, 8, "abstain");
  must(closeVote({ ...chair, meetingId, motionId: secret }));

  must(openVote({ ...chair, meetingId, motionId: open }));
  vote(open, 1, "yes");
});

/** The bus committed writes publish meeting changes on (shared by the test and the server's build: a singleton). */
const meetingListeners = () => committedListeners("meetingChanged");

describe("the live event stream", () => {
  it("sends the state at once, then each change (a burst as one event), and lets go when the client leaves", async () => {
    const listenersBefore = meetingListeners();
    const abort = new AbortController();
    const res = await http.fetch(`${base(meetingId)}/events`, { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-cache");
    expect(res.headers.get("content-encoding")).toBeNull();
    const events = eventReader(res.body!);

    const first = await events.json<ScreenState>();
    expect(first).toMatchObject({ present: 16, members: 20, quorum: { met: true, minimumPresent: 14 } });
    expect(first.motion).toMatchObject({ id: open, status: "voting", voted: 1, result: null });
    expect(meetingListeners()).toBe(listenersBefore + 1);

    // One check-in over the wire: present + 1.
    must(checkIn({ ...representative(12), meetingId }));
    expect(await events.json<ScreenState>()).toMatchObject({ present: 17, quorum: { present: 17 } });

    // Two check-ins and a ballot in one burst arrive together, as one event.
    must(checkIn({ ...representative(13), meetingId }));
    must(checkIn({ ...representative(14), meetingId }));
    must(castBallot({ ...representative(2), meetingId, motionId: open, choice: "no" }));
    const burst = await events.json<ScreenState>();
    expect(burst).toMatchObject({ present: 19, motion: { id: open, voted: 2, result: null } });

    // Only counts travel: no names, and no open choice.
    const raw = JSON.stringify(burst);
    for (const mark of NAME_MARKS) expect(raw).not.toContain(mark);

    abort.abort();
    await vi.waitFor(() => expect(meetingListeners()).toBe(listenersBefore));
  });

  it("does not keep the server from closing while a stream is open", async () => {
    const listenersBefore = meetingListeners();
    const other = await startServer({ port: 0, host: "127.0.0.1" });
    const res = await fetch(`${other.url}${base(meetingId)}/events`);
    const events = eventReader(res.body!);
    await events.next();
    expect(meetingListeners()).toBe(listenersBefore + 1);
    await other.close();
    await vi.waitFor(() => expect(meetingListeners()).toBe(listenersBefore));
    await expect(events.next()).rejects.toThrow();
  });

  it("is 404 for another community's meeting or an id that is not one", async () => {
    for (const path of [`/c/shiliu/meetings/${meetingId}/events`, "/c/mingyue/meetings/abc/events", "/c/mingyue/meetings/999999/events"]) {
      expect((await http.fetch(path)).status, path).toBe(404);
    }
  });
});

describe("the projector screen", () => {
  it("shows attendance, quorum with its basis, the vote in progress as a count, and never a name", async () => {
    for (const cookie of [undefined, await as("convener1")]) {
      const res = await http.fetch(`${base(meetingId)}/screen`, { cookie });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('data-testid="screen-present">19<');
      expect(html).toContain('data-testid="screen-members">20<');
      expect(html).toContain("需至少 14 人到会(组成人员 20 人的三分之二)");
      expect(html).toContain('data-met="yes"');
      expect(html).toContain("城市居民委员会组织法");
      expect(html).toMatch(/data-testid="screen-voted">2 \/ 19</);
      expect(html).toContain('http-equiv="refresh" content="10"');
      // The page's own CSS (hiding the site's header on a projector) arrives unescaped, or the browser drops it.
      expect(html).toContain("<style>body > header,");
      for (const mark of NAME_MARKS) expect(html, mark).not.toContain(mark);
    }
  });

  it("shows the tally and the arithmetic once the vote is closed", async () => {
    must(castBallot({ ...representative(3), meetingId, motionId: open, choice: "yes" }));
    must(closeVote({ ...convener(), meetingId, motionId: open }));
    const html = await (await http.fetch(`${base(meetingId)}/screen`)).text();
    // 19 present; yes = rep01, rep03; at least 10 needed.
    expect(html).toContain("到会 19 人,同意 2 人,需至少 10 人同意(到会 19 人的过半数) —— 未通过");
    expect(html).toContain('data-testid="screen-yes">2<');
    expect(html).toContain('data-testid="screen-no">1<');
    expect(html).toContain('data-testid="screen-notVoting">16<');
    expect(html).toMatch(/data-status="passed"/);
    const english = await (await http.fetch(`${base(meetingId)}/screen`, { cookie: await http.english() })).text();
    expect(english).toContain("19 present, 2 agreed; needed at least 10 in favour (more than half of the 19 present) — Not passed");
  });

  it("is 404 for another community's meeting", async () => {
    expect((await http.fetch(`/c/shiliu/meetings/${meetingId}/screen`)).status).toBe(404);
  });
});

type BallotRow = Record<"meeting_number" | "motion_position" | "topic_number" | "motion_sha256" | "username" | "display_name" | "choice" | "recorded_by" | "cast_at" | "ledger_seq", string>;
async function downloadCsv(cookie?: string) {
  const res = await http.fetch(`${base(meetingId)}/ballots.csv`, { cookie: cookie ?? (await as("resident1")) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="mingyue-meeting-\d+-ballots\.csv"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const parsed = Papa.parse<BallotRow>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, rows: parsed.data };
}

describe("the ballots CSV", () => {
  it("recounts, motion by motion, to the published tally; secret rows carry no choice; formulas are defused", async () => {
    const { text, rows } = await downloadCsv();
    const view = getMeetingView({ communityId: cid(), meetingId })!;
    const closed = view.agenda.filter((m) => m.status === "closed");
    expect(closed.map((m) => m.id)).toEqual([named, secret, open]);
    for (const motion of closed) {
      const mine = rows.filter((r) => r.motion_position === String(motion.position));
      expect(mine.every((r) => r.motion_sha256 === motion.sha256 && r.topic_number === String(motion.topicNumber) && r.meeting_number === String(view.meeting.number))).toBe(true);
      expect(mine).toHaveLength(motion.voted);
      const tally = motion.result!;
      if (motion.secret) {
        expect(mine.map((r) => r.choice)).toEqual(mine.map(() => ""));
        expect(tally.yes + tally.no + tally.abstain).toBe(mine.length);
      } else {
        const count = (c: string) => mine.filter((r) => r.choice === c).length;
        expect({ yes: count("yes"), no: count("no"), abstain: count("abstain") }).toEqual({ yes: tally.yes, no: tally.no, abstain: tally.abstain });
      }
    }
    const first = rows.find((r) => r.motion_position === "1" && r.username === "rep09")!;
    expect(first).toMatchObject({ choice: "yes", recorded_by: "convener1" });
    // In the community's zone (Asia/Shanghai by default), with its offset: the same instant as the ballot's.
    expect(first.cast_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Math.floor(ballotRows(named).find((b) => b.userId === userId("rep09"))!.castAt.getTime() / 1000) * 1000).toBe(Date.parse(first.cast_at));
    expect(Number(first.ledger_seq)).toBeGreaterThan(0);
    // The spreadsheet sees text, not a formula; quotes, commas and newlines survive quoting.
    expect(rows.find((r) => r.username === "rep03")!.display_name).toBe(`'${FORMULA_NAME}`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""代表零三"")"`);
    expect(rows.find((r) => r.username === "rep04")!.display_name).toBe(QUOTED_NAME);
    expect(text.split("\r\n")[0]).toBe("\uFEFFmeeting_number,motion_position,topic_number,motion_sha256,username,display_name,choice,recorded_by,cast_at,ledger_seq");
  });

  it("leaves out the ballots of a motion still being voted on", async () => {
    const { meetingId: other, motionIds } = meetingInSession({ title: "临时会议", motions: [{ text: "更换单元门禁。" }] });
    for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId: other }));
    must(openVote({ ...convener(), meetingId: other, motionId: motionIds[0] }));
    must(castBallot({ ...representative(1), meetingId: other, motionId: motionIds[0], choice: "yes" }));
    const res = await http.fetch(`${base(other)}/ballots.csv`, { cookie: await as("rep02") });
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1); // the header only
    must(closeVote({ ...convener(), meetingId: other, motionId: motionIds[0] }));
    const after = (await (await http.fetch(`${base(other)}/ballots.csv`, { cookie: await as("rep02") })).text()).split("\r\n").filter(Boolean);
    expect(after).toHaveLength(2);
    expect(after[1]).toContain(",rep01,代表01,yes,,");
  });
});

describe("the minutes", () => {
  it("record attendance (with proxies and absentees), each motion's hash, rule and arithmetic, named votes, and only who voted when secret", async () => {
    const res = await http.fetch(`${base(meetingId)}/minutes`, { cookie: await as("resident2") });
    expect(res.status).toBe(200);
    const html = await res.text();
    const view = getMeetingView({ communityId: cid(), meetingId })!;
    expect(html).toContain("会议记录");
    expect(html).toMatch(/<style>@media print \{\n {2}body > header/);
    expect(html).toContain("召集人 周强");
    expect(html).toContain("社区议事厅");
    // 19 present of 组成人员 20; rep15 absent; rep10 and rep11 checked in by the convener.
    expect(html).toContain("到会 19 人,需至少 14 人到会(组成人员 20 人的三分之二) —— 会议有效");
    expect(html).toContain("组成人员 20 人:居委会成员 5 人,居民代表 15 人");
    expect(html).toMatch(/data-testid="minutes-absent">代表15</);
    expect(html).toMatch(/<td[^>]*>代表10<\/td><td[^>]*><time[^>]*>[^<]+<\/time><\/td><td[^>]*>召集人 周强<\/td>/);
    expect(html).toMatch(/<td[^>]*>代表01<\/td><td[^>]*><time[^>]*>[^<]+<\/time><\/td><td[^>]*>本人<\/td>/);
    for (const motion of view.agenda) expect(html).toContain(motion.sha256);
    // Motion 1 (named): 16 present, 12 yes (the five 居委会 members among them) → passed, a resolution; the hand vote shows who recorded it.
    expect(html).toContain("到会 16 人,同意 12 人,需至少 9 人同意(到会 16 人的过半数) —— 通过");
    expect(html).toContain('data-testid="frozen-basis"');
    expect(html).toMatch(/决议〔\d{4}〕\d+号/);
    expect(html).toMatch(/<tr[^>]*data-choice="yes"><td[^>]*>代表09<\/td><td[^>]*>同意<\/td><td[^>]*>召集人 周强<\/td>/);
    expect(html).toMatch(/<tr[^>]*data-choice="no"><td[^>]*>代表07<\/td><td[^>]*>反对<\/td><td[^>]*>本人<\/td>/);
    expect(html).toMatch(/<tr[^>]*data-choice="abstain"><td[^>]*>代表08<\/td><td[^>]*>弃权<\/td>/);
    // Motion 2 (secret): the list of who voted, and no choice beside any name.
    const secretSection = html.slice(html.indexOf(`data-motion-id="${secret}"`), html.indexOf(`data-motion-id="${open}"`));
    expect(secretSection).toContain("无记名表决");
    expect(secretSection).toContain("代表01、代表02、");
    expect(secretSection).not.toContain("data-choice");
    expect(secretSection).toContain("到会 16 人,同意 4 人,需至少 9 人同意(到会 16 人的过半数) —— 未通过");
  });
});

describe("who may open the records", () => {
  it("members get the minutes and the CSV; another community's resident gets 404; anonymous is sent to sign in but sees the screen", async () => {
    for (const page of ["minutes", "ballots.csv"]) {
      const villager = await http.fetch(`${base(meetingId)}/${page}`, { cookie: await as("villager1") });
      expect(villager.status, page).toBe(404);
      const anonymous = await http.fetch(`${base(meetingId)}/${page}`);
      expect(anonymous.status, page).toBe(302);
      expect(anonymous.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`${base(meetingId)}/${page}`)}`);
      expect((await http.fetch(`/c/shiliu/meetings/${meetingId}/${page}`, { cookie: await as("villager1") })).status, page).toBe(404);
      expect((await http.fetch(`${base(meetingId)}/${page}`, { cookie: await as("committee2") })).status, page).toBe(200);
    }
    expect((await http.fetch(`${base(meetingId)}/screen`)).status).toBe(200);
    expect((await http.fetch(`${base(meetingId)}/screen`, { cookie: await as("villager1") })).status).toBe(200);
  });
});
