// The real server (`server/start.ts`) in a process of its own over this test file's database, so a
// test can kill it hard (SIGKILL, as a crash or `kill -9` would) and start it again on the same file.
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { freePort, startChild } from "../../../bench/server-child";

/** For a test that starts server processes: each start is ~1 s alone, but many seconds on a busy machine. */
export const SERVER_STARTS_TIMEOUT = 120_000;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, now: no shutdown hook runs, nothing is flushed or checkpointed. */
  killHard: () => void;
  exited: Promise<void>;
  /** A graceful stop (SIGTERM), for the end of a test. */
  stop: () => Promise<void>;
}

/** On this test file's database, or on `databasePath` (e.g. a restored backup). */
export async function startServerProcess({ databasePath }: { databasePath?: string } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = await startChild(port, { env: databasePath ? { DATABASE_PATH: databasePath } : {} });
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    killHard: () => child.kill("SIGKILL"),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface FormAnswer {
  /** 0 when the request failed (connection reset, refused). */
  status: number;
  location: string | null;
  error?: string;
}

/**
 * A kept-alive socket the server closed while it sat idle (its keep-alive timeout) fails the next
 * request sent on it before the server reads a byte. Browsers send such a request again on a fresh
 * connection, whatever its method; so do we, once (on a connection of its own: the agent's other idle
 * sockets may be closing at the same moment).
 */
export const closedWhileIdle = (req: http.ClientRequest, error: NodeJS.ErrnoException) => req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");

/**
 * A form POST as a browser on the server's own origin sends it, over `agent`. Never rejects: a failed
 * request answers status 0 (and its error code), so a storm cut short by a crash can be counted.
 */
export function postForm(url: string, path: string, cookie: string, form: Record<string, string>, agent: http.Agent, retried = false): Promise<FormAnswer> {
  const body = new URLSearchParams(form).toString();
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = http.request(
      { host: hostname, port, method: "POST", path, agent, headers: { Cookie: cookie, Origin: url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
      // The status line is the acknowledgement: once it has arrived, the answer counts.
      (res) => {
        res.on("error", () => undefined);
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!retried && closedWhileIdle(req, error)) resolve(postForm(url, path, cookie, form, new http.Agent(), true));
      else resolve({ status: 0, location: null, error: error.code ?? error.message });
    });
    req.end(body);
  });
}
