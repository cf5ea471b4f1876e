import { EventEmitter } from "node:events";
import type { TopicState } from "../workflow/states";

/**
 * A process-wide event bus for things the collaborative server must react to. The Remix build and
 * the server loaded by tsx are separate module instances, so the emitter lives on `globalThis`
 * under a registry symbol: every copy of this module finds the same one.
 */
export interface DraftEvents {
  /** A topic changed state (emitted after the move's transaction committed). */
  topicMoved: { topicId: number; communityId: number; from: TopicState; to: TopicState };
  /** A person's roles in a community changed (granted or revoked). */
  rolesChanged: { communityId: number; userId: number };
  /** Attendance, a vote or a motion of a meeting changed (after the commit): projector screens refresh. */
  meetingChanged: { communityId: number; meetingId: number };
  /** Sessions were revoked or signed out (after the delete): their open drafting sockets close. */
  sessionsEnded: { sessionIds: string[] };
}

type Name = keyof DraftEvents;
const KEY = Symbol.for("yishiting.draftEvents");
const holder = globalThis as typeof globalThis & { [KEY]?: EventEmitter };

function bus(): EventEmitter {
  if (!holder[KEY]) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    holder[KEY] = emitter;
  }
  return holder[KEY];
}

export function emitDraftEvent<N extends Name>(name: N, payload: DraftEvents[N]): void {
  bus().emit(name, payload);
}

/** Subscribes; returns the function that unsubscribes. */
export function onDraftEvent<N extends Name>(name: N, listener: (payload: DraftEvents[N]) => void): () => void {
  bus().on(name, listener);
  return () => {
    bus().off(name, listener);
  };
}

/** How many listeners an event has now: a closed stream or socket must leave none behind (tests). */
export function draftEventListeners(name: Name): number {
  return bus().listenerCount(name);
}
