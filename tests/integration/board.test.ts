// The public board 公示栏 over real HTTP, as a signed-out visitor: what the committee accepted (with the
// current stage) and rejected (with the public reason), newest first, names masked, nothing personal.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { topics } from "../../db/schema";
import { createTopic } from "~/models/topic-create.server";
import { advanceTopic } from "~/models/workflow.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const DATA = "_data=" + encodeURIComponent("routes/c.$community.board");

interface BoardData {
  decisions: {
    items: Array<{ number: number; title: string; kind: string; stage: string; status: string; reason: string; decidedAt: string; proposer: string }>;
    total: number;
    page: number;
    pages: number;
  };
}

async function board(slug = "mingyue", query = "", cookie?: string): Promise<BoardData> {
  const res = await http.fetch(`/c/${slug}/board?${query}${query ? "&" : ""}${DATA}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as BoardData;
}

function topicId(slug: string, number: number) {
  return getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.number, number))).get()!.id;
}

const committee = (username: string) => ({ userId: userId(username), roles: ["committee" as const] });

// The screening decisions are the board's last section. Representatives' names appear in full above it,
// in the named votes of resolutions (docs/decisions/007): the masking of proposers and co-signers is
// checked where they are listed.
function decisionsSection(html: string) {
  const start = html.indexOf('data-testid="board-decisions"');
  return html.slice(start, html.indexOf("</section>", start));
}

describe("the public board, signed out", () => {
  it("opens without signing in, with the sign-in link in the header", async () => {
    const res = await http.fetch("/c/mingyue/board");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("明月社区 · 公示栏");
    expect(html).toMatch(/<a[^>]+href="\/login"[^>]*>登录<\/a>/);
    // The nav shows visitors only the public board.
    expect(html).toContain('href="/c/mingyue/board"');
    expect(html).not.toContain('href="/c/mingyue/ledger"');
  });

  it("lists the accepted seeded topics with their stage, newest decision first, names masked", async () => {
    const { decisions } = await board();
    // Newest decision first: the dates of the committee's acceptance in the seeded history.
    expect(decisions.items.map((i) => i.number)).toEqual([3, 5, 4, 7, 6, 8]);
    expect(decisions.items.every((i) => i.kind === "accepted")).toBe(true);
    expect(decisions.items.find((i) => i.number === 4)).toMatchObject({ title: "非机动车充电棚建设", stage: "consultation", proposer: "张**" });
    expect(decisions.items.find((i) => i.number === 6)).toMatchObject({ proposer: "李**", stage: "execution" });
    expect(decisions.items.find((i) => i.number === 3)?.proposer).toBe("陈*");
    expect(decisions.items.find((i) => i.number === 5)?.proposer).toBe("代***");
    expect(decisions.items.find((i) => i.number === 8)).toMatchObject({ status: "closed", proposer: "议*****" });
    // Still collecting co-signs or being screened: not decided, not on the board.
    expect(decisions.items.map((i) => i.number)).not.toContain(1);
    expect(decisions.items.map((i) => i.number)).not.toContain(2);

    const html = decisionsSection(await (await http.fetch("/c/mingyue/board")).text());
    expect(html).toContain("张**");
    for (const name of ["张晓梅", "李建国", "陈芳", "代表03", "议事会 刘伟"]) expect(html).not.toContain(name);
    expect(html).toContain("当前环节:协商");
  });

  it("sends nothing personal: no user ids, usernames or full names, in the page or its data", async () => {
    const raw = await (await http.fetch(`/c/mingyue/board?${DATA}`)).text();
    for (const word of ["proposerId", "userId", "resident1", "张晓梅", "showProposerName", "\"id\""]) expect(raw).not.toContain(word);
  });

  it("an unknown community is 404; a bad page number is ignored", async () => {
    expect((await http.fetch("/c/no-such-place/board")).status).toBe(404);
    expect((await http.fetch("/c/NOPE!/board")).status).toBe(404);
    for (const page of ["-3", "abc", "99999999999999999999", "2.5"]) {
      expect((await http.fetch(`/c/mingyue/board?page=${page}`)).status, page).toBe(200);
    }
  });

  it("is the same for members and outsiders, and shows each community only its own topics", async () => {
    const outsider = await board("mingyue", "", await http.login("villager1"));
    expect(outsider.decisions.items.map((i) => i.number)).toEqual([3, 5, 4, 7, 6, 8]);
    const shiliu = await board("shiliu");
    expect(shiliu.decisions.items.map((i) => i.title)).not.toContain("非机动车充电棚建设");
    expect(shiliu.decisions.items.map((i) => i.title)).toContain("村集体鱼塘承包方案");
  });
});

describe("decisions as they are made", () => {
  it("a topic accepted now comes first, with today's date and without its co-signers' names", async () => {
    advanceTopic({ topicId: topicId("mingyue", 2), communityId: communityId("mingyue"), action: "accept", actor: committee("committee1") });
    const { decisions } = await board();
    expect(decisions.items[0]).toMatchObject({ number: 2, kind: "accepted", stage: "deliberation", proposer: "李**" });
    expect(Date.now() - new Date(decisions.items[0].decidedAt).getTime()).toBeLessThan(60_000);
    const html = decisionsSection(await (await http.fetch("/c/mingyue/board")).text());
    for (const cosigner of ["代表01", "代表09", "陈芳"]) expect(html).not.toContain(cosigner);
  });

  it("a rejected topic shows its public reason; one without a reason is never shown", async () => {
    advanceTopic({ topicId: topicId("mingyue", 1), communityId: communityId("mingyue"), action: "reject", actor: committee("committee1"), reason: "东门照明已列入物业年度维修计划" });
    const { decisions } = await board();
    expect(decisions.items[0]).toMatchObject({ number: 1, kind: "rejected", reason: "东门照明已列入物业年度维修计划", proposer: "张**" });
    const html = await (await http.fetch("/c/mingyue/board")).text();
    expect(html).toContain("不予受理的理由");
    expect(html).toContain("东门照明已列入物业年度维修计划");

    // A rejection without a reason (only possible by editing the database) is left off.
    const shiliuLamp = topicId("shiliu", 1);
    getDb().update(topics).set({ state: "rejected", status: "rejected", publicReason: "  " }).where(eq(topics.id, shiliuLamp)).run();
    expect((await board("shiliu")).decisions.items.map((i) => i.number)).not.toContain(1);
  });

  it("shows the full name when the proposer chose to show it", async () => {
    getDb().update(topics).set({ showProposerName: true }).where(eq(topics.id, topicId("mingyue", 4))).run();
    const { decisions } = await board();
    expect(decisions.items.find((i) => i.number === 4)?.proposer).toBe("张晓梅");
    // Their other topic stays masked.
    expect(decisions.items.find((i) => i.number === 1)?.proposer).toBe("张**");
  });

  it("pages 20 at a time, newest first", async () => {
    for (let i = 1; i <= 25; i++) {
      const { id } = createTopic({ communityId: communityId("mingyue"), proposerId: userId("committee2"), title: `公示分页 ${i}`, description: "", location: "", categoryId: null, source: "committee" });
      advanceTopic({ topicId: id, communityId: communityId("mingyue"), action: "accept", actor: committee("committee1") });
    }
    const first = (await board()).decisions;
    expect(first.total).toBe(6 + 2 + 25);
    expect(first).toMatchObject({ page: 1, pages: 2 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0].title).toBe("公示分页 25");
    const second = (await board("mingyue", "page=2")).decisions;
    expect(second.items).toHaveLength(13);
    expect(second.items.at(-1)?.number).toBe(8);
    expect((await board("mingyue", "page=7")).decisions.page).toBe(2);
    const html = await (await http.fetch("/c/mingyue/board")).text();
    expect(html).toContain('href="/c/mingyue/board?page=2"');
  });
});
