import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DRAFT_FIELD, draftText, templateUpdate } from "~/models/draft-text";

describe("draft text", () => {
  it("renders the proposal template as its five section headings", () => {
    expect(draftText(templateUpdate())).toBe("## 背景\n\n## 方案\n\n## 预算\n\n## 责任主体\n\n## 时间安排");
  });

  it("is the same text for the same document, whatever the order updates arrived in", () => {
    const a = new Y.Doc();
    Y.applyUpdate(a, templateUpdate());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const paragraphA = a.getXmlFragment(DRAFT_FIELD).get(1) as Y.XmlElement;
    paragraphA.insert(0, [new Y.XmlText("居民反映水箱漏水。")]);
    const paragraphB = b.getXmlFragment(DRAFT_FIELD).get(3) as Y.XmlElement;
    paragraphB.insert(0, [new Y.XmlText("更换水箱。")]);
    const ua = Y.encodeStateAsUpdate(a);
    const ub = Y.encodeStateAsUpdate(b);
    const one = draftText(Y.mergeUpdates([ua, ub]));
    expect(one).toBe(draftText(Y.mergeUpdates([ub, ua])));
    expect(one).toContain("## 背景\n居民反映水箱漏水。\n## 方案\n更换水箱。");
  });

  it("writes bold as Markdown's ** (the spaces at a bold run's ends stay outside the markers)", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, templateUpdate());
    const paragraph = doc.getXmlFragment(DRAFT_FIELD).get(3) as Y.XmlElement;
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, "每日清洗两次,");
    text.insert(text.length, "加装 ", { bold: true });
    text.insert(text.length, "除臭设备。", { bold: null });
    expect(draftText(Y.encodeStateAsUpdate(doc))).toContain("## 方案\n每日清洗两次,**加装** 除臭设备。\n## 预算");
  });
});
