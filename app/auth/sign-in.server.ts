import { verifyLogin } from "../models/user.server";
import { createSession, generateSessionToken, sessionCookie } from "./session.server";
import { clearFailures, recordFailure, throttledFor } from "./throttle.server";

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
  const user = await verifyLogin({ username: account, password });
  if (!user) {
    recordFailure("account", account);
    recordFailure("address", clientIp);
    return { ok: false, status: 401, error: "login.failed" };
  }
  clearFailures("account", account);
  const token = generateSessionToken();
  const session = createSession({ token, userId: user.id, userAgent: request.headers.get("user-agent") ?? "", ip: clientIp });
  return { ok: true, userId: user.id, cookie: sessionCookie(token, session.expiresAt, new URL(request.url).protocol === "https:") };
}
