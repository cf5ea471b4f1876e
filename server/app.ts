import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getDb } from "../db/client.server";
import { PROJECT_ROOT } from "../db/config";
import { checkWritable } from "../db/health";
import { loadContextWith } from "./auth-context";
import { bodyLimit } from "./body-limit";
import { trustProxySetting } from "./client-address";
import { mountBenchStats } from "./bench-stats";
import { createDraftCollab, YJS_PREFIX, type DraftCollab } from "./collab";
import { envInt } from "./env";
import { logger } from "./logger";
import { requestLog, sameOriginOnly, securityHeaders } from "./middleware";
import { openLimit } from "./open-limit";
import { remixHandler } from "./remix-handler";
import { mountTestClock } from "./test-clock";

export interface RunningServer {
  server: http.Server;
  url: string;
  close: () => Promise<void>;
  /** Long-lived things held open now, as the per-session and per-address caps count them. */
  openSockets: () => number;
  openStreams: () => number;
  /** The drafting endpoint: its documents in memory (tests and benchmarks). */
  collab: DraftCollab;
}

async function loadBuild(): Promise<ServerBuild> {
  const file = path.resolve(PROJECT_ROOT, "build/index.js");
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

/** One HTTP server: health check, static files, the Remix app, and (later) websocket upgrades. */
export async function startServer({ port, host = "0.0.0.0" }: { port: number; host?: string }): Promise<RunningServer> {
  const build = await loadBuild();
  const collab = createDraftCollab();
  const app = express();
  app.disable("x-powered-by");
  // req.ip, req.secure and req.hostname decide as clientAddress() does (server/client-address.ts).
  app.set("trust proxy", trustProxySetting());
  app.use(requestLog);
  // Files (built scripts, public/) never change and a browser fetches each once and keeps it: they
  // are compressed hard (gzip 9, brotli 6, even the small ones). Pages and data are compressed on
  // every request: gzip 1 (nginx's default) and brotli 3, about 0.2 ms for the hall where gzip 6 and
  // brotli 4 (the middleware's defaults) cost 0.5 ms, for 10–15% more bytes (~1.3 KB).
  const compressFile = compression({ level: 9, threshold: 0, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } } });
  const compressPage = compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } } });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? compressFile : compressPage)(req, res, next));
  app.use(securityHeaders);

  // Ok only when the database answers and takes a write (a read-only file or a full disk fails every
  // post while reads still work).
  app.get("/healthz", (_req, res) => {
    try {
      checkWritable(getDb().$client);
      res.json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ status: "unavailable", error: `the database cannot be written: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  app.use("/build", express.static(path.resolve(PROJECT_ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  // Only a path with a file extension can be one of public/'s files: the others (every page) go on
  // without a disk lookup, which cost a fifth of a bare page.
  const publicFiles = express.static(path.resolve(PROJECT_ROOT, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(sameOriginOnly);
  // Every body is capped and read here, before anything parses it (docs/decisions/016).
  app.use(bodyLimit);
  mountTestClock(app);
  mountBenchStats(app, collab);
  const streams = openLimit({ perSession: envInt("EVENTS_MAX_STREAMS_PER_SESSION", 8), perAddress: envInt("EVENTS_MAX_STREAMS_PER_ADDRESS", 256) });
  app.all("*", remixHandler({ build, mode: process.env.NODE_ENV, getLoadContext: loadContextWith(streams) }));

  const server = http.createServer(app);
  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "").startsWith(YJS_PREFIX)) return collab.handleUpgrade(req, socket, head);
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    url: `http://localhost:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        collab.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    openSockets: collab.openSockets,
    openStreams: streams.open,
    collab,
  };
}
