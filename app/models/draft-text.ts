import * as Y from "yjs";

/** The XML fragment Tiptap's Collaboration extension edits (its default `field`). */
export const DRAFT_FIELD = "default";

/** Sections of the proposal template: 背景 / 方案 / 预算 / 责任主体 / 时间安排. */
export const TEMPLATE_SECTIONS = ["背景", "方案", "预算", "责任主体", "时间安排"] as const;

/** Bold (the toolbar's 加粗) as Markdown's "**", with any space at its ends kept outside the markers. */
function markedRun(text: string, attributes: Record<string, unknown> | undefined): string {
  if (!attributes?.bold || text.trim() === "") return text;
  const [, lead, inner, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text) as RegExpExecArray;
  return `${lead}**${inner}**${trail}`;
}

function inlineText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>).map((op) => (typeof op.insert === "string" ? markedRun(op.insert, op.attributes) : "")).join("");
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inlineText(child) : ""))
    .join("");
}

function blockLines(node: Y.XmlElement | Y.XmlText, prefix = ""): string[] {
  if (node instanceof Y.XmlText) return [prefix + inlineText(node)];
  switch (node.nodeName) {
    case "heading":
      return [`${"#".repeat(Number(node.getAttribute("level")) || 1)} ${inlineText(node)}`];
    case "bulletList":
    case "orderedList":
      return node.toArray().flatMap((item, i) => (item instanceof Y.XmlElement ? blockLines(item, node.nodeName === "orderedList" ? `${i + 1}. ` : "- ") : []));
    case "listItem":
      return node.toArray().flatMap((child, i) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? blockLines(child, i === 0 ? prefix : "  ") : []));
    case "blockquote":
      return node.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? blockLines(child, "> ") : []));
    default:
      return [prefix + inlineText(node)];
  }
}

/**
 * The canonical plain text of a draft (from a Yjs update): one line per block, headings as "#",
 * list items as "- " / "1. ", bold as "**", trailing white space trimmed, lines joined with "\n". This is the text
 * that is frozen, hashed and published.
 */
export function draftText(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const fragment = doc.getXmlFragment(DRAFT_FIELD);
  const lines = fragment
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? blockLines(node) : []))
    .map((line) => line.replace(/\s+$/u, ""));
  doc.destroy();
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** A new document holding the proposal template: a heading per section, each followed by an empty paragraph. */
export function templateUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DRAFT_FIELD);
  const blocks: Y.XmlElement[] = [];
  for (const section of TEMPLATE_SECTIONS) {
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(section)]);
    const paragraph = new Y.XmlElement("paragraph");
    blocks.push(heading, paragraph);
  }
  fragment.insert(0, blocks);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
