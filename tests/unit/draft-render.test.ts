import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { renderDraftHtml } from "~/models/draft-render.server";
import { DRAFT_FIELD, TEMPLATE_SECTIONS } from "~/models/draft-text";

function el(name: string, children: Array<Y.XmlElement | Y.XmlText> = [], attrs: Record<string, unknown> = {}) {
  const node = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v as string);
  node.insert(0, children);
  return node;
}
function text(value: string, marks?: Record<string, unknown>) {
  const t = new Y.XmlText();
  t.insert(0, value, marks as Record<string, unknown> | undefined);
  return t;
}
function doc(blocks: () => Y.XmlElement[]): Uint8Array {
  const d = new Y.Doc();
  d.getXmlFragment(DRAFT_FIELD).insert(0, blocks());
  return Y.encodeStateAsUpdate(d);
}

describe("renderDraftHtml", () => {
  it("renders the template when nothing is stored", () => {
    const html = renderDraftHtml(null);
    for (const section of TEMPLATE_SECTIONS) expect(html).toContain(`<h2>${section}</h2>`);
    expect(html).toContain("<p></p>");
  });

  it("renders every allowed node and mark", () => {
    const html = renderDraftHtml(
      doc(() => [
        el("heading", [text("一")], { level: 1 }),
        el("heading", [text("三")], { level: 3 }),
        el("heading", [text("六")], { level: 6 }),
        el("paragraph", [text("粗", { bold: {} }), text("斜", { italic: {} }), text("删", { strike: {} }), text("码", { code: {} }), el("hardBreak"), text("行")]),
        el("bulletList", [el("listItem", [el("paragraph", [text("甲")])])]),
        el("orderedList", [el("listItem", [el("paragraph", [text("乙")])])]),
        el("blockquote", [el("paragraph", [text("引")])]),
      ]),
    );
    expect(html).toBe(
      "<h1>一</h1><h3>三</h3><h3>六</h3>" +
        "<p><strong>粗</strong><em>斜</em><s>删</s><code>码</code><br>行</p>" +
        "<ul><li><p>甲</p></li></ul><ol><li><p>乙</p></li></ol><blockquote><p>引</p></blockquote>",
    );
  });

  it("escapes every text", () => {
    const html = renderDraftHtml(doc(() => [el("paragraph", [text(`<script>alert("x")</script> & 'q'`)])]));
    expect(html).not.toContain("<script");
    expect(html).toBe("<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;q&#39;</p>");
  });

  it("drops unknown node names but keeps their text, escaped", () => {
    const html = renderDraftHtml(doc(() => [el("script", [text("alert(1)")]), el("iframe", [el("paragraph", [text("<b>")])]), el("image", [], { src: "x" })]));
    expect(html).toBe("alert(1)<p>&#60;b&#62;</p>");
  });

  it("never copies attributes, nor unknown marks", () => {
    const html = renderDraftHtml(
      doc(() => [
        el("paragraph", [text("链接", { link: { href: "javascript:alert(1)" }, bold: {} })], { onclick: "alert(1)", style: "color:red", class: "x" }),
        el("heading", [text("标题")], { level: "2 onmouseover=alert(1)", id: "h" }),
      ]),
    );
    expect(html).toBe("<p><strong>链接</strong></p><h2>标题</h2>");
    expect(html).not.toMatch(/href|onclick|style|class|onmouseover|id=/);
  });
});
