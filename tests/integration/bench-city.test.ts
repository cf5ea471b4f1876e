// The benchmark's city (bench/city.ts): its communities' chains verify, records included, and the
// topic counts fall like a Zipf law; and the truly bare baseline page (app/routes/bench.bare.tsx)
// renders without the root layout while the server runs with BENCH_ROUTES=1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { verifyLedger } from "~/models/ledger.server";
import { generateCity, ledgerWriter, zipfCounts } from "../../bench/city";
import { userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);

describe("the benchmark city", () => {
  it("adds communities whose chains and records verify, busy ones first", () => {
    const c = getDb().$client;
    const before = (c.prepare("SELECT count(*) AS n FROM communities").get() as { n: number }).n;
    const topicsBefore = (c.prepare("SELECT count(*) AS n FROM topics").get() as { n: number }).n;
    const ledger = ledgerWriter(c);
    const city = generateCity(c, { now: Date.now(), adminId: userId("street1"), ledger, communities: before + 6, totalTopics: topicsBefore + 400 });
    expect(city.communities).toBe(6);
    expect(city.topics).toBeGreaterThanOrEqual(395);
    const made = c.prepare("SELECT id, (SELECT count(*) FROM topics t WHERE t.community_id = c.id) AS topics FROM communities c WHERE slug LIKE 'city-%' ORDER BY slug").all() as { id: number; topics: number }[];
    expect(made.map((m) => m.topics)).toEqual(zipfCounts(6, 400));
    for (const m of made) expect(verifyLedger({ communityId: m.id }).ok, `community ${m.id}`).toBe(true);
    expect(ledger.written()).toBe((c.prepare("SELECT count(*) AS n FROM ledger_entries WHERE community_id IN (SELECT id FROM communities WHERE slug LIKE 'city-%')").get() as { n: number }).n);
  });

  it("spreads topics like a Zipf law: a few busy communities, most quiet, none empty", () => {
    const counts = zipfCounts(2770, 507_000);
    expect(counts[0]).toBeGreaterThan(10_000);
    expect(counts[1385]).toBeLessThan(150);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    expect(counts.every((n, i) => i === 0 || n <= counts[i - 1])).toBe(true);
  });
});

describe("the truly bare baseline page", () => {
  beforeAll(() => {
    process.env.BENCH_ROUTES = "1";
  });
  afterAll(() => {
    delete process.env.BENCH_ROUTES;
  });

  it("renders a tiny page without the root layout, after the session check", async () => {
    const cookie = await as("resident1");
    const bare = await http.fetch("/bench/bare", { cookie });
    expect(bare.status).toBe(200);
    expect(bare.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await bare.text();
    expect(html).toContain("<h1>bench</h1>");
    expect(html).not.toMatch(/<header|<script|<nav/);
    // The other baseline goes through the root layout.
    const page = await (await http.fetch("/bench/page", { cookie })).text();
    expect(page).toMatch(/<script/);
    expect((await http.fetch("/bench/bare")).status).toBe(302);
  });
});
