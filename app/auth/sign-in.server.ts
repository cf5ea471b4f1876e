import { verifyLogin } from "../models/user.server";
import { createSession, generateSessionToken, sessionCookie } from "./session.server";
import { clearFailures, forgiveFailure, recordFailure, throttledFor } from "./throttle.server";

type SignInResult = { ok: true; cookie: string; userId: number } | { ok: false; status: 401 | 429; error: string };

/**
 * Checks the password (rate-limited per account and per address) and opens a session.
 * The refusal never says whether the account exists.
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
  const locked = Math.max(throttledFor("account", account), throttledFor("address", clientIp));
  if (locked > 0) {
    return { ok: false, status: 429, error: `login.throttled|minutes=${Math.ceil(locked / 60000)}` };
  }
  // Counted as a failure before the (slow, awaited) password check, in the same synchronous step as
  // the look above: otherwise parallel attempts all pass the look before any failure is written.
  recordFailure("account", account);
  recordFailure("address", clientIp);
  const user = await verifyLogin({ username: account, password });
  if (!user) return { ok: false, status: 401, error: "login.failed" };
  clearFailures("account", account);
  forgiveFailure("address", clientIp);
  const token = generateSessionToken();
  const session = createSession({ token, userId: user.id, userAgent: request.headers.get("user-agent") ?? "", ip: clientIp });
  return { ok: true, userId: user.id, cookie: sessionCookie(token, session.expiresAt, new URL(request.url).protocol === "https:") };
}
