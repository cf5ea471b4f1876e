import type { AppLoadContext } from "@remix-run/node";
import type { Request, Response } from "express";
import { clientAddress } from "./client-address";
import { blankSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "../app/auth/session.server";

/**
 * Validates the session cookie once per request and hands the result to every loader and action.
 * A refreshed session gets its cookie sent again (sliding expiry); a bad cookie is cleared.
 */
export function loadContext(req: Request, res: Response): AppLoadContext {
  const token = readSessionToken(req.headers.cookie);
  const auth = token ? validateSessionToken(token) : null;
  const secure = req.secure;
  if (token && !auth) res.append("Set-Cookie", blankSessionCookie(secure));
  if (token && auth?.refreshed) res.append("Set-Cookie", sessionCookie(token, auth.expiresAt, secure));
  return { auth, clientIp: clientAddress(req), fragments: new Map() };
}
