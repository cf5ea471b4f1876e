// 民主评议 over HTTP (村委会组织法第三十八条, 居委会组织法第三十七条): only a supervisor opens and closes
// it, only present members of the roster vote, once, in secret (no choice is stored per voter); an
// assembly's paper counts are checked against those present; the results go on the public board; a
// member rated 不称职 in two consecutive years is flagged on the street dashboard; the ledger verifies.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { appraisalSubjects, appraisalVoters, appraisals, publications } from "../../db/schema";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { assemblySitting as shiliuAssembly, repSitting } from "./support/appraisal";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const MINGYUE = () => communityId("mingyue");
const SUBJECTS = ["committee1", "committee2", "convener1", "cmember1", "cmember2"];
const yearNow = () => Number(new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

const sitting = repSitting;

const post = async (username: string, form: Record<string, string>, slug = "mingyue") => http.fetch(`/c/${slug}/appraisals`, { cookie: await as(username), form });
const appraisalOf = (cid: number, year: number) => getDb().select().from(appraisals).where(and(eq(appraisals.communityId, cid), eq(appraisals.year, year))).get();
const subjectsOf = (id: number) => getDb().select().from(appraisalSubjects).where(eq(appraisalSubjects.appraisalId, id)).all();
const ballot = (appraisalId: number, rate: (username: string) => string) => ({
  intent: "ballot",
  appraisalId: String(appraisalId),
  ...Object.fromEntries(SUBJECTS.map((u) => [`rating.${userId(u)}`, rate(u)])),
});
const rep = (n: number) => `rep${String(n).padStart(2, "0")}`;

/** Opens this year's appraisal of mingyue at a new sitting and has representatives 1..voters vote, cmember2 rated 不称职 by most. */
async function appraisalVoted(voters = 9, cmember2 = "incompetent") {
  const meetingId = sitting();
  expect((await post("supervisor1", { intent: "open", meetingId: String(meetingId) })).status).toBe(302);
  const a = appraisalOf(MINGYUE(), yearNow())!;
  for (let n = 1; n <= voters; n++) {
    const res = await post(rep(n), ballot(a.id, (u) => (u === "cmember2" && n <= 6 ? cmember2 : n % 2 ? "competent" : "basicallyCompetent")));
    expect(res.status, rep(n)).toBe(302);
  }
  return { meetingId, appraisal: a };
}

describe("民主评议 at a representatives' meeting", () => {
  it("only a supervisor opens it, at a meeting in session; the subjects are the committee's members", async () => {
    const meetingId = sitting();
    for (const who of ["rep01", "convener1", "cmember1", "resident1"]) {
      const res = await post(who, { intent: "open", meetingId: String(meetingId) });
      expect(res.status, who).toBe(403);
    }
    expect(appraisalOf(MINGYUE(), yearNow())).toBeUndefined();
    const page = await (await http.fetch("/c/mingyue/appraisals", { cookie: await as("supervisor1") })).text();
    expect(page).toContain('data-testid="appraisal-open"');
    expect(page).toContain("居委会组织法第三十七条");

    expect((await post("supervisor1", { intent: "open", meetingId: String(meetingId) })).status).toBe(302);
    const a = appraisalOf(MINGYUE(), yearNow())!;
    expect(a).toMatchObject({ status: "open", meetingId, chairedBy: userId("supervisor1") });
    expect(subjectsOf(a.id).map((s) => s.userId).sort((x, y) => x - y)).toEqual(SUBJECTS.map(userId).sort((x, y) => x - y));
    // Once a year.
    const again = await post("supervisor1", { intent: "open", meetingId: String(meetingId) });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("本年度的民主评议已经开始或结束");

    // Only present roster members vote, once; a ballot must rate everyone.
    expect((await post("supervisor1", ballot(a.id, () => "competent"))).status).toBe(403);
    expect((await post("resident1", ballot(a.id, () => "competent"))).status).toBe(403);
    expect((await post("rep15", ballot(a.id, () => "competent"))).status).toBe(409); // on the roster, not checked in
    const partial = { ...ballot(a.id, () => "competent") } as Record<string, string>;
    delete partial[`rating.${userId("cmember1")}`];
    expect((await post("rep01", partial)).status).toBe(400);
    expect((await post("rep01", { ...ballot(a.id, () => "competent"), [`rating.${userId("cmember1")}`]: "excellent" })).status).toBe(400);
    expect((await post("rep01", ballot(a.id, () => "competent"))).status).toBe(302);
    const twice = await post("rep01", ballot(a.id, () => "incompetent"));
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("您已经投过评议票");
    expect(subjectsOf(a.id).every((s) => s.competent === 1 && s.basicallyCompetent === 0 && s.incompetent === 0)).toBe(true);

    // Secrecy: the voter is stored, the choice is not — in the voters' table nor in the ledger entry.
    const voterColumns = getDb().$client.prepare("SELECT * FROM appraisal_voters WHERE appraisal_id = ?").all(a.id) as Record<string, unknown>[];
    expect(voterColumns).toHaveLength(1);
    expect(Object.keys(voterColumns[0]).sort()).toEqual(["appraisal_id", "cast_at", "user_id"]);
    const entry = getDb().$client.prepare("SELECT payload FROM ledger_entries WHERE type = 'appraisal.ballot' AND subject = ?").pluck().get(`appraisal:${a.id}`) as string;
    expect(JSON.parse(entry)).toEqual({ appraisal: a.id, voter: userId("rep01") });
    // Counts stay hidden while it is open.
    const open = await (await http.fetch("/c/mingyue/appraisals", { cookie: await as("rep02") })).text();
    expect(open).toContain('data-testid="appraisal-ballot"');
    expect(open).toContain("投票结束前不显示票数");
    expect(open).not.toContain('data-testid="appraisal-counts"');

    // In English too, with the article.
    const english = await (await http.fetch("/c/mingyue/appraisals", { cookie: `${await as("rep02")}; ${await http.english()}` })).text();
    expect(english).toContain("Democratic appraisal");
    expect(english).toContain("Art. 37");
    expect(english).toContain("Cast my ballot");
    // Another community's people get nothing of it; mingyue's supervisor cannot reach shiliu's.
    expect((await post("vsupervisor1", { intent: "open", meetingId: String(meetingId) })).status).toBe(404);
    expect((await post("vrep01", ballot(a.id, () => "competent"))).status).toBe(404);
  });

  it("closing is the chair's, confirmed; verdicts by the stated rule; the results are on the board for 15 days and the ledger verifies", async () => {
    shiftClock(400 * DAY_MS); // a year of its own
    const { appraisal: a } = await appraisalVoted(9);
    expect((await post("convener1", { intent: "close", appraisalId: String(a.id), confirm: "on" })).status).toBe(403);
    expect((await post("supervisor1", { intent: "close", appraisalId: String(a.id) })).status).toBe(400);
    expect(appraisalOf(MINGYUE(), a.year)!.status).toBe("open");
    const closed = await post("supervisor1", { intent: "close", appraisalId: String(a.id), confirm: "on" });
    expect(closed.status).toBe(302);
    const verdicts = Object.fromEntries(subjectsOf(a.id).map((s) => [s.userId, s.verdict]));
    // 9 ballots: cmember2 has 6 不称职 (> half); the others 5 称职, 4 基本称职 (> half 称职).
    expect(verdicts[userId("cmember2")]).toBe("incompetent");
    expect(verdicts[userId("cmember1")]).toBe("competent");
    expect(subjectsOf(a.id).find((s) => s.userId === userId("cmember2"))).toMatchObject({ competent: 2, basicallyCompetent: 1, incompetent: 6 });

    const pub = getDb().select().from(publications).where(and(eq(publications.kind, "appraisal"), eq(publications.refId, a.id))).get()!;
    expect(pub.endsAt.getTime() - pub.publishedAt.getTime()).toBeGreaterThanOrEqual(15 * DAY_MS);
    const board = await (await http.fetch("/c/mingyue/board")).text();
    expect(board).toContain(`${a.year}年度民主评议结果`);
    expect(board).toContain(`data-testid="board-appraisal-${a.year}"`);
    expect(board).toContain("居委会 马骏");
    expect(board).toContain("不称职");
    // No voter's name is on the board.
    expect(board).not.toContain("代表1<");
    expect((await post("supervisor1", { intent: "close", appraisalId: String(a.id), confirm: "on" })).status).toBe(409);
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();

    // A hand edit of a count or of a verdict is caught.
    const cm2 = and(eq(appraisalSubjects.appraisalId, a.id), eq(appraisalSubjects.userId, userId("cmember2")));
    getDb().update(appraisalSubjects).set({ verdict: "basicallyCompetent" }).where(cm2).run();
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toMatchObject({ check: "appraisal", why: "differs", record: `appraisal:${a.id}` });
    getDb().update(appraisalSubjects).set({ verdict: "incompetent" }).where(cm2).run();
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();
  });

  it("two consecutive years of 不称职 are flagged on the street dashboard and the appraisal page, citing the article", async () => {
    // The closing test above rated 马骏 不称职 at its own year: a year rated 称职 in between breaks the run.
    shiftClock(1600 * DAY_MS);
    const between = await appraisalVoted(9, "competent");
    expect((await post("supervisor1", { intent: "close", appraisalId: String(between.appraisal.id), confirm: "on" })).status).toBe(302);
    shiftClock(366 * DAY_MS);
    const first = await appraisalVoted(9);
    expect((await post("supervisor1", { intent: "close", appraisalId: String(first.appraisal.id), confirm: "on" })).status).toBe(302);
    let street = await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text();
    expect(street).toContain('data-testid="duties-mingyue"');
    expect(street).not.toContain('data-testid="duties-flagged-mingyue"');
    shiftClock(366 * DAY_MS);
    const second = await appraisalVoted(9);
    expect(second.appraisal.year).toBe(first.appraisal.year + 1);
    expect((await post("supervisor1", { intent: "close", appraisalId: String(second.appraisal.id), confirm: "on" })).status).toBe(302);
    street = await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text();
    expect(street).toContain('data-testid="duties-flagged-mingyue"');
    expect(street).toContain(`居委会 马骏(${first.appraisal.year}、${second.appraisal.year})`);
    expect(street).toContain("居委会组织法第三十七条");
    const page = await (await http.fetch("/c/mingyue/appraisals", { cookie: await as("resident1") })).text();
    expect(page).toContain('data-testid="appraisal-flagged"');
    // The hall removes no role by itself.
    expect(getDb().$client.prepare("SELECT count(*) FROM memberships WHERE user_id = ? AND role = 'committeeMember'").pluck().get(userId("cmember2"))).toBe(1);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();
  });
});

describe("民主评议 at an assembly (paper counts)", () => {
  const SHILIU = () => communityId("shiliu");
  const vconvener = () => ({ communityId: SHILIU(), userId: userId("vconvener1"), roles: ["convener", "committee"] as const });

  const assemblySitting = (present: number) => shiliuAssembly("shiliu", vconvener(), present);

  it("the chair records counts no larger than those present; nobody votes online; closing publishes", async () => {
    const meetingId = assemblySitting(10);
    expect((await post("vsupervisor1", { intent: "open", meetingId: String(meetingId) }, "shiliu")).status).toBe(302);
    const a = appraisalOf(SHILIU(), yearNow())!;
    const subjects = subjectsOf(a.id).map((s) => s.userId);
    expect(subjects.length).toBeGreaterThan(0);
    const tally = (f: (subject: number) => [number, number, number]) => ({
      intent: "tally",
      appraisalId: String(a.id),
      ...Object.fromEntries(subjects.flatMap((s) => ["competent", "basicallyCompetent", "incompetent"].map((r, i) => [`${r}.${s}`, String(f(s)[i])]))),
    });
    // Online ballots are refused at an assembly.
    const online = await post("vconvener1", { intent: "ballot", appraisalId: String(a.id), ...Object.fromEntries(subjects.map((s) => [`rating.${s}`, "competent"])) }, "shiliu");
    expect(online.status).toBe(409);
    // 6 + 3 + 2 = 11 > 10 present.
    const over = await post("vsupervisor1", tally(() => [6, 3, 2]), "shiliu");
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("不能超过到会人数");
    expect(subjectsOf(a.id).every((s) => s.competent === 0)).toBe(true);
    expect((await post("vsupervisor1", { ...tally(() => [6, 3, 1]), [`competent.${subjects[0]}`]: "-1" }, "shiliu")).status).toBe(400);
    expect((await post("vrep01", tally(() => [6, 3, 1]), "shiliu")).status).toBe(403);
    expect((await post("vsupervisor1", tally((s) => (s === subjects[0] ? [2, 2, 6] : [6, 3, 1])), "shiliu")).status).toBe(302);
    const chairPage = await (await http.fetch("/c/shiliu/appraisals", { cookie: await as("vsupervisor1") })).text();
    expect(chairPage).toContain('data-testid="appraisal-tally"');
    expect(chairPage).toContain("村委会组织法第三十八条");
    expect((await post("vsupervisor1", { intent: "close", appraisalId: String(a.id), confirm: "on" }, "shiliu")).status).toBe(302);
    expect(subjectsOf(a.id).find((s) => s.userId === subjects[0])!.verdict).toBe("incompetent");
    expect(subjectsOf(a.id).find((s) => s.userId === subjects[1])!.verdict).toBe("competent");
    expect(getDb().select().from(appraisalVoters).where(eq(appraisalVoters.appraisalId, a.id)).all()).toEqual([]);
    const board = await (await http.fetch("/c/shiliu/board")).text();
    expect(board).toContain(`${a.year}年度民主评议结果`);
    // The register's names never reach the board.
    expect(board).not.toContain("户主");
    expect(verifyLedger({ communityId: SHILIU() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toBeNull();
    getDb().update(appraisalSubjects).set({ competent: 7 }).where(and(eq(appraisalSubjects.appraisalId, a.id), eq(appraisalSubjects.userId, subjects[1]))).run();
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toMatchObject({ check: "appraisal", why: "differs" });
  });
});
