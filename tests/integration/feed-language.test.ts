// The board's Atom feed in the reader's language, over real HTTP: ?lang=en gives the English feed
// (xml:lang, title, author, every entry's words), the language cookie does the same for a browser
// (and the answer then varies by cookie), the plain address stays Chinese; dates are said in the
// community's time zone; the board links both feeds with hreflang.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { rules } from "../../db/schema";
import { witnessHeads } from "~/models/ledger-witness.server";
import { communityId } from "./support/db";
import { useServer } from "./support/http";
import { child, parseXml, type XmlElement } from "./support/xml";

const http = useServer();
const HAN = /\p{Script=Han}/u;

async function feed(path: string, cookie?: string) {
  const res = await http.fetch(path, { cookie });
  expect(res.status).toBe(200);
  const xml = await res.text();
  const root = parseXml(xml);
  return { res, xml, root, entries: root.children.filter((c: XmlElement) => c.name === "entry") };
}

// The heads witnessed outside the database (as at start-up or every hour): entries with no words anyone wrote.
beforeAll(() => {
  witnessHeads();
});

const witnessEntries = (entries: XmlElement[]) => entries.filter((e) => child(e, "id")?.text?.includes("/witness-"));

describe("the feed's language", () => {
  it("is English at ?lang=en: xml:lang, title, author and the words of every entry", async () => {
    const { root, entries, res } = await feed("/c/mingyue/board/feed.xml?lang=en");
    expect(root.attributes["xml:lang"]).toBe("en");
    expect(child(root, "title")?.text).toBe("Mingyue Community · Public board");
    expect(child(child(root, "author")!, "name")?.text).toBe("Yishiting");
    expect(child(root, "id")?.text).toMatch(/^tag:[^,]+,2026:mingyue\/en\/board$/);
    expect(res.headers.get("vary") ?? "").not.toMatch(/cookie/i);
    // The ledger heads' entries hold no words anyone wrote: wholly English.
    const witnessed = witnessEntries(entries);
    expect(witnessed.length).toBeGreaterThan(0);
    for (const e of witnessed) {
      expect(child(e, "title")?.text).toMatch(/^Ledger head witnessed: entry \d+$/);
      expect(HAN.test(child(e, "summary")?.text ?? "")).toBe(false);
    }
    // The other entries' own words are English around what people wrote (seeded topics are Chinese).
    const titles = entries.map((e) => child(e, "title")?.text ?? "");
    expect(titles.some((t) => t.startsWith("Progress on #"))).toBe(true);
    expect(titles.some((t) => /^(Topic accepted|Topic not accepted): #\d+/.test(t))).toBe(true);
    expect(titles.filter((t) => /^(受理议题|不予受理|执行进展|台账链头见证|公示:|决议〔|实施结果)/.test(t))).toEqual([]);
  });

  it("is Chinese at the plain address, and follows the language cookie of a signed-out browser", async () => {
    const zh = await feed("/c/mingyue/board/feed.xml");
    expect(zh.root.attributes["xml:lang"]).toBe("zh-CN");
    expect(child(zh.root, "title")?.text).toBe("明月社区 · 公示栏");
    expect(child(zh.root, "id")?.text).toMatch(/^tag:[^,]+,2026:mingyue\/board$/);
    for (const e of witnessEntries(zh.entries)) expect(child(e, "title")?.text).toMatch(/^台账链头见证:第 \d+ 条$/);
    expect(zh.res.headers.get("vary")).toMatch(/cookie/i);

    const english = await http.english();
    const en = await feed("/c/mingyue/board/feed.xml", english);
    expect(en.root.attributes["xml:lang"]).toBe("en");
    expect(child(en.root, "title")?.text).toBe("Mingyue Community · Public board");
    // ?lang= wins over the cookie.
    const asked = await feed("/c/mingyue/board/feed.xml?lang=zh-CN", english);
    expect(asked.root.attributes["xml:lang"]).toBe("zh-CN");
  });

  it("says its dates in the community's time zone", async () => {
    const said = async (lang: string) => {
      const { entries } = await feed(`/c/mingyue/board/feed.xml?lang=${lang}`);
      const e = witnessEntries(entries)[0];
      return { summary: child(e, "summary")!.text!, at: new Date(child(e, "updated")!.text!) };
    };
    const format = (at: Date, lang: string, timeZone: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
    const shanghai = await said("en");
    expect(shanghai.summary).toContain(format(shanghai.at, "en", "Asia/Shanghai"));
    getDb().update(rules).set({ timeZone: "America/New_York" }).where(eq(rules.communityId, communityId("mingyue"))).run();
    try {
      const newYork = await said("en");
      expect(newYork.summary).toContain(format(newYork.at, "en", "America/New_York"));
      expect(newYork.summary).not.toContain(format(newYork.at, "en", "Asia/Shanghai"));
      const zh = await said("zh-CN");
      expect(zh.summary).toContain(format(zh.at, "zh-CN", "America/New_York"));
    } finally {
      getDb().update(rules).set({ timeZone: "Asia/Shanghai" }).where(eq(rules.communityId, communityId("mingyue"))).run();
    }
  });

  it("is linked from the board in both languages, each titled in its own", async () => {
    const html = await (await http.fetch("/c/mingyue/board", { cookie: await http.english() })).text();
    const links = [...html.matchAll(/<link rel="alternate"[^>]*>/g)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    // (React writes the attribute as hrefLang; HTML attribute names are case-insensitive.)
    expect(links.find((l) => /hreflang="zh-CN"/i.test(l))).toMatch(/title="明月社区 · 公示栏" href="\/c\/mingyue\/board\/feed.xml"/);
    expect(links.find((l) => /hreflang="en"/i.test(l))).toMatch(/title="Mingyue Community · Public board" href="\/c\/mingyue\/board\/feed.xml\?lang=en"/);
    // The visible link goes to the reader's language.
    expect(html).toContain('href="/c/mingyue/board/feed.xml?lang=en"');
  });
});
