/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { ValidSession } from "./app/auth/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The signed-in session, validated once per request by the server (null when signed out). */
    auth: ValidSession | null;
    /** The client's address, for rate limits and the session list. */
    clientIp: string;
  }
}
