// 协商 cannot be skipped, over real HTTP: consultation needs a draft, 定稿 needs a consultation outcome
// on record (a closed solicitation with its summary, or a consultation meeting with minutes). The pages
// ask the same step gate the move asks: they list what is missing beside a disabled button, and a
// refused post (409 `blocked`) lists the same and writes nothing. Irreversible acts (受理, 不予受理,
// 定稿) are refused without their ticked box.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { draftFreezes, topics } from "../../db/schema";
import { localDate } from "~/forms/consultation";
import { DAY_MS, now } from "~/models/clock.server";
import { appendDraftUpdate, ensureDraftDocument } from "~/models/draft-store.server";
import { templateUpdate } from "~/models/draft-text";
import { verifyLedger } from "~/models/ledger.server";
import { createTopic } from "~/models/topic-create.server";
import { advanceTopic } from "~/models/workflow.server";
import { paragraphUpdate } from "../fixtures/consultation";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const mingyue = () => communityId("mingyue");
const topicPage = (id: number) => `/c/mingyue/topics/${id}`;
const consultationPage = (id: number) => `${topicPage(id)}/consultation`;
const post = async (who: string, path: string, form: Record<string, string>, english = false) =>
  http.fetch(path, { cookie: english ? `${await as(who)}; ${await http.english()}` : await as(who), form });
const html = async (who: string, path: string) => (await http.fetch(path, { cookie: await as(who) })).text();
const freeze = (id: number, extra: Record<string, string> = { confirm: "on" }) => post("committee1", consultationPage(id), { intent: "freeze", ...extra });
const stateOf = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const frozen = (id: number) => getDb().select().from(draftFreezes).where(eq(draftFreezes.topicId, id)).get();
function ledgerCount() {
  const verdict = verifyLedger({ communityId: mingyue() });
  expect(verdict.ok).toBe(true);
  return verdict.count;
}

const NO_DRAFT = "草案除模板标题外还没有内容,请先写出方案。";
const NO_CONSULTATION = "还没有协商结果:请先完成一次征求意见并发布小结,或召开议事协商会并记录纪要。";

/** A committee-filed topic, accepted: in drafting, its draft the bare template unless `text` is given. */
function draftingTopic(text?: string) {
  const actor = { userId: userId("committee1"), roles: ["committee"] as const };
  const { id } = createTopic({ communityId: mingyue(), proposerId: actor.userId, title: `步骤测试 ${Math.random().toString(36).slice(2, 7)}`, description: "", location: "", categoryId: null, source: "committee" });
  advanceTopic({ topicId: id, communityId: mingyue(), action: "accept", actor });
  if (text) appendDraftUpdate({ topicId: id, update: paragraphUpdate(ensureDraftDocument(id, templateUpdate), text), userId: actor.userId });
  return id;
}

describe("moving to consultation needs a draft", () => {
  it("the topic page lists the empty draft beside a disabled button; the post is refused with the same list (409), nothing written", async () => {
    const id = draftingTopic();
    const page = await html("committee1", topicPage(id));
    const form = /data-testid="move-startConsultation"[\s\S]*?<\/form>/.exec(page)![0];
    expect(form).toContain('data-blocker="emptyDraft"');
    expect(form).toContain(NO_DRAFT);
    expect(form).toContain(`href="/c/mingyue/topics/${id}/draft"`);
    expect(form).toMatch(/<button[^>]*disabled/);

    const before = ledgerCount();
    const res = await post("committee1", topicPage(id), { intent: "move", action: "startConsultation" });
    expect(res.status).toBe(409);
    const body = await res.text();
    expect(body).toContain("还不能进行这一步,议事规则要求的前一步尚未完成:");
    expect(body).toContain(NO_DRAFT);
    const english = await post("committee1", topicPage(id), { intent: "move", action: "startConsultation" }, true);
    expect(english.status).toBe(409);
    expect(await english.text()).toContain("The draft holds nothing but the template");
    expect(stateOf(id)).toBe("drafting");
    expect(ledgerCount()).toBe(before);
  });

  it("with text under a heading the button is offered and the move is made", async () => {
    const id = draftingTopic("东门路灯损坏,夜间通行不便。");
    const page = await html("committee1", topicPage(id));
    expect(/data-testid="move-startConsultation"[\s\S]*?<\/form>/.exec(page)![0]).not.toContain("data-blocker");
    expect((await post("committee1", topicPage(id), { intent: "move", action: "startConsultation" })).status).toBe(302);
    expect(stateOf(id)).toBe("consulting");
  });
});

