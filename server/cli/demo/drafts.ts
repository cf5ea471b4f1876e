import * as Y from "yjs";
import { DRAFT_FIELD, draftText, TEMPLATE_SECTIONS } from "../../../app/models/draft-text";
import type { DemoPlan } from "./data";

/**
 * A seeded topic's proposal draft: the template's sections (背景 / 方案 / 预算 / 责任主体 / 时间安排),
 * each a heading followed by its paragraph, as a Yjs document — and its canonical text, produced by the
 * same function that freezes real drafts, so the seeded hash is what freezing this draft would give.
 */
export function demoDraft(background: string, plan: DemoPlan): { state: Uint8Array; text: string } {
  const doc = new Y.Doc();
  const blocks: Y.XmlElement[] = [];
  for (const section of TEMPLATE_SECTIONS) {
    const body = section === "背景" ? background : plan[section];
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(section)]);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(body)]);
    blocks.push(heading, paragraph);
  }
  doc.getXmlFragment(DRAFT_FIELD).insert(0, blocks);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, text: draftText(state) };
}
