// The board shows each resolution's text beside its SHA-256 (issue 15): formatted for reading, and
// folded under it the canonical text, whose SHA-256 is the hash shown. Hostile text stays inert.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { motions, resolutions } from "../../db/schema";
import { hostile, mark, RAW_MARKUP } from "../fixtures/hostile";
import { useServer } from "./support/http";

const http = useServer();
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** What React escapes in text, back to the characters. */
const unescape = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/** Each resolution's list item of the board's HTML: the hash shown, the formatted body, the canonical text. */
function resolutionsOf(html: string) {
  return html
    .split('data-testid="board-resolution"')
    .slice(1)
    .map((item) => ({
      hash: /data-testid="board-sha256">([0-9a-f]{64})</.exec(item)?.[1],
      body: /data-testid="board-text-body"[^>]*>([\s\S]*?)<\/div>/.exec(item)?.[1] ?? "",
      canonical: unescape(/<pre[^>]*data-testid="board-text-body-canonical"[^>]*>([\s\S]*?)<\/pre>/.exec(item)?.[1] ?? ""),
    }));
}

describe("the board's resolution text", () => {
  it("shows, signed out, each resolution's text formatted, and the canonical text whose SHA-256 is the hash shown", async () => {
    const res = await http.fetch("/c/mingyue/board");
    expect(res.status).toBe(200);
    const items = resolutionsOf(await res.text());
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) {
      expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(item.canonical).toContain("## 背景");
      expect(sha256(item.canonical)).toBe(item.hash);
      // Formatted: headings and paragraphs, no Markdown left over.
      expect(item.body).toContain("<h2>背景</h2>");
      expect(item.body).toMatch(/<p>[^<]+<\/p>/);
      expect(item.body).not.toContain("##");
    }
    // The stored motion texts are what the board shows, byte for byte.
    const stored = getDb().select({ text: motions.text, sha256: resolutions.sha256 }).from(resolutions).innerJoin(motions, eq(motions.id, resolutions.motionId)).all();
    for (const item of items) expect(stored.find((s) => s.sha256 === item.hash)?.text).toBe(item.canonical);
  });

  it("sends the same text in the page's data, and its hash agrees", async () => {
    const res = await http.fetch(`/c/mingyue/board?_data=${encodeURIComponent("routes/c.$community.board")}`);
    const data = (await res.json()) as { resolutions: { items: Array<{ text: string; html: string; vote: { sha256: string } }> } };
    expect(data.resolutions.items.length).toBeGreaterThanOrEqual(2);
    for (const r of data.resolutions.items) {
      expect(sha256(r.text)).toBe(r.vote.sha256);
      expect(r.html).toContain("<h2>");
    }
  });

  it("keeps a hostile text inert in both the formatted body and the canonical fold", async () => {
    const [first] = getDb().select({ motionId: resolutions.motionId }).from(resolutions).all();
    const text = `## 背景\n${hostile("motions.text")}\n- **要点**`;
    getDb().update(motions).set({ text }).where(eq(motions.id, first.motionId)).run();
    const html = await (await http.fetch("/c/mingyue/board")).text();
    for (const raw of RAW_MARKUP) expect(html).not.toMatch(raw);
    const item = resolutionsOf(html).find((i) => i.canonical.includes(mark("motions.text")))!;
    expect(item.canonical).toBe(text);
    expect(item.body).toContain("&lt;script&gt;window.__x=1&lt;/script&gt;");
    expect(item.body).toContain("<li><strong>要点</strong></li>");
  });
});
