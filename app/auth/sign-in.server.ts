import { getUserByUsername, verifyLogin } from "../models/user.server";
import { knownDevice, readDeviceToken, rememberDevice } from "./device.server";
import { createSession, generateSessionToken, sessionCookie } from "./session.server";
import { clearFailures, forgiveFailure, recordFailure, throttledFor, waitMessage, type ThrottleKind } from "./throttle.server";

type SignInResult =
  | { ok: true; cookies: string[]; userId: number }
  | { ok: false; status: 401; error: string }
  | { ok: false; status: 429; error: string; waitMs: number };

/**
 * Checks the password (slowed down per account and per address, or per device for a browser that
 * signed in to this account before) and opens a session. The refusal never says whether the
 * account exists.
 */
export async function signIn({
  username,
  password,
  request,
  clientIp,
}: {
  username: string;
  password: string;
  request: Request;
  clientIp: string;
}): Promise<SignInResult> {
  const account = username.trim().toLowerCase();
  const deviceToken = readDeviceToken(request.headers.get("cookie"));
  const userId = deviceToken ? getUserByUsername(account)?.id : undefined;
  const device = knownDevice({ token: deviceToken, userId });
  // A known device answers only for its own wrong passwords: others' failures against the account or
  // from its address never hold it back, and its own do not slow the account's other devices.
  const counters: [ThrottleKind, string][] = device ? [["device", `${device}:${userId}`]] : [["account", account], ["address", clientIp]];
  const waitMs = Math.max(...counters.map(([kind, value]) => throttledFor(kind, value)));
  if (waitMs > 0) return { ok: false, status: 429, error: waitMessage(waitMs), waitMs };
  // Counted as a failure before the (slow, awaited) password check, in the same synchronous step as
  // the look above: otherwise parallel attempts all pass the look before any failure is written.
  for (const [kind, value] of counters) recordFailure(kind, value);
  const user = await verifyLogin({ username: account, password });
  if (!user) return { ok: false, status: 401, error: "login.failed" };
  if (device) {
    // The account's count is left as it is: someone guessing it stays slowed while its owner signs in.
    clearFailures("device", counters[0][1]);
  } else {
    clearFailures("account", account);
    forgiveFailure("address", clientIp);
  }
  const secure = new URL(request.url).protocol === "https:";
  const token = generateSessionToken();
  const session = createSession({ token, userId: user.id, userAgent: request.headers.get("user-agent") ?? "", ip: clientIp });
  return {
    ok: true,
    userId: user.id,
    cookies: [sessionCookie(token, session.expiresAt, secure), rememberDevice({ token: deviceToken, userId: user.id, secure })],
  };
}
