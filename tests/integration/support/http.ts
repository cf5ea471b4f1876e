// Real HTTP against the real server (Express + the built Remix app) on a free port.
import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "../../../server/app";
import type { DraftCollab } from "../../../server/collab";

export interface Http {
  url: string;
  /** A request as a browser on our own origin would send it (Origin set on writes). */
  fetch: (path: string, init?: RequestInit & { cookie?: string; form?: Record<string, string> }) => Promise<Response>;
  login: (username: string, password?: string) => Promise<string>;
  /** The language cookie the language switch sets for English. */
  english: () => Promise<string>;
  /** The server's drafting endpoint (its documents in memory). */
  collab: DraftCollab;
}

export function useServer(): Http {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await running?.close();
  });
  const http: Http = {
    get url() {
      return running.url;
    },
    get collab() {
      return running.collab;
    },
    fetch: (path, init = {}) => {
      const { cookie, form, headers, ...rest } = init;
      const h = new Headers(headers);
      if (cookie) h.set("Cookie", cookie);
      const method = rest.method ?? (form ? "POST" : "GET");
      if (method !== "GET" && !h.has("Origin") && !h.has("X-No-Origin")) h.set("Origin", running.url);
      h.delete("X-No-Origin");
      return fetch(`${running.url}${path}`, {
        redirect: "manual",
        ...rest,
        method,
        headers: h,
        body: form ? new URLSearchParams(form) : rest.body,
      });
    },
    login: async (username, password = "demo1234") => {
      const res = await http.fetch("/login", { form: { username, password, redirectTo: "/" } });
      if (res.status !== 302) throw new Error(`login as ${username} failed with ${res.status}`);
      return sessionCookieFrom(res)!;
    },
    english: async () => {
      const res = await http.fetch("/language", { form: { lng: "en", redirectTo: "/" } });
      return res.headers.getSetCookie().find((c) => c.startsWith("lng="))!.split(";")[0];
    },
  };
  return http;
}

/** `as(username)`: that person's session cookie, signing in once per test file. */
export function signedIn(http: Http): (username: string) => Promise<string> {
  const cookies = new Map<string, string>();
  return async (username) => {
    if (!cookies.has(username)) cookies.set(username, await http.login(username));
    return cookies.get(username)!;
  };
}

/** "yst_session=<token>" from a response's Set-Cookie headers (undefined when absent or cleared). */
export function sessionCookieFrom(res: Response): string | undefined {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("yst_session="));
  const pair = cookie?.split(";")[0];
  return pair && pair !== "yst_session=" ? pair : undefined;
}
