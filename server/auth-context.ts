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
    // A slot for a long-lived answer (an event stream), or null past the limit. The signal it gives aborts
    // when the connection closes, whichever way; the stream must listen to it, not to the request's own
    // signal: Remix's request is a copy whose abort follows the original only while the copy is alive
    // (undici holds it weakly), so a collected copy left its stream's listener behind for good.
    const holdStream = (): AbortSignal | null => {
      const release = streams.take({ session: auth?.sessionId, address: clientIp });
      if (!release) return null;
      const gone = new AbortController();
      const end = () => {
        release();
        gone.abort();
      };
      if (res.writableFinished || res.destroyed) end();
      else res.once("close", end);
      return gone.signal;
    };
    return { auth, clientIp, fragments: new Map(), holdStream };
  };
}
