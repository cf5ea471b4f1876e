import type { Express } from "express";
import { now, shiftClock } from "../app/models/clock.server";
import { runDueDeadlines } from "../app/models/deadline.server";
import { bufferedBody } from "./body-limit";
import { logger } from "./logger";

const MAX_SHIFT_MS = 400 * 24 * 3_600_000;

/**
 * A controllable clock for end-to-end tests, and only for them: with `TEST_CLOCK=1` the server
 * accepts `POST /__test/clock` (form `shiftMs`, 0 < shiftMs ≤ 400 days), moves the one clock every
 * deadline reads forward and acts on the deadlines now due — so a journey can pass a 公示 period or a
 * rating window without waiting. Without the variable the path does not exist (the Remix catch-all
 * answers 404). `npm start` never sets it.
 */
export function mountTestClock(app: Express): boolean {
  if (process.env.TEST_CLOCK !== "1") return false;
  logger.warn("TEST_CLOCK=1: POST /__test/clock can move this server's clock (tests only)");
  app.post("/__test/clock", (req, res) => {
    const shiftMs = Number(new URLSearchParams(bufferedBody(req).toString("utf8")).get("shiftMs"));
    if (!Number.isInteger(shiftMs) || shiftMs <= 0 || shiftMs > MAX_SHIFT_MS) {
      res.status(400).json({ error: "shiftMs must be a whole number of milliseconds, at most 400 days" });
      return;
    }
    shiftClock(shiftMs);
    const settled = runDueDeadlines();
    res.json({ now: now().toISOString(), settled });
  });
  return true;
}
