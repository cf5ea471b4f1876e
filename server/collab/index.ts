import { envInt } from "../env";
import { draftHooks, type DraftContext } from "./policy";
import { createCollabServer, type CollabServer } from "./server";

export { YJS_PREFIX } from "./policy";

export interface DraftCollab extends CollabServer<DraftContext> {
  /** Sockets held open now, as the per-session and per-address caps count them. */
  openSockets: () => number;
}

/** The collaborative-drafting websocket endpoint (/yjs/topic-<id>): the generic loop with this app's hooks. */
export function createDraftCollab(): DraftCollab {
  const { hooks, openSockets } = draftHooks();
  const server = createCollabServer(hooks, { maxPayload: envInt("YJS_MAX_FRAME_BYTES", 1024 * 1024), pingMs: envInt("YJS_PING_MS", 30_000) });
  return { ...server, openSockets };
}
