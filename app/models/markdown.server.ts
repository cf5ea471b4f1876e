import { micromark } from "micromark";

/**
 * A frozen (canonical) text as formatted HTML for reading: headings, lists, bold, paragraphs. The
 * text itself, and the SHA-256 of it, are never changed: this is only how it is shown. micromark
 * (CommonMark) with raw HTML switched off entirely (as a construct: `<script>` stays text, escaped),
 * no images (an official text never makes the reader's browser fetch from elsewhere), no indented
 * code (a paragraph typed with leading spaces stays a paragraph), and unsafe link protocols dropped
 * (decision 026).
 */
const OPTIONS = {
  allowDangerousHtml: false,
  allowDangerousProtocol: false,
  extensions: [{ disable: { null: ["htmlFlow", "htmlText", "labelStartImage", "codeIndented"] } }],
};

const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])\s/;
const CONTINUATION = /^ {2}\S/;
const QUOTE = /^>/;

/**
 * The canonical text has one block per line (draftText); CommonMark would join consecutive lines into
 * one paragraph. Blocks are separated by a blank line, except list items (one tight list) and the
 * lines of one quotation.
 */
export function canonicalToCommonMark(text: string): string {
  const lines = text.split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const [prev, line] = [lines[i - 1], lines[i]];
    const sep = LIST_ITEM.test(line) && (LIST_ITEM.test(prev) || CONTINUATION.test(prev)) ? "\n" : QUOTE.test(line) && QUOTE.test(prev) ? "\n>\n" : "\n\n";
    out += sep + line;
  }
  return out;
}

// Frozen texts never change: a busy page (a meeting re-read by every phone) renders each one once.
const CACHE_MAX = 256;
const cache = new Map<string, string>();

export function renderMarkdown(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const html = micromark(canonicalToCommonMark(text), OPTIONS);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(text, html);
  return html;
}
