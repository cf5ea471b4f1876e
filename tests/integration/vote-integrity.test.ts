// The integrity of representatives' votes, over real HTTP against the real server: one ballot per
// representative per motion under concurrency, refusals that store nothing, a close racing the votes,
// a ledger entry for every step that `ledger:verify` checks the ballot rows against, secret motions
// that link nobody to a choice, and ballots committed with synchronous=FULL.
import { execFile } from "node:child_process";
import { openSqlite } from "../../db/sqlite";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries } from "../../db/schema";
import { eq } from "drizzle-orm";
import zh from "~/i18n/zh-CN/meetings";
import { durably, durablyTogether } from "~/models/durable.server";
import { verifyLedger } from "~/models/ledger.server";
import type { BallotChoice } from "~/workflow/meetings";
import { communityId } from "./support/db";
import { useServer } from "./support/http";
import { minimumFor } from "~/workflow/tally";
import { addMembers, ballotRows, closeMotion, ledgerCount, ledgerHead, motionRow, openMotion, person, startedMeeting, type Person, type StartedMeeting } from "./support/meeting";

const http = useServer();
const run = promisify(execFile);

/** Extra representatives of mingyue, all added before any meeting starts (so every roster is the same). */
const EXTRA = 110;
let reps: Person[];
let quorum: number;
beforeAll(() => {
  reps = addMembers(EXTRA);
  // The rules of mingyue: at least two thirds of 组成人员 present, in whole people.
  const probe = startedMeeting();
  quorum = minimumFor(probe.members, { num: 2, den: 3, inclusive: true });
});

const problems = zh.meetings.problems;
type Problem = keyof typeof problems;

function vote(who: { cookie?: string }, m: StartedMeeting, choice: string, motionId: string | number = m.motionIds[0]) {
  return http.fetch(m.path, { cookie: who.cookie, form: { intent: "vote", motionId: String(motionId), choice, confirm: "on" } });
}

/** A refusal: its status, and the page saying why in Chinese. */
async function expectRefused(res: Response, status: number, problem: Problem) {
  expect(res.status).toBe(status);
  expect(await res.text()).toContain(problems[problem]);
}

/** yes, no, yes, abstain, yes, …: a mix that passes (more than half of those present agree). */
const CHOICES: BallotChoice[] = ["yes", "no", "yes", "abstain", "yes"];
const choiceOf = (i: number) => CHOICES[i % CHOICES.length];
const tally = (choices: BallotChoice[]) => ({ yes: choices.filter((c) => c === "yes").length, no: choices.filter((c) => c === "no").length, abstain: choices.filter((c) => c === "abstain").length });

