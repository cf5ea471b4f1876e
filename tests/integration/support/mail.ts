// E-mail in the tests: the real test SMTP server (tests/support/smtp.ts), a sender over it, people of
// our own with e-mail addresses, and one worker run (queue, digest, send) at a time.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { getDb, inTransaction } from "../../../db/client.server";
import { notifications, outbox, users } from "../../../db/schema";
import { notifyUsers } from "~/models/notification.server";
import { queueDigests, sendDue, triageNotifications } from "~/notify/outbox.server";
import { SmtpSender } from "~/notify/sender.server";
import { startTestSmtp, type TestSmtp } from "../../support/smtp";
import { communityId } from "./db";
import { addMembers, type Person } from "./meeting";

export const PUBLIC = "https://hall.example";

export interface MailRig {
  smtp: TestSmtp;
  sender: SmtpSender;
}

/** The test SMTP server and a sender over it, for the whole file; links in mail use PUBLIC_ORIGIN. */
export function useMail(): MailRig {
  const rig = {} as MailRig;
  beforeAll(async () => {
    process.env.PUBLIC_ORIGIN = PUBLIC;
    rig.smtp = await startTestSmtp();
    rig.sender = new SmtpSender({ host: "127.0.0.1", port: rig.smtp.port, secure: false, from: "hall@test.example" });
  });
  afterAll(async () => {
    rig.sender?.close();
    await rig.smtp?.close();
  });
  return rig;
}

let made = 0;
/** A resident of mingyue of our own with an e-mail address (and a session). */
export function personWithEmail(): Person & { email: string } {
  const [p] = addMembers(1, { roles: ["resident"] });
  const email = `p${process.pid}-${++made}@mail.example`;
  getDb().update(users).set({ email }).where(eq(users.id, p.id)).run();
  return { ...p, email };
}

/** A notification for `userIds` as a model would write it (mingyue's). */
export function notify(userIds: number[], kind: string, payload: Record<string, string | number>) {
  inTransaction(getDb(), (tx) => notifyUsers(tx, { userIds, communityId: communityId("mingyue"), kind, payload }));
}

/** One run of the worker's three steps with `sender`. */
export async function runMail(sender: SmtpSender) {
  await triageNotifications();
  const digests = await queueDigests();
  const sent = await sendDue(sender, { limit: 100 });
  return { digests, ...sent };
}

export const outboxOf = (userId: number) => getDb().select().from(outbox).where(eq(outbox.userId, userId)).all();
export const mailTo = (rig: MailRig, email: string) => rig.smtp.received.filter((m) => m.to.includes(email));
export const unmailed = (userIds: number[]) =>
  getDb()
    .select({ id: notifications.id, mailedAt: notifications.mailedAt })
    .from(notifications)
    .where(inArray(notifications.userId, userIds))
    .all()
    .filter((n) => n.mailedAt === null).length;
