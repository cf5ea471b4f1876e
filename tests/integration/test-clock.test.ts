// The controllable clock exists only for end-to-end tests: with TEST_CLOCK=1 a POST moves the
// server's clock and acts on the deadlines then due; without it the path is not there.
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/app";
import { now, resetClock } from "~/models/clock.server";

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
  delete process.env.TEST_CLOCK;
  resetClock();
});

const post = (body: string) =>
  fetch(`${running!.url}/__test/clock`, { method: "POST", headers: { Origin: running!.url, "Content-Type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });

describe("the test clock", () => {
  it("is absent unless TEST_CLOCK=1", async () => {
    running = await startServer({ port: 0, host: "127.0.0.1" });
    const before = now().getTime();
    const res = await post("shiftMs=86400000");
    expect(res.status).not.toBe(200);
    expect(res.status).toBeLessThan(500);
    expect(now().getTime() - before).toBeLessThan(60_000);
  });

  it("moves the clock forward and settles due deadlines when enabled", async () => {
    process.env.TEST_CLOCK = "1";
    running = await startServer({ port: 0, host: "127.0.0.1" });
    const before = Date.now();
    const res = await post(`shiftMs=${8 * 86_400_000}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { now: string; settled: number };
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(8 * 86_400_000);
    expect(typeof body.settled).toBe("number");
    for (const bad of ["shiftMs=-5", "shiftMs=abc", "", `shiftMs=${500 * 86_400_000}`]) expect((await post(bad)).status, bad).toBe(400);
  });
});
