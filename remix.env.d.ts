/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { ValidSession } from "./app/auth/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The signed-in session, validated once per request by the server (null when signed out). */
    auth: ValidSession | null;
    /** The client's address, for rate limits and the session list. */
    clientIp: string;
    /**
     * Parts of the page a loader rendered ahead, by name, for the server render to put in as they
     * are (app/components/server-fragments.tsx); never sent to the browser.
     */
    fragments?: Map<string, string>;
    /**
     * Holds one of the client's long-lived response slots (per session and per address) until this
     * response closes, with a signal that aborts then (the stream ends on it); null when the client
     * already holds its limit (the route answers 429).
     */
    holdStream: () => AbortSignal | null;
  }
}