describe("定稿 needs a consultation outcome", () => {
  it("without one, both pages list it for the committee (not for residents), the freeze is refused (409) and nothing is written", async () => {
    const { id } = consultingTopic({ consulted: false });
    const consultation = await html("committee1", consultationPage(id));
    expect(consultation).toContain(NO_CONSULTATION);
    expect(consultation).toContain(`href="/c/mingyue/topics/${id}/consultation#open-solicitation"`);
    expect(consultation).toContain(`href="/c/mingyue/topics/${id}/consultation#record-meeting"`);
    expect(/<button[^>]*data-testid="freeze"[^>]*>/.exec(consultation)![0]).toContain("disabled");
    const topic = await html("committee1", topicPage(id));
    expect(topic).toContain("定稿前还需:");
    expect(topic).toContain(NO_CONSULTATION);
    expect(await html("resident1", topicPage(id))).not.toContain('data-testid="blockers"');

    const before = ledgerCount();
    const res = await freeze(id);
    expect(res.status).toBe(409);
    const body = await res.text();
    expect(body).toContain("还不能定稿,议事规则要求的前一步尚未完成:");
    expect(body).toContain(NO_CONSULTATION);
    expect(frozen(id)).toBeUndefined();
    expect(stateOf(id)).toBe("consulting");
    expect(ledgerCount()).toBe(before);
  });

  it("a category decided without a vote asks the same (decideByCommittee)", async () => {
    const { id } = consultingTopic({ category: "activities", consulted: false });
    const res = await freeze(id);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(NO_CONSULTATION);
    expect(stateOf(id)).toBe("consulting");
  });

  it("a solicitation closed without its summary is no outcome; once the summary is published the text is frozen", async () => {
    const { id } = consultingTopic({ consulted: false });
    const deadline = localDate(new Date(now().getTime() + 7 * DAY_MS));
    expect((await post("committee1", consultationPage(id), { intent: "open", question: "是否同意更换路灯?", deadline })).status).toBe(302);
    const sid = /id="solicitation-(\d+)"/.exec(await html("committee1", consultationPage(id)))![1];
    expect((await post("resident1", consultationPage(id), { intent: "answer", consultationId: sid, stance: "support" })).status).toBe(302);
    expect((await post("committee1", consultationPage(id), { intent: "close", consultationId: sid })).status).toBe(302);
    const refused = await freeze(id);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(NO_CONSULTATION);
    expect(frozen(id)).toBeUndefined();
    expect((await post("committee1", consultationPage(id), { intent: "summarise", consultationId: sid, note: "多数支持" })).status).toBe(302);
    expect(await html("committee1", consultationPage(id))).not.toContain(NO_CONSULTATION);
    expect((await freeze(id)).status).toBe(302);
    expect(stateOf(id)).toBe("onAgenda");
  });

  it("a consultation meeting without minutes is no outcome; one with minutes is", async () => {
    const { id } = consultingTopic({ consulted: false });
    const meeting = { intent: "meeting", heldAt: localDate(now()), place: "社区议事室", participants: "居民代表\n物业公司", opinions: "同意。" };
    expect((await post("committee1", consultationPage(id), { ...meeting, minutes: "" })).status).toBe(302);
    expect((await freeze(id)).status).toBe(409);
    expect(frozen(id)).toBeUndefined();
    expect((await post("committee1", consultationPage(id), { ...meeting, minutes: "会议同意更换路灯。" })).status).toBe(302);
    expect((await freeze(id)).status).toBe(302);
    expect(stateOf(id)).toBe("onAgenda");
  });
});

describe("irreversible acts need the ticked box", () => {
  it("定稿 without it: 400 with the translated message, nothing written; the form carries the box", async () => {
    const { id } = consultingTopic();
    expect(await html("committee1", consultationPage(id))).toMatch(/data-testid="freeze-form"[\s\S]*?name="confirm"[^>]*required|data-testid="freeze-form"[\s\S]*?required[^>]*name="confirm"/);
    const before = ledgerCount();
    const res = await freeze(id, {});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    const english = await post("committee1", consultationPage(id), { intent: "freeze" }, true);
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("This step cannot be undone: tick the box to confirm, then submit.");
    expect((await freeze(id, { confirm: "yes" })).status).toBe(400);
    expect(frozen(id)).toBeUndefined();
    expect(stateOf(id)).toBe("consulting");
    expect(ledgerCount()).toBe(before);
    expect((await freeze(id)).status).toBe(302);
  });

  it("受理 and 不予受理 without it: 400 with the message next to the box, nothing written; other moves need none", async () => {
    const actor = userId("committee2");
    const screening = () => createTopic({ communityId: mingyue(), proposerId: actor, title: `待受理 ${Math.random().toString(36).slice(2, 7)}`, description: "", location: "", categoryId: null, source: "committee" }).id;
    const id = screening();
    const page = await html("committee1", topicPage(id));
    const moveForm = (action: string) => new RegExp(`data-testid="move-${action}"[\\s\\S]*?</form>`).exec(page)![0];
    expect(moveForm("accept")).toContain('name="confirm"');
    expect(moveForm("reject")).toContain('name="confirm"');
    expect(moveForm("merge")).not.toContain('name="confirm"');
    const before = ledgerCount();
    for (const form of [{ action: "accept" }, { action: "reject", reason: "不属于议事范围" }] as Record<string, string>[]) {
      const res = await post("committee1", topicPage(id), { intent: "move", ...form });
      expect(res.status, form.action).toBe(400);
      expect(await res.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    }
    expect(stateOf(id)).toBe("screening");
    expect(ledgerCount()).toBe(before);
    expect((await post("committee1", topicPage(id), { intent: "move", action: "accept", confirm: "on" })).status).toBe(302);
    expect(stateOf(id)).toBe("drafting");
    const other = screening();
    expect((await post("committee1", topicPage(other), { intent: "move", action: "reject", reason: "已由物业处理", confirm: "on" })).status).toBe(302);
    expect(stateOf(other)).toBe("rejected");
  });
});
