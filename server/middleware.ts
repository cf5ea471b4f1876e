import type { NextFunction, Request, Response } from "express";
import { requestHost } from "./client-address";
import { logger } from "./logger";

/** One log line per request: method, path, status, duration. */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
  });
  next();
}

/**
 * For answers that set no policy of their own (feeds, CSV exports, event streams, redirects, static
 * files, Express's own error pages): nothing may load, run or frame. Pages set theirs with a nonce
 * (app/security/csp.ts). Set as the headers go out, as the Remix adapter appends headers rather than
 * replacing them, and two policies would both apply.
 */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function fallbackPolicyOnWrite(res: Response): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!this.hasHeader("Content-Security-Policy")) this.setHeader("Content-Security-Policy", FALLBACK_CSP);
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  fallbackPolicyOnWrite(res);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request must come from our own origin. The Origin header decides; when a
 * browser sends none, Sec-Fetch-Site must say same-origin. Anything else gets 403.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  const host = requestHost(req);
  let allowed = false;
  if (origin && origin !== "null") {
    try {
      allowed = new URL(origin).host === host;
    } catch {
      allowed = false;
    }
  } else {
    allowed = req.get("sec-fetch-site") === "same-origin";
  }
  if (allowed) return next();
  logger.warn({ method: req.method, path: req.path, origin: origin ?? null }, "cross-site request refused");
  res.status(403).type("text/plain; charset=utf-8").send("403 跨站请求已拒绝 / Cross-site request refused");
}
