// Editors typing into a shared draft the way a person does: each adds a paragraph of their own, marked
// "E07:", and types one letter per tick into it. What each typed is known exactly, so a document (the
// store, another client) can be checked for it.
import * as Y from "yjs";
import { DRAFT_FIELD } from "~/models/draft-text";

export interface Typist {
  marker: string;
  /** Everything this editor has typed so far, marker included. */
  typed: () => string;
  stop: () => void;
}

export function startTyping(doc: Y.Doc, n: number, everyMs: number): Typist {
  const marker = `E${String(n).padStart(2, "0")}:`;
  const text = new Y.XmlText(marker);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  const fragment = doc.getXmlFragment(DRAFT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
  let typed = marker;
  const timer = setInterval(() => {
    const letter = String.fromCharCode(97 + ((typed.length - marker.length) % 26));
    text.insert(text.length, letter);
    typed += letter;
  }, everyMs);
  return { marker, typed: () => typed, stop: () => clearInterval(timer) };
}

/** Each editor's paragraph text in a document, by marker. */
export function paragraphsByMarker(doc: Y.Doc): Map<string, string> {
  const found = new Map<string, string>();
  for (const node of doc.getXmlFragment(DRAFT_FIELD).toArray()) {
    const first = node instanceof Y.XmlElement ? node.get(0) : null;
    const text = first instanceof Y.XmlText ? first.toString() : "";
    const marker = /^E\d\d:/.exec(text)?.[0];
    if (marker) found.set(marker, text);
  }
  return found;
}

/** A document built from one stored or encoded update. */
export function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
