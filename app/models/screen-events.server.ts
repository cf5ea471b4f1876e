import { onCommitted } from "./committed-events.server";
import { getScreenState } from "./meeting-view.server";

/** A comment line this often keeps proxies and browsers from dropping a quiet stream. */
export const KEEP_ALIVE_MS = 15_000;
/** A burst of changes (a roll call, a vote storm) is sent at most this often per connection. */
export const COALESCE_MS = 200;

/**
 * The projector's live feed (Server-Sent Events): the screen state at once, then again after each
 * committed change to the meeting, at most once per COALESCE_MS and only when it differs from what
 * this connection last got. Everything is released when the request is aborted (the browser leaves,
 * or the server closes its connections).
 */
export function screenEventStream({ communityId, meetingId, signal }: { communityId: number; meetingId: number; signal: AbortSignal }): Response {
  const encoder = new TextEncoder();
  let release = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastData = "";
      // Real clock (Date.now), like the setTimeout it paces: coalescing bursts is about real time, not domain time.
      let lastSentAt = 0;
      let pending: ReturnType<typeof setTimeout> | null = null;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = () => {
        pending = null;
        lastSentAt = Date.now();
        try {
          const state = getScreenState({ communityId, meetingId });
          if (!state) return close();
          const data = JSON.stringify(state);
          if (data === lastData) return;
          lastData = data;
          write(`data: ${data}\n\n`);
        } catch (error) {
          // The browser reconnects on its own; a broken read must not take the process down.
          console.error(error);
          close();
        }
      };
      const unsubscribe = onCommitted("meetingChanged", (event) => {
        if (event.meetingId !== meetingId || event.communityId !== communityId || pending || closed) return;
        pending = setTimeout(send, Math.max(0, lastSentAt + COALESCE_MS - Date.now()));
      });
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      function close() {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(keepAlive);
        if (pending) clearTimeout(pending);
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already cancelled by its reader: nothing left to close.
        }
      }
      release = close;
      signal.addEventListener("abort", close);
      if (signal.aborted) return close();
      write("retry: 3000\n\n");
      send();
    },
    cancel() {
      release();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression middleware (and any proxy) must pass each event through at once.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
