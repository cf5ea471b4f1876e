// Real websocket clients for the collaborative-drafting server: y-websocket providers and raw sockets.
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createTopic } from "~/models/topic-create.server";
import { advanceTopic } from "~/models/workflow.server";
import { appendDraftUpdate, ensureDraftDocument } from "~/models/draft-store.server";
import { templateUpdate } from "~/models/draft-text";
import { paragraphUpdate } from "../../fixtures/consultation";
import { recordConsultationMeeting } from "./consultation";
import { DRAFT_FIELD, draftText } from "~/models/draft-text";
import { communityId, userId } from "./db";

/** ws://… for an http://… base URL. */
export const wsBase = (httpUrl: string) => `${httpUrl.replace(/^http/, "ws")}/yjs`;

/** A `ws` subclass that sends the session cookie and an Origin, as a browser on our site would. */
export function browserSocket(cookie: string | undefined, origin: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols ?? [], { headers: cookie ? { cookie } : {}, origin });
    }
  };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: () => string;
  close: () => void;
}

/** A y-websocket client on a topic's document, resolved once it has synced. */
export async function connectClient(httpUrl: string, topicId: number, cookie: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(httpUrl), `topic-${topicId}`, doc, {
    WebSocketPolyfill: browserSocket(cookie, httpUrl) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    resyncInterval: -1,
  });
  // What the connection went through, for the message of a failure: status changes, closes with their
  // codes, and the kinds of message received ("0.1" = sync step 2).
  const started = Date.now();
  const story: string[] = [];
  const note = (what: string) => story.push(`${Date.now() - started}ms ${what}`);
  provider.on("status", ({ status }) => note(status));
  provider.on("connection-close", (event) => note(`closed ${event?.code ?? "?"} ${event?.reason ?? ""}`.trim()));
  provider.on("connection-error", () => note("socket error"));
  const watchSocket = () => {
    const ws = provider.ws as unknown as WebSocket | null;
    ws?.addEventListener("message", (event) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      note(`message ${bytes[0]}${bytes[0] === 0 ? `.${bytes[1]}` : ""} (${bytes.length} B)`);
    });
  };
  watchSocket();
  provider.on("status", ({ status }) => status === "connecting" && watchSocket());
  // A connection refused or dropped under load is retried by the provider with backoff (up to 2.5 s a
  // try): allow a few tries before calling it a failure, as the whole suite runs two files at once.
  try {
    await waitFor(() => provider.synced, `client synced on topic ${topicId}`, 15_000);
  } catch (error) {
    provider.destroy(); // no retries left running behind a failed test
    doc.destroy();
    throw new Error(`${(error as Error).message}; what the connection went through: ${story.join(", ") || "nothing"}`);
  }
  return {
    doc,
    provider,
    text: () => draftText(Y.encodeStateAsUpdate(doc)),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph holding `text` to the draft. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DRAFT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The HTTP status the server answers an upgrade with (101 when accepted). */
export function upgradeStatus(url: string, { cookie, origin }: { cookie?: string; origin?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, ...(origin ? { origin } : {}) });
    ws.on("open", () => {
      ws.terminate();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", (error) => {
      if (ws.readyState !== ws.CLOSED) reject(error);
    });
  });
}

/** A raw socket (for sending hand-made frames), open. */
export async function rawSocket(httpUrl: string, topicId: number, cookie: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${wsBase(httpUrl)}/topic-${topicId}`, { headers: { cookie }, origin: httpUrl, ...options });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}

/** The close code of a socket, once it closes. */
export function closed(ws: WebSocket): Promise<number> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}

/**
 * A fresh mingyue topic moved by committee1 into `drafting` (or on into `consulting`: with a sentence
 * under 背景 first and a consultation meeting recorded after, as the step gates ask before 定稿).
 */
export function topicIn(state: "drafting" | "consulting", title = `协同草稿 ${Math.random().toString(36).slice(2, 8)}`): number {
  const community = communityId("mingyue");
  const actor = { userId: userId("committee1"), roles: ["committee"] as const };
  const { id } = createTopic({ communityId: community, proposerId: actor.userId, title, description: "", location: "", categoryId: null, source: "committee" });
  advanceTopic({ topicId: id, communityId: community, action: "accept", actor });
  if (state === "consulting") {
    appendDraftUpdate({ topicId: id, update: paragraphUpdate(ensureDraftDocument(id, templateUpdate), "协同测试背景。"), userId: actor.userId });
    advanceTopic({ topicId: id, communityId: community, action: "startConsultation", actor });
    recordConsultationMeeting(community, id, actor.userId);
  }
  return id;
}

/** A sync "update" frame (or, with `step = 1`, a sync step 2) carrying `update`. */
export function updateFrame(update: Uint8Array, step = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
