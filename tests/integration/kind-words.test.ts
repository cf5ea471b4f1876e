// Words follow the community's kind and the law, over real HTTP: 石榴村 (a village) says 村民, 村民代表会议,
// 村委会 and 村务监督委员会 and never 居民 or 居委会; 明月社区 (urban) the reverse; in English, villagers and
// residents. Screening says 受理 / 不予受理, never 筛选 / 未采纳 / 不予采纳.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { notifications, topics } from "../../db/schema";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);

/** What a reader sees: the page without its scripts and tags. */
const visible = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

async function page(path: string, username?: string, english = false): Promise<{ html: string; text: string }> {
  const cookies = [username ? await as(username) : null, english ? await http.english() : null].filter(Boolean).join("; ");
  const res = await http.fetch(path, { cookie: cookies || undefined });
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { html, text: visible(html) };
}

const topicId = (slug: string, title: string) =>
  getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.title, title))).get()!.id;

const SHILIU = (): Array<[string, string | undefined]> => [
  ["/c/shiliu", "villager1"],
  ["/c/shiliu", "vcommittee1"],
  ["/c/shiliu/board", undefined],
  ["/c/shiliu/meetings", "villager1"],
  ["/c/shiliu/topics/new", "villager1"],
  [`/c/shiliu/topics/${topicId("shiliu", "文化广场扩建")}`, "villager1"],
  [`/c/shiliu/topics/${topicId("shiliu", "饮水管网改造")}`, "villager1"],
  ["/c/shiliu/supervision", "vcommittee1"],
];
const MINGYUE = (): Array<[string, string | undefined]> => [
  ["/c/mingyue", "resident1"],
  ["/c/mingyue", "committee1"],
  ["/c/mingyue/board", undefined],
  ["/c/mingyue/meetings", "resident1"],
  ["/c/mingyue/topics/new", "resident1"],
  [`/c/mingyue/topics/${topicId("mingyue", "3号楼申请加装电梯")}`, "resident1"],
  ["/c/mingyue/supervision", "committee1"],
];

describe("words by the community's kind", () => {
  it("石榴村's pages speak of 村民, the 村民代表会议 and the 村委会, never 居民 or 居委会", async () => {
    const seen = new Set<string>();
    for (const [path, username] of SHILIU()) {
      const { html, text } = await page(path, username);
      expect(html).toContain('data-kind="village"');
      for (const urban of ["居民", "居委会", "居务"]) expect(text, `${path} as ${username ?? "a visitor"}`).not.toContain(urban);
      for (const word of ["村民", "村民代表会议", "村委会", "村务监督委员会"]) if (text.includes(word)) seen.add(word);
    }
    expect([...seen].sort()).toEqual(["村务监督委员会", "村委会", "村民", "村民代表会议"].sort());
  });

  it("明月社区's pages speak of 居民, the 居民代表会议 and the 居委会, never 村民 or 村委会", async () => {
    const seen = new Set<string>();
    for (const [path, username] of MINGYUE()) {
      const { html, text } = await page(path, username);
      expect(html).toContain('data-kind="urban"');
      for (const village of ["村民", "村委会", "村务"]) expect(text, `${path} as ${username ?? "a visitor"}`).not.toContain(village);
      for (const word of ["居民", "居民代表会议", "居委会", "居务监督委员会"]) if (text.includes(word)) seen.add(word);
    }
    expect([...seen].sort()).toEqual(["居务监督委员会", "居委会", "居民", "居民代表会议"].sort());
  });

  it("names the roles by the kind: 村民 / 居民 as the reader's own role", async () => {
    expect((await page("/c/shiliu", "villager1")).text).toContain("我的身份 : 村民");
    expect((await page("/c/mingyue", "resident1")).text).toContain("我的身份 : 居民");
    // The home page names each community's roles in its own kind's words.
    const home = (await page("/", "villager1")).text;
    expect(home).toMatch(/石榴村 村民/);
    expect(home).not.toMatch(/石榴村 居民/);
  });

  it("speaks of villagers and residents in English too, one after the other on the same server", async () => {
    const village = (await page("/c/shiliu/board", undefined, true)).text;
    const urban = (await page("/c/mingyue/board", undefined, true)).text;
    expect(village).toContain("villagers' representatives' meeting");
    expect(village).toContain("villagers' committee");
    expect(village).not.toContain("residents' representatives' meeting");
    expect(urban).toContain("residents' representatives' meeting");
    expect(urban).not.toContain("villagers'");
    // …and back: the words are the page's community's, not the last one rendered.
    expect((await page("/c/shiliu/board", undefined, true)).text).not.toContain("residents' committee");
  });

  it("words a notification by its own community's kind, on the notifications page outside any community", async () => {
    const payload = JSON.stringify({ number: 3, title: "秋季例会", place: "村委会会议室", scheduledAt: new Date().toISOString(), meetingId: 1 });
    getDb().insert(notifications).values({ userId: userId("villager1"), communityId: communityId("shiliu"), kind: "meeting.scheduled", payload }).run();
    const text = (await page("/notifications", "villager1")).text;
    expect(text).toContain("第3次村民代表会议「秋季例会」");
    expect(text).not.toContain("居民代表会议");
  });
});

describe("screening words", () => {
  it("says 受理 / 不予受理 on a topic awaiting screening, the hall and the board; never 筛选, 未采纳 or 不予采纳", async () => {
    const screening = topicId("mingyue", "3号楼申请加装电梯");
    const topic = (await page(`/c/mingyue/topics/${screening}`, "committee1")).text;
    expect(topic).toContain("待居委会受理");
    expect(topic).toContain("不予受理");
    const hall = (await page("/c/mingyue", "committee1")).text;
    const board = (await page("/c/mingyue/board")).text;
    expect(board).toContain("居委会受理或不予受理的议题");
    for (const text of [topic, hall, board]) for (const old of ["筛选超期", "待筛选", "进入筛选", "未采纳", "不予采纳"]) expect(text).not.toContain(old);
  });
});
