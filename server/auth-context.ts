import type { AppLoadContext } from "@remix-run/node";
import type { Request, Response } from "express";
import { blankSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "../app/auth/session.server";
import { clientAddress } from "./client-address";
import type { OpenLimit } from "./open-limit";

/**
 * Validates the session cookie once per request and hands the result to every loader and action.
 * A refreshed session gets its cookie sent again (sliding expiry); a bad cookie is cleared.
 * `streams` counts the long-lived responses (event streams) each session and address holds open.
 */
export function loadContextWith(streams: OpenLimit) {
  return (req: Request, res: Response): AppLoadContext => {
    const token = readSessionToken(req.headers.cookie);
    const auth = token ? validateSessionToken(token) : null;
    const secure = req.secure;
    const clientIp = clientAddress(req);
    if (token && !auth) res.append("Set-Cookie", blankSessionCookie(secure));
    if (token && auth?.refreshed) res.append("Set-Cookie", sessionCookie(token, auth.expiresAt, secure));
    const holdStream = () => {
      const release = streams.take({ session: auth?.sessionId, address: clientIp });
      if (!release) return false;
      // Whichever way the response ends (the stream closes, the client goes), the slot comes back.
      if (res.writableFinished || res.destroyed) release();
      else res.once("close", release);
      return true;
    };
    return { auth, clientIp, fragments: new Map(), holdStream };
  };
}
