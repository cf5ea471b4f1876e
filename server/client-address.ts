import type { IncomingMessage } from "node:http";
/** The client's address (see wt-b for the trusted-proxy version). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "";
}
