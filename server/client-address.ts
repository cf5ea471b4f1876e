import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Who is on the other end of a request, decided in one place for Express, websocket upgrades and
 * event streams alike. `TRUST_PROXY` says which hops in front of us are ours:
 * - unset or `0`: none. The socket's address is the client; X-Forwarded-* is the client's own text.
 * - a number n: the n nearest hops are our proxies. Each proxy appends the address it was connected
 *   from, so the client is the n-th entry from the right of X-Forwarded-For; whatever the client
 *   wrote further left is never read.
 * - a comma-separated list of addresses or CIDRs (or proxy-addr's names `loopback`, `linklocal`,
 *   `uniquelocal`): hops from those addresses are trusted, counting from the right, and the first
 *   one that is not is the client.
 * There is no "trust everything": the leftmost X-Forwarded-For is whatever the client sent.
 */
export type Trust = (addr: string, hop: number) => boolean;

let compiled: { raw: string; trust: Trust } | undefined;

function compileTrust(raw: string): Trust {
  if (raw === "") return () => false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_addr, hop) => hop < hops;
  }
  const list = raw.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (error) {
    // A typo here would silently trust nobody (or, worse, be read as a count): refuse to start.
    throw new Error(`TRUST_PROXY must be a number of proxy hops or a comma-separated list of addresses/CIDRs; got "${raw}" (${(error as Error).message})`);
  }
}

/** The trust function for the current TRUST_PROXY, compiled once; Express gets the same one as "trust proxy". */
export function trustProxySetting(): Trust {
  const raw = (process.env.TRUST_PROXY ?? "").trim();
  if (compiled?.raw !== raw) compiled = { raw, trust: compileTrust(raw) };
  return compiled.trust;
}

/** The client's address: the first hop, from the socket inwards, that is not one of our proxies. */
export function clientAddress(req: IncomingMessage): string {
  return proxyaddr(req, trustProxySetting());
}

/**
 * The host the client asked for: X-Forwarded-Host only when our own proxy sent the request (the
 * socket's peer is trusted), as Express decides req.hostname; otherwise the Host header.
 */
export function requestHost(req: IncomingMessage): string | undefined {
  const forwarded = req.headers["x-forwarded-host"];
  const peer = req.socket.remoteAddress ?? "";
  if (typeof forwarded === "string" && forwarded && trustProxySetting()(peer, 0)) return forwarded.split(",")[0].trim();
  return req.headers.host;
}
