// The street dashboard's overdue screening: the list across the street's communities (community, topic
// linked, days overdue) and the count per community, for the street admin only; never another street's.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { communities, deadlines, streets, topics } from "../../db/schema";
import { DAY_MS } from "~/models/clock.server";
import { countOverdueByCommunity, listOverdueScreening } from "~/models/street.server";
import { createTopic } from "~/models/topic-create.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();

function topicId(slug: string, number: number) {
  return getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.number, number))).get()!.id;
}

/** What the scheduler does when screening runs late, as if it had been due `days` ago. */
function makeOverdue(id: number, days: number) {
  getDb().update(topics).set({ overdue: true }).where(eq(topics.id, id)).run();
  getDb()
    .update(deadlines)
    .set({ dueAt: new Date(Date.now() - days * DAY_MS - 60_000), doneAt: new Date() })
    .where(and(eq(deadlines.topicId, id), eq(deadlines.kind, "screening")))
    .run();
}

const huacheng = () => getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;

describe("overdue screening on the street dashboard", () => {
  it("is empty before anything is late", async () => {
    const html = await (await http.fetch("/s/huacheng", { cookie: await http.login("street1") })).text();
    expect(html).toContain("没有逾期未受理的议题。");
    expect(html).toMatch(/data-testid="overdue-count-mingyue"[^>]*>0</);
  });

  it("lists each overdue topic with its community, a link and the days overdue, and counts them per community", async () => {
    const lift = topicId("mingyue", 2);
    makeOverdue(lift, 3);
    const hotline = createTopic({ communityId: communityId("shiliu"), proposerId: userId("vcommittee1"), title: "12345工单:村口垃圾清运", description: "", location: "", categoryId: null, source: "hotline" });
    makeOverdue(hotline.id, 9);

    const res = await http.fetch("/s/huacheng", { cookie: await http.login("street1") });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("逾期未受理的议题");
    expect(html).toContain(`href="/c/mingyue/topics/${lift}"`);
    expect(html).toContain(`href="/c/shiliu/topics/${hotline.id}"`);
    expect(html).toContain("3号楼申请加装电梯");
    expect(html).toContain("超期 3 天");
    expect(html).toContain("超期 9 天");
    // The longest overdue first.
    expect(html.indexOf("村口垃圾清运")).toBeLessThan(html.indexOf("3号楼申请加装电梯"));
    expect(html).toMatch(/data-testid="overdue-count-mingyue"[^>]*>1</);
    expect(html).toMatch(/data-testid="overdue-count-shiliu"[^>]*>1</);

    const english = await (await http.fetch("/s/huacheng", { cookie: `${await http.login("street1")}; ${await http.english()}` })).text();
    expect(english).toContain("3 days overdue");
  });

  it("never shows another street's topics", () => {
    const db = getDb();
    const otherStreet = db.insert(streets).values({ slug: "other-street", nameZh: "别的街道", nameEn: "Other" }).returning({ id: streets.id }).get().id;
    const other = db.insert(communities).values({ streetId: otherStreet, slug: "elsewhere", nameZh: "别处社区", nameEn: "Elsewhere", kind: "urban" }).returning({ id: communities.id }).get().id;
    db.insert(topics)
      .values({ communityId: other, number: 1, title: "别处的超期议题", stage: "collection", state: "screening", overdue: true, proposerId: userId("street1"), createdAt: new Date(), stageEnteredAt: new Date() })
      .run();
    const titles = listOverdueScreening({ streetId: huacheng() }).map((r) => r.title);
    expect(titles).not.toContain("别处的超期议题");
    expect(countOverdueByCommunity({ streetId: huacheng() })).not.toHaveProperty("elsewhere");
    expect(listOverdueScreening({ streetId: otherStreet }).map((r) => r.title)).toEqual(["别处的超期议题"]);
    // No deadline row (flagged by hand): listed, with no day count.
    expect(listOverdueScreening({ streetId: otherStreet })[0].daysOverdue).toBeNull();
  });

  it("a topic that moves on leaves the list", async () => {
    const lift = topicId("mingyue", 2);
    getDb().update(topics).set({ overdue: false, state: "drafting", stage: "deliberation" }).where(eq(topics.id, lift)).run();
    expect(listOverdueScreening({ streetId: huacheng() }).map((r) => r.topicId)).not.toContain(lift);
  });

  it("is for the street admin only", async () => {
    expect((await http.fetch("/s/huacheng", { cookie: await http.login("committee1") })).status).toBe(403);
    expect((await http.fetch("/s/huacheng")).status).toBe(302);
  });
});
