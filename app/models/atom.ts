/** A minimal Atom 1.0 (RFC 4287) writer: text is escaped, control characters XML forbids are dropped. */

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  /** The feed's language (xml:lang): its title, author and entries are said in it. */
  lang: string;
  title: string;
  author: string;
  selfLink: string;
  alternateLink: string;
  updated: Date;
  entries: AtomEntry[];
}

export function atomFeed({ id, lang, title, author, selfLink, alternateLink, updated, entries }: AtomFeed): string {
  const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const items = entries.map((e) =>
    [
      "  <entry>",
      `    ${element("id", e.id)}`,
      `    ${element("title", e.title)}`,
      `    ${element("updated", e.updated.toISOString())}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(lang)}">`,
    `  ${element("id", id)}`,
    `  ${element("title", title)}`,
    `  ${element("updated", updated.toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfLink)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(alternateLink)}"/>`,
    `  <author>${element("name", author)}</author>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
