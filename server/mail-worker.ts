import { queueDigests, sendDue, triageNotifications } from "../app/notify/outbox.server";
import { SmtpSender, smtpConfigFromEnv, type Sender } from "../app/notify/sender.server";
import { logger } from "./logger";

/**
 * The e-mail worker, beside the scheduler and off the request path (a request only writes a
 * notification row): every `intervalMs` it queues what notifications ask for, makes the day's digests
 * and sends due outbox rows (app/notify/outbox.server.ts). MAIL_INTERVAL_MS (default 5 s) sets it.
 * Without a sender (SMTP_HOST unset) e-mail is off: notifications are marked dealt with, nothing is queued.
 */
export function startMailWorker({ sender, intervalMs = Number(process.env.MAIL_INTERVAL_MS ?? 5_000) }: { sender: Sender | null; intervalMs?: number }) {
  let afterId = 0;
  let running: Promise<void> | null = null;
  const mailOn = sender !== null;
  const run = async () => {
    try {
      afterId = (await triageNotifications({ afterId, mailOn })).lastId;
      const digests = await queueDigests({ mailOn });
      if (digests > 0) logger.info({ digests }, "mail digests queued");
      if (sender) {
        // A few at a time, one after another: 20 every interval is ~240 a minute at the default 5 s.
        const { sent, failed } = await sendDue(sender, { limit: 20 });
        if (sent || failed) logger.info({ sent, failed }, "mail sent");
      }
    } catch (error) {
      logger.error({ err: error }, "mail worker run failed");
    }
  };
  /** One run; a run already under way is awaited rather than doubled. */
  const tick = (): Promise<void> => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** The sender the environment configures (SMTP_*), or null with one line in the log saying e-mail is off. */
export function senderFromEnv(): Sender | null {
  const config = smtpConfigFromEnv();
  if (!config) {
    logger.info("SMTP_HOST is not set: notifications are not e-mailed");
    return null;
  }
  logger.info({ host: config.host, port: config.port }, "e-mail notifications on");
  return new SmtpSender(config);
}
