// A small XML well-formedness check for the feed tests (no XML parser among the dependencies): tags
// nest and close, attribute values are quoted, and text holds no raw "<" or a bare "&".

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const TOKEN = /<\?[^?]*\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text.slice(0, 60))}`);
  return text.replace(ENTITY, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] ?? String.fromCodePoint(Number(e.startsWith("#x") ? `0x${e.slice(2)}` : e.slice(1))));
}

/** Parses a document into its root element, throwing on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray) throw new Error(`raw < at ${m.index}`);
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (stack.length === 1 && text.trim()) throw new Error("text outside the root");
      top.text += decode(text);
    } else if (whole.startsWith("<?")) continue;
    else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[a[1]] = decode(a[2] ?? a[3]);
      const element: XmlElement = { name, attributes, children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error("not exactly one root element");
  return root.children[0];
}

export const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
