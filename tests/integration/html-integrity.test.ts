// Every page's HTML must be valid text: no NUL bytes or U+FFFD where Chinese characters meet the
// renderer's buffer boundaries (see docs/decisions/005-render-to-string.md).
import { describe, expect, it } from "vitest";
import { useServer } from "./support/http";

const http = useServer();

describe("HTML integrity", () => {
  it("has no NUL bytes or replacement characters on the main pages, in both languages", async () => {
    const cookie = await http.login("committee1");
    const english = await http.english();
    const pages = ["/", "/c/mingyue", "/c/mingyue/rules", "/c/mingyue/ledger", "/c/mingyue/topics/new", "/c/mingyue/topics/import", "/notifications"];
    // The street admin's pages of issue 19 (part reports): the evaluation's charts and the hotline page.
    const street = await http.login("street1");
    const streetPages = ["/s/huacheng/evaluation?month=all", "/s/huacheng/hotline"];
    const visits = [cookie, `${cookie}; ${english}`].flatMap((lang) => pages.map((path) => [lang, path] as const));
    visits.push(...[street, `${street}; ${english}`].flatMap((lang) => streetPages.map((path) => [lang, path] as const)));
    for (const [lang, path] of visits) {
      const res = await http.fetch(path, { cookie: lang });
      expect(res.status, path).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.includes(0), `${path} has a NUL byte`).toBe(false);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text.includes("\uFFFD"), `${path} has a replacement character`).toBe(false);
    }
  });
});
