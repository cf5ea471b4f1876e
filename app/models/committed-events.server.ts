import { EventEmitter } from "node:events";
import type { TopicState } from "../workflow/states";
import { singleton } from "./singleton.server";

/**
 * What committed writes tell the rest of the process: the collaborative server, projector screens
 * and the witness react to them. Only `write` (./write.server.ts) publishes, after its transaction
 * committed, so a listener never hears of a write that was rolled back.
 */
export interface CommittedEvents {
  /** A topic changed state. */
  topicMoved: { topicId: number; communityId: number; from: TopicState; to: TopicState };
  /** A person's roles in a community changed (granted or revoked). */
  rolesChanged: { communityId: number; userId: number };
  /** Attendance, a vote or a motion of a meeting changed: projector screens refresh. */
  meetingChanged: { communityId: number; meetingId: number };
  /** Sessions were revoked or signed out: their open drafting sockets close. */
  sessionsEnded: { sessionIds: string[] };
  /** A community was archived or restored (issue 18, setup): its drafting sockets are re-decided. */
  communityArchived: { communityId: number };
}

export type CommittedEventName = keyof CommittedEvents;

/** One event, as a write hands it to be published after its commit. */
export type CommittedEvent = { [N in CommittedEventName]: { name: N; payload: CommittedEvents[N] } }[CommittedEventName];

const bus = singleton("committedEvents", () => new EventEmitter().setMaxListeners(0));

/** For `write`'s after-commit step only. */
export function publishCommitted(event: CommittedEvent): void {
  bus.emit(event.name, event.payload);
}

/** Subscribes; returns the function that unsubscribes. */
export function onCommitted<N extends CommittedEventName>(name: N, listener: (payload: CommittedEvents[N]) => void): () => void {
  bus.on(name, listener);
  return () => {
    bus.off(name, listener);
  };
}

/** How many listeners an event has now: a closed stream or socket must leave none behind (tests). */
export function committedListeners(name: CommittedEventName): number {
  return bus.listenerCount(name);
}
