import { runDueDeadlines } from "../app/models/deadline.server";
import { logger } from "./logger";

/**
 * Acts on due deadlines at start-up and then every `intervalMs`. The schedule lives in the database,
 * so nothing is lost across restarts; the interval only decides how soon after its time a deadline is
 * acted on. SCHEDULER_INTERVAL_MS (default 60 s) sets it.
 */
export function startScheduler({ intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 60_000) } = {}) {
  const tick = () => {
    try {
      const settled = runDueDeadlines();
      if (settled > 0) logger.info({ settled }, "deadlines settled");
    } catch (error) {
      logger.error({ err: error }, "scheduler run failed");
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