describe("one ballot per representative per motion", () => {
  it("stores exactly 100 ballots from 100 concurrent voters, the tally what they sent, each step in the ledger", async () => {
    const voters = reps.slice(0, 100);
    const m = startedMeeting({ present: voters });
    const motionId = m.motionIds[0];
    openMotion(m.id, motionId);
    const sent = voters.map((_, i) => choiceOf(i));
    const answers = await Promise.all(voters.map((p, i) => vote(p, m, sent[i])));
    expect(answers.map((r) => r.status)).toEqual(voters.map(() => 302));
    expect(answers[0].headers.get("location")).toBe(`${m.path}?voted=${motionId}#motion-${motionId}`);

    const rows = ballotRows(motionId);
    expect(rows).toHaveLength(100);
    for (const b of rows) expect(Math.abs(b.castAt.getTime() - Date.now())).toBeLessThan(60_000);
    const stored = new Map(rows.map((b) => [b.userId, b.choice]));
    expect(voters.map((p) => stored.get(p.id))).toEqual(sent);

    const closed = closeMotion(m.id, motionId);
    expect(closed.result.passed).toBe(true);
    expect(motionRow(motionId)).toMatchObject({ status: "closed", present: 100, ...tally(sent) });

    // Every check-in, ballot, close and resolution is a ledger entry.
    expect(ledgerCount("attendance.checkedIn", `meeting:${m.id}`)).toBe(100);
    expect(ledgerCount("ballot.cast", `motion:${motionId}`)).toBe(100);
    expect(ledgerCount("motion.closed", `motion:${motionId}`)).toBe(1);
    expect(ledgerCount("resolution.published", `resolution:${closed.resolutionId}`)).toBe(1);
    const ballotSeqs = getDb().select({ seq: ledgerEntries.seq }).from(ledgerEntries).where(eq(ledgerEntries.subject, `motion:${motionId}`)).all();
    expect(new Set(rows.map((b) => b.ledgerSeq)).size).toBe(100);
    for (const b of rows) expect(ballotSeqs.map((e) => e.seq)).toContain(b.ledgerSeq);
  });

  it("stores one ballot from 50 concurrent identical votes of one representative and refuses 49 as already voted", async () => {
    const m = startedMeeting({ present: reps.slice(0, quorum) });
    openMotion(m.id, m.motionIds[0]);
    const voter = reps[0];
    const answers = await Promise.all(Array.from({ length: 50 }, () => vote(voter, m, "yes")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const bodies = await Promise.all(answers.filter((r) => r.status === 409).map((r) => r.text()));
    for (const body of bodies) expect(body).toContain(problems.alreadyVoted);
    expect(ballotRows(m.motionIds[0])).toHaveLength(1);
    expect(ledgerCount("ballot.cast", `motion:${m.motionIds[0]}`)).toBe(1);
  });
});

describe("refusals store nothing", () => {
  it("refuses votes before opening, after closing, not checked in, not a representative, elsewhere, signed out, malformed", async () => {
    const present = reps.slice(0, 100);
    const m = startedMeeting({ motions: 2, present });
    const [pending, other] = m.motionIds;
    const stranger = reps[EXTRA - 1]; // on the roster, never checked in
    const outsider = addMembers(1, { slug: "shiliu" })[0]; // a representative of another community
    const refusals: Array<[string, () => Promise<void>]> = [
      ["before opening", async () => expectRefused(await vote(reps[0], m, "yes", pending), 409, "voteNotOpen")],
      ["not checked in", async () => expectRefused(await vote(stranger, m, "yes", other), 409, "notCheckedIn")],
      ["a resident", async () => expectRefused(await vote(person("resident1"), m, "yes", other), 403, "notRepresentative")],
      ["a supervisor (attends, never votes)", async () => expectRefused(await vote(person("supervisor1"), m, "yes", other), 403, "notRepresentative")],
      ["a representative voting for another", async () => {
        const res = await http.fetch(m.path, { cookie: reps[0].cookie, form: { intent: "vote", motionId: String(other), choice: "yes", forUserId: String(reps[1].id), confirm: "on" } });
        await expectRefused(res, 403, "wrongRole");
      }],
      ["another community's member", async () => expect((await vote(person("villager1"), m, "yes", other)).status).toBe(404)],
      ["this meeting through another community", async () => {
        const res = await http.fetch(`/c/shiliu/meetings/${m.id}`, { cookie: outsider.cookie, form: { intent: "vote", motionId: String(other), choice: "yes", confirm: "on" } });
        expect(res.status).toBe(404);
      }],
      ["signed out", async () => {
        const res = await vote({}, m, "yes", other);
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(m.path)}`);
      }],
      ["a motion of another meeting", async () => expect((await vote(reps[1], m, "yes", pending + 100_000)).status).toBe(404)],
    ];
    for (const [choice, motionId] of [["maybe", other], ["", other], ["yes", "abc"], ["yes", "-1"], ["yes", "1.5"], ["yes", "99999999999999999999"], ["yes", ""]] as const) {
      refusals.push([`malformed ${choice}/${motionId}`, async () => expect((await vote(reps[1], m, choice, motionId)).status).toBe(400)]);
    }
    refusals.push(["no intent", async () => expect((await http.fetch(m.path, { cookie: reps[1].cookie, form: { motionId: String(other), choice: "yes" } })).status).toBe(400)]);

    openMotion(m.id, other);
    const head = ledgerHead();
    for (const [name, refuse] of refusals) {
      await refuse().catch((error: Error) => {
        error.message = `${name}: ${error.message}`;
        throw error;
      });
    }
    expect(ballotRows(pending)).toEqual([]);
    expect(ballotRows(other)).toEqual([]);
    expect(ledgerHead()).toBe(head);

    // After closing: refused, nothing stored, the counts as they were.
    expect((await vote(reps[2], m, "no", other)).status).toBe(302);
    closeMotion(m.id, other);
    const closed = { head: ledgerHead(), motion: motionRow(other) };
    await expectRefused(await vote(reps[3], m, "yes", other), 409, "votingClosed");
    await expectRefused(await vote(reps[2], m, "yes", other), 409, "votingClosed");
    expect(ballotRows(other)).toHaveLength(1);
    expect(motionRow(other)).toEqual(closed.motion);
    expect(ledgerHead()).toBe(closed.head);
  });

  it("refuses to open a vote one short of the quorum, and opens it at the quorum", async () => {
    const m = startedMeeting({ present: reps.slice(0, quorum - 1) });
    const convener = person("convener1");
    const open = () => http.fetch(m.path, { cookie: convener.cookie, form: { intent: "open", motionId: String(m.motionIds[0]) } });
    const head = ledgerHead();
    await expectRefused(await open(), 409, "quorumNotMet");
    expect(motionRow(m.motionIds[0]).status).toBe("pending");
    expect(ledgerHead()).toBe(head);
    expect((await http.fetch(m.path, { cookie: reps[quorum - 1].cookie, form: { intent: "checkIn" } })).status).toBe(302);
    expect((await open()).status).toBe(302);
    expect(motionRow(m.motionIds[0]).status).toBe("voting");
  });
});

describe("closing races voting", () => {
  it("counts exactly the votes answered OK, refuses the rest as closed, and never changes after closing", async () => {
    const m = startedMeeting({ present: reps.slice(0, quorum + 5) });
    const motionId = m.motionIds[0];
    openMotion(m.id, motionId);
    const convener = person("convener1");
    const voters = reps.slice(0, 50);
    // All fired at once, the close in the middle of them.
    const fire = (list: Person[], from: number) => list.map((p, i) => ({ choice: choiceOf(from + i), answer: vote(p, m, choiceOf(from + i)) }));
    const first = fire(voters.slice(0, 25), 0);
    const close = http.fetch(m.path, { cookie: convener.cookie, form: { intent: "close", motionId: String(motionId), confirm: "on" } });
    const fired = [...first, ...fire(voters.slice(25), 25)];
    const answers = await Promise.all(fired.map(async (f) => ({ choice: f.choice, res: await f.answer })));
    expect((await close).status).toBe(302);

    const ok = answers.filter((a) => a.res.status === 302);
    const refused = answers.filter((a) => a.res.status !== 302);
    for (const a of refused) await expectRefused(a.res, 409, "votingClosed");
    const stored = motionRow(motionId);
    // The close was fired between the two halves: some votes came before it, some after.
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(stored.status).toBe("closed");
    expect(ballotRows(motionId)).toHaveLength(ok.length);
    expect({ yes: stored.yes, no: stored.no, abstain: stored.abstain }).toEqual(tally(ok.map((a) => a.choice)));

    // Later votes are refused, and the counts read twice are the same.
    await expectRefused(await http.fetch(m.path, { cookie: convener.cookie, form: { intent: "close", motionId: String(motionId), confirm: "on" } }), 409, "votingClosed");
    await expectRefused(await vote(reps[70], m, "yes"), 409, "votingClosed");
    await expectRefused(await vote(reps[71], m, "no"), 409, "votingClosed");
    expect(motionRow(motionId)).toEqual(stored);
    expect(ballotRows(motionId)).toHaveLength(ok.length);
  });
});

describe("the ledger holds the ballots", () => {
  const verify = () =>
    run("npm", ["run", "--silent", "ledger:verify", "--", "--community", "mingyue"], { env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("makes ledger:verify fail at the entry of a ballot edited or deleted by hand", async () => {
    const m = startedMeeting({ present: reps.slice(0, quorum) });
    const motionId = m.motionIds[0];
    openMotion(m.id, motionId);
    for (const p of reps.slice(0, 5)) expect((await vote(p, m, "yes")).status).toBe(302);
    const target = ballotRows(motionId).find((b) => b.userId === reps[2].id)!;
    const client = getDb().$client;

    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("intact");

    client.prepare("UPDATE ballots SET choice = 'no' WHERE motion_id = ? AND user_id = ?").run(motionId, target.userId);
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain(`BROKEN at entry ${target.ledgerSeq} `);

    client.prepare("DELETE FROM ballots WHERE motion_id = ? AND user_id = ?").run(motionId, target.userId);
    const deleted = await verify();
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain(`BROKEN at entry ${target.ledgerSeq} `);

    // Put back as it was, the chain and the rows agree again.
    client
      .prepare("INSERT INTO ballots (motion_id, user_id, choice, recorded_by, cast_at, ledger_seq) VALUES (?, ?, ?, ?, ?, ?)")
      .run(target.motionId, target.userId, target.choice, target.recordedBy, target.castAt.getTime(), target.ledgerSeq);
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
    // Three `npm run ledger:verify` processes: in CI beside the Node 24 run, one core each.
  }, 60_000);
});

describe("secret motions", () => {
  it("links no one to a choice anywhere in the database, and counts right", async () => {
    const voters = reps.slice(0, 70);
    const m = startedMeeting({ secret: true, present: reps.slice(0, quorum) });
    const motionId = m.motionIds[0];
    openMotion(m.id, motionId);
    const before = snapshot();
    const sent = voters.map((_, i) => choiceOf(i + 1));
    const answers = await Promise.all(voters.map((p, i) => vote(p, m, sent[i])));
    expect(answers.map((r) => r.status)).toEqual(voters.map(() => 302));
    const after = snapshot();
    closeMotion(m.id, motionId);

    const rows = ballotRows(motionId);
    expect(rows).toHaveLength(70);
    expect(rows.every((b) => b.choice === null)).toBe(true);
    const entries = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.subject, `motion:${motionId}`)).all();
    const casts = entries.filter((e) => e.type === "ballot.cast");
    expect(casts).toHaveLength(70);
    for (const e of casts) expect(Object.keys(JSON.parse(e.payload)).sort()).toEqual(["motion", "voter"]);
    expect(motionRow(motionId)).toMatchObject({ status: "closed", ...tally(sent) });

    // Whatever the votes wrote or changed, in any table: no value that is a choice, no "choice" key.
    const written = Object.entries(after).flatMap(([table, rowsAfter]) => [...rowsAfter].filter((r) => !before[table]?.has(r)).map((r) => ({ table, row: r })));
    expect(new Set(written.map((w) => w.table))).toContain("ballots");
    for (const { table, row } of written) {
      expect(row, table).not.toMatch(/\\?"(yes|no|abstain|choice)\\?"/);
    }
  });
});

/** Every row of every table, each as the JSON array of its values. */
function snapshot(): Record<string, Set<string>> {
  const client = getDb().$client;
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, new Set((client.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.length : v)))))]));
}

describe("durable writes", () => {
  const client = () => getDb().$client;
  const level = () => client().pragma("synchronous", { simple: true });
  const rows = () => client().prepare("SELECT v FROM scratch ORDER BY id").pluck().all();
  const insert = (v: string) => () => client().prepare("INSERT INTO scratch (v) VALUES (?)").run(v);
  beforeAll(() => {
    client().exec("CREATE TABLE scratch (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  });

  it("runs a durable transaction with synchronous=FULL and puts NORMAL back, even when it throws", () => {
    expect(level()).toBe(1);
    expect(durably(() => level())).toBe(2);
    expect(level()).toBe(1);
    expect(() =>
      durably(() => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(level()).toBe(1);
  });

  it("commits writes asked together in one durable transaction, each in its own savepoint, after which all settle", async () => {
    client().exec("DELETE FROM scratch");
    // Another connection, as a crash would see the file: the first write is not committed while the third runs.
    const outside = openSqlite(process.env.DATABASE_PATH!, { readonly: true });
    const seenOutside = () => outside.prepare("SELECT count(*) FROM scratch").pluck().get();
    const first = durablyTogether(insert("a"));
    const second = durablyTogether(() => {
      insert("b")();
      throw new Error("refused");
    });
    const third = durablyTogether(() => {
      insert("c")();
      return { level: level(), inside: rows(), outside: seenOutside() };
    });
    expect(rows()).toEqual([]); // nothing before the commit
    await expect(second).rejects.toThrow("refused");
    await first;
    expect(await third).toEqual({ level: 2, inside: ["a", "c"], outside: 0 });
    expect(rows()).toEqual(["a", "c"]);
    expect(seenOutside()).toBe(2);
    expect(level()).toBe(1);
    outside.close();
  });

  it("commits writes waiting for a group commit before a durable write that comes after them", async () => {
    client().exec("DELETE FROM scratch");
    const waiting = durablyTogether(insert("ballot"));
    durably(insert("close"));
    await waiting;
    expect(rows()).toEqual(["ballot", "close"]);
  });
});
