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
  }
}
