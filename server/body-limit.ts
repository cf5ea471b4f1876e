import type { NextFunction, Request, Response } from "express";
import { readSession, readSessionToken, sessionIdFromToken } from "../app/auth/session.server";
import { formatSize, uploadBodyMaxBytes } from "../app/models/upload.server";
import { sendErrorPage } from "./error-page";
import { logger } from "./logger";

const KIB = 1024;

/**
 * The largest ordinary form body: `FORM_MAX_BYTES`, 256 KiB by default. The largest form (a
 * consultation meeting's record: 14,000 characters in all) percent-encoded as browsers send Chinese
 * (9 bytes a character) is ~126 KB; twice that leaves room and keeps a hostile post small.
 */
export function formMaxBytes(): number {
  const value = Number(process.env.FORM_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 256 * KIB;
}

// The pages that take files (proposing, the hotline import, progress reports, on-site checks, the register's CSV import).
const UPLOAD_PATHS = [/^\/c\/[^/]+\/topics\/(?:new|import)\/?$/, /^\/c\/[^/]+\/topics\/[^/]+\/execution\/?$/, /^\/c\/[^/]+\/supervision\/?$/, /^\/c\/[^/]+\/register\/?$/];

/** A session row that has not expired: read only, as the request's own session check comes later (real clock, as sessions are: see session.server.ts). */
function signedIn(req: Request): boolean {
  const token = readSessionToken(req.headers.cookie);
  if (!token) return false;
  try {
    const row = readSession(sessionIdFromToken(token));
    return Boolean(row && row.expiresAt.getTime() > Date.now());
  } catch {
    return false;
  }
}

/**
 * Multipart bodies from a signed-in person to a page that takes files may be as large as an upload;
 * everything else is a form. Anyone can post to the sign-in page, so only the session lets a body
 * grow past the form limit.
 */
export function bodyLimitFor(req: Request): number {
  const multipart = /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
  if (multipart && UPLOAD_PATHS.some((p) => p.test(req.path)) && signedIn(req)) return uploadBodyMaxBytes();
  return formMaxBytes();
}

const bodies = new WeakMap<Request, Buffer>();

/** The body as the limit let it through (server/remix-handler.ts hands it to the app). */
export function bufferedBody(req: Request): Buffer {
  const body = bodies.get(req);
  if (!body) throw new Error("bodyLimit did not read this request's body");
  return body;
}

/**
 * After a refusal the client may still be sending. When a socket is closed with bytes unread, the
 * kernel answers with a reset, and a reset makes the client's kernel throw away whatever it has not
 * read yet — our answer included. So once the answer is out our side is shut (FIN) and the rest is
 * read and dropped, as nginx's lingering close does, until the client closes or has sent nothing for
 * LINGER_QUIET_MS. Past LINGER_BYTES dropped the socket is no longer read: TCP stalls the client's
 * writes, it reads its answer and closes. Only a client still there after LINGER_MAX_MS is cut off.
 * Neither a slow reader (a phone still uploading, a loaded machine: a one-second linger lost the
 * answer) nor a fast writer (a client on loopback pushed 88 MB in 25 ms before reading: closing at
 * 64 MiB lost it) meets a reset; nothing dropped is kept.
 */
const LINGER_QUIET_MS = 5_000;
const LINGER_MAX_MS = 30_000;
const LINGER_BYTES = 64 * 1024 * KIB;

/** Shuts our side, drops what still comes and closes once the client has (or the linger is over). */
function lingerAndClose(req: Request): void {
  const socket = req.socket;
  if (socket.destroyed) return;
  const close = () => socket.destroy();
  const longest = setTimeout(close, LINGER_MAX_MS).unref();
  const quiet = setTimeout(close, LINGER_QUIET_MS).unref();
  socket.once("close", () => {
    clearTimeout(longest);
    clearTimeout(quiet);
  });
  socket.end();
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped <= LINGER_BYTES) return void quiet.refresh();
    // Enough read for nothing: stop reading (the parser stops the socket), and wait for the close.
    clearTimeout(quiet);
    req.pause();
  });
  req.on("end", close);
  req.on("error", () => undefined);
  req.resume();
}

function refuse(req: Request, res: Response, limit: number, seen: number): void {
  logger.warn({ method: req.method, path: req.path, limit, seen }, "request body too large");
  // Nothing more is read until the answer is out. The connection is not used again (the body's end is
  // not where it would be read from); Node would close it at once after answering a client that asked
  // to close (its destroySoon), so the linger takes that over.
  req.pause();
  req.socket.destroySoon = () => undefined;
  // The answer says so: a client that pooled the connection would send its next request down a
  // socket we are closing, and meet "other side closed" (undici did, one run in many).
  res.setHeader("Connection", "close");
  res.on("finish", () => lingerAndClose(req));
  void sendErrorPage(req, res, 413, "tooLarge", { size: formatSize(limit) });
}

/**
 * Every body is read here, before any route, and at most `bodyLimitFor` bytes of it: a declared
 * Content-Length past the limit is refused before a byte is read, a chunked body (which declares
 * nothing) at the byte that passes it; a body longer than its Content-Length is cut there by Node.
 * Refused with a translated 413 page; the rest is never kept. What passes is kept whole
 * (`bufferedBody`), as the app reads forms whole anyway.
 */
export function bodyLimit(req: Request, res: Response, next: NextFunction): void {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req);
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return refuse(req, res, limit, declared);
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => {
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", onError);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    stop();
    refuse(req, res, limit, size);
  };
  const onEnd = () => {
    stop();
    bodies.set(req, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    next();
  };
  // The client went away mid-body: there is no one to answer.
  const onError = () => stop();
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("error", onError);
}
