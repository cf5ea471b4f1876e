import * as Y from "yjs";
import { DRAFT_FIELD, templateUpdate } from "./draft-text";

/**
 * The stored draft (a Yjs update) as HTML for reading without JavaScript. Only known node names
 * become tags, every text is escaped and no attribute of the document is ever copied: the only
 * attribute read is a heading's level, which picks h1–h3. Unknown elements are unwrapped (their text
 * stays, escaped), so nothing a client writes into the document can become markup.
 */

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
};

// Tiptap's mark names, in a fixed nesting order.
const MARK_TAGS: ReadonlyArray<[string, string]> = [
  ["bold", "strong"],
  ["italic", "em"],
  ["strike", "s"],
  ["code", "code"],
];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderText(node: Y.XmlText): string {
  const delta = node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
  return delta
    .map(({ insert, attributes }) => {
      if (typeof insert !== "string") return "";
      let html = escapeHtml(insert);
      for (const [mark, tag] of [...MARK_TAGS].reverse()) {
        if (attributes && attributes[mark] !== undefined && attributes[mark] !== null) html = `<${tag}>${html}</${tag}>`;
      }
      return html;
    })
    .join("");
}

function headingLevel(node: Y.XmlElement): number {
  const level = Number(node.getAttribute("level"));
  return Number.isInteger(level) ? Math.min(3, Math.max(1, level)) : 2;
}

function renderNode(node: unknown): string {
  if (node instanceof Y.XmlText) return renderText(node);
  if (!(node instanceof Y.XmlElement)) return "";
  const inner = () => node.toArray().map(renderNode).join("");
  if (node.nodeName === "hardBreak") return "<br>";
  if (node.nodeName === "heading") {
    const tag = `h${headingLevel(node)}`;
    return `<${tag}>${inner()}</${tag}>`;
  }
  const tag = Object.hasOwn(BLOCK_TAGS, node.nodeName) ? BLOCK_TAGS[node.nodeName] : null;
  return tag ? `<${tag}>${inner()}</${tag}>` : inner();
}

/** The document's HTML (the template's when nothing is stored yet; the template is not stored). */
export function renderDraftHtml(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update ?? templateUpdate());
  const html = doc.getXmlFragment(DRAFT_FIELD).toArray().map(renderNode).join("");
  doc.destroy();
  return html;
}
