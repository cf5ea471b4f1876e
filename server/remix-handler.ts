import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { createRemixHeaders, sendRemixResponse } from "@remix-run/express/dist/server";
import type { NextFunction, Request, Response } from "express";
import { bufferedBody } from "./body-limit";

/**
 * The Remix app behind Express, as @remix-run/express runs it, except that a request's body is the
 * one bodyLimit read (within its limit), not the raw socket stream: the adapter would hand the app
 * the whole stream, however long.
 */
export function remixHandler({ build, mode, getLoadContext }: { build: ServerBuild; mode?: string; getLoadContext: (req: Request, res: Response) => AppLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handleRequest(remixRequest(req, res), getLoadContext(req, res));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** @remix-run/express's createRemixRequest with the buffered body. */
function remixRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname has no port: take it from X-Forwarded-Host or Host, as the adapter does.
  const forwardedPort = Number.parseInt(req.get("X-Forwarded-Host")?.split(":")[1] ?? "", 10);
  const hostPort = Number.parseInt(req.get("host")?.split(":")[1] ?? "", 10);
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = bufferedBody(req);
    // A Buffer is a view of an ArrayBuffer (a Buffer is never shared memory).
    init.body = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  }
  // Loaders and actions are aborted when the answer can no longer be written (closed before finished).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}
