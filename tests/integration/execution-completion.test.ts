// 报告完成 cannot be skipped: the demo's #6 (a task overdue at 20%, a rectification demand unanswered)
// offers a disabled button naming what is missing, on the execution page and on the topic page, and the
// server refuses the post (409) saying the same; a plan without tasks offers no button; the topic page's
// plain move no longer makes the step; once the plan is finished and the demand answered, the ticked
// form moves the topic to supervision.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { topics } from "../../db/schema";
import { DAY_MS } from "~/models/clock.server";
import { addTask, reportProgress } from "~/models/execution.server";
import { answerRectification, raiseRectification } from "~/models/supervision.server";
import { communityId } from "./support/db";
import { actor, asPerson, executingTopic as executingTopicOf, ok } from "./support/execution";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const { page, post } = asPerson(http);
const cid = () => communityId("mingyue");
const state = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
/** The 报告完成 form's markup on a page. */
const completeForm = (html: string) => /<form[^>]*data-testid="complete-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? null;

const executingTopic = () => executingTopicOf({ text: "社区运动会方案。", unitName: "完成测试单位" });

describe("the demo's #6: a task overdue at 20% and an unanswered demand", () => {
  const six = () => getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, cid()), eq(topics.number, 6))).get()!.id;

  it("shows a disabled 报告完成 naming the task and the demand, on the execution page and the topic page", async () => {
    for (const username of ["committee1", "executor1"]) {
      for (const path of [`/c/mingyue/topics/${six()}/execution`, `/c/mingyue/topics/${six()}`]) {
        const form = completeForm(await page(path, username));
        expect(form, `${username} ${path}`).not.toBeNull();
        expect(form).toContain('data-blocked="true"');
        expect(form).toMatch(/<button[^>]*\sdisabled=""/);
        expect(form).toContain("还有任务未完成(进度未到 100%)。");
        expect(form).toContain("铺设 80 平方米软地垫");
        expect(form).toContain("(进度 20%)");
        expect(form).toContain("已逾期");
        expect(form).toContain("还有整改要求尚未答复。");
        expect(form).toContain("软地垫铺设已逾期,请说明原因并在一周内完成铺设。");
        expect(form).not.toContain('name="confirm"');
      }
    }
    // The topic page's copy posts to the execution page, and no plain move makes the step any more.
    const topicPage = await page(`/c/mingyue/topics/${six()}`, "committee1");
    expect(completeForm(topicPage)).toContain(`action="/c/mingyue/topics/${six()}/execution"`);
    expect(topicPage).not.toContain('data-testid="move-reportCompletion"');
    // Neither a resident nor a supervisor is offered it.
    for (const username of ["resident1", "supervisor1"]) expect(completeForm(await page(`/c/mingyue/topics/${six()}/execution`, username))).toBeNull();
  });

  it("refuses the post with 409 and says what is missing; the topic page's move is refused too", async () => {
    const path = `/c/mingyue/topics/${six()}/execution`;
    const res = await post(path, "committee1", { intent: "complete", confirm: "on" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("还不能报告执行完成,议事规则要求的前一步尚未完成:");
    expect(html).toContain("还有任务未完成(进度未到 100%)。 还有整改要求尚未答复。");
    expect((await post(`/c/mingyue/topics/${six()}`, "committee1", { intent: "move", action: "reportCompletion" })).status).toBe(400);
    expect((await post(`/c/mingyue/topics/${six()}`, "executor1", { intent: "move", action: "reportCompletion" })).status).toBe(400);
    expect(state(six())).toBe("executing");

    const english = await http.english();
    const en = await http.fetch(path, { cookie: `${await as("committee1")}; ${english}`, form: { intent: "complete", confirm: "on" } });
    expect(en.status).toBe(409);
    expect(await en.text()).toContain("Some tasks are not finished (progress below 100%).");
  });
});

describe("a plan of our own", () => {
  it("offers no 报告完成 for a plan without tasks, and refuses its post", async () => {
    const { id, path, topicPath } = executingTopic();
    expect(completeForm(await page(path, "committee1"))).toBeNull();
    expect(completeForm(await page(topicPath, "committee1"))).toBeNull();
    const res = await post(path, "committee1", { intent: "complete", confirm: "on" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("执行方案还没有任务。");
    expect(state(id)).toBe("executing");
  });

  it("is blocked by an unanswered demand alone, then, answered, takes the ticked form and moves to supervision", async () => {
    const { id, unitId, path, topicPath } = executingTopic();
    const task = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "搭建领奖台", unitId, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } }));
    ok(reportProgress({ ...actor("executor1", "executor"), taskId: task.id, body: "已搭好", percent: 100, spentFen: 0, photos: [] }));
    const demand = ok(raiseRectification({ ...actor("supervisor1", "supervisor"), taskId: task.id, body: "台面未加防滑垫。" }));
    const blocked = completeForm(await page(path, "executor1"))!;
    expect(blocked).toContain('data-blocked="true"');
    expect(blocked).toContain("台面未加防滑垫。");
    expect(blocked).not.toContain("还有任务未完成");
    expect((await post(path, "executor1", { intent: "complete", confirm: "on" })).status).toBe(409);

    ok(answerRectification({ ...actor("executor1", "executor"), rectificationId: demand.id, answer: "已加防滑垫。" }));
    for (const p of [path, topicPath]) {
      const open = completeForm(await page(p, "committee1"))!;
      expect(open).toContain('data-blocked="false"');
      expect(open).not.toMatch(/<button[^>]*\sdisabled=""/);
      expect(open).toMatch(/<input[^>]*type="checkbox"[^>]*name="confirm"[^>]*required/);
    }
    const unticked = await post(path, "committee1", { intent: "complete" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    expect(state(id)).toBe("executing");
    // Ticked: the topic moves on (the topic page's copy posts to this same address).
    expect((await post(path, "committee1", { intent: "complete", confirm: "on" })).status).toBe(302);
    expect(state(id)).toBe("verifying");
    expect(completeForm(await page(topicPath, "committee1"))).toBeNull();
  });
});
