// 流会 in the browser: a meeting opened early (the convener ticks the confirmation) with too few
// present is closed (散会, ticked) and ends as 流会 — said so on the meeting page, its minutes and the
// public board; its topic, not put to the vote, is tabled on a new meeting's agenda.
import type { Page } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { localAhead, tickFor } from "../fixtures/meeting";

/**
 * As convener1 (on the committee) signed in on `page`: a topic through every step the method asks
 * before the vote — accepted, its draft written, a consultation meeting recorded, then frozen.
 */
async function topicForTheVote(page: Page, baseURL: string, title: string) {
  const post = async (path: string, form: Record<string, string>) => {
    const response = await page.request.post(path, { form, maxRedirects: 0, headers: { Origin: baseURL } });
    expect(response.status(), `${form.intent} ${form.action ?? ""} on ${path}`).toBe(302);
    return new URL(response.headers().location, baseURL).pathname;
  };
  const created = await page.request.post("/c/mingyue/topics/new", { multipart: { title, description: "流会测试。", location: "东门", category: "facilities", fileAs: "committee" }, maxRedirects: 0, headers: { Origin: baseURL } });
  expect(created.status()).toBe(302);
  const path = new URL(created.headers().location, baseURL).pathname;
  await post(path, { intent: "move", action: "accept", confirm: "on" });
  await page.goto(`${path}/draft`);
  await page.getByTestId("draft-editor").locator("p").first().click();
  await page.keyboard.type("东门路灯损坏,拟更换三盏。");
  await page.reload();
  await expect(page.getByTestId("draft-editor")).toContainText("东门路灯损坏");
  await post(path, { intent: "move", action: "startConsultation" });
  await post(`${path}/consultation`, { intent: "meeting", heldAt: localAhead(0).slice(0, 10), place: "社区议事室", participants: "居民代表 李四", opinions: "同意更换。", minutes: "会议商定更换三盏路灯。" });
  await post(`${path}/consultation`, { intent: "freeze", confirm: "on" });
  return { id: Number(path.split("/").pop()), path };
}

async function schedule(page: Page, title: string, hoursAhead: number) {
  await page.goto("/c/mingyue/meetings");
  const form = page.getByTestId("schedule-form");
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="scheduledAt"]').fill(localAhead(hoursAhead));
  await form.locator('input[name="place"]').fill("社区议事厅");
  await form.locator('input[name="acceptShortNotice"]').check();
  await form.getByRole("button", { name: "召集会议" }).click();
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
  return new URL(page.url()).pathname;
}

async function table(page: Page, topicId: number, title: string) {
  await page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(String(topicId));
  await page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
  await expect(page.getByTestId("motion")).toContainText(title);
}

test("a meeting opened with too few present ends as 流会, shown so; its topic is tabled on a new meeting", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchPageErrors(page);
  const title = `流会议题 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  await login(page, "convener1", { redirectTo: "/c/mingyue" });
  const topic = await topicForTheVote(page, baseURL!, title);
  const meetingTitle = `流会测试 ${title}`;
  const meetingPath = await schedule(page, meetingTitle, 3);
  await table(page, topic.id, title);

  // Before its announced time: the start needs the ticked confirmation; the browser holds an unticked one back.
  await expect(page.getByTestId("start-early")).toContainText("会议提前于公告时间开始");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/待召开/);
  await tickFor(page, "start");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);
  await expect(page.getByTestId("started-early")).toContainText("提前开会(召集人已确认)");

  // Nobody checks in: 散会 (ticked) ends it as 流会.
  await expect(page.getByTestId("present")).toHaveText("0");
  await tickFor(page, "end");
  await page.getByTestId("end").click();
  await expect(page.getByTestId("meeting-status")).toHaveText("流会");
  await expect(page.getByTestId("inquorate")).toContainText("流会:到会人数始终未达到议事规则规定的法定人数");
  await expect(page.getByTestId("motion-status")).toHaveText("未付表决");

  await page.goto(`${meetingPath}/minutes`);
  await expect(page.getByTestId("minutes-status")).toContainText("流会(未达法定人数)");
  await expect(page.getByTestId("minutes-not-voted")).toContainText("未付表决");
  await expect(page.locator("main")).not.toContainText("表决尚未结束");

  // The public board: under 近期已召开, marked 流会.
  await page.goto("/c/mingyue/board");
  const held = page.getByTestId("board-meeting").filter({ hasText: meetingTitle });
  await expect(held).toHaveAttribute("data-status", "inquorate");
  await expect(held.getByTestId("board-inquorate")).toHaveText(/流会/);

  // A new meeting: the same topic is offered again and tabled.
  const later = await schedule(page, `再次表决 ${title}`, 4);
  expect(later).not.toBe(meetingPath);
  await table(page, topic.id, title);
  await expect(page.getByTestId("motion-status")).toHaveText("待表决");
  expect(errors).toEqual([]);
});

test("short notice is decided by the server's clock: a browser whose clock is ten days behind still sees the box", async ({ page }, testInfo) => {
  const errors = watchPageErrors(page);
  await login(page, "convener1", { redirectTo: "/c/mingyue" });
  // The browser believes it is ten days earlier: by its clock a meeting two days ahead would give twelve days' notice.
  await page.clock.setFixedTime(new Date(Date.now() - 10 * 24 * 3_600_000));
  await page.goto("/c/mingyue/meetings");
  const form = page.getByTestId("schedule-form");
  await form.locator('input[name="title"]').fill(`时钟不同的浏览器 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`);
  await form.locator('input[name="scheduledAt"]').fill(localAhead(48));
  await form.locator('input[name="place"]').fill("社区议事厅");
  // The server would ask for the confirmation (2 days < 5): the page shows the box before any refusal.
  await expect(form.getByTestId("short-notice")).toContainText("通知期不足议事规则要求的 5 天");
  await form.locator('input[name="acceptShortNotice"]').check();
  await form.getByRole("button", { name: "召集会议" }).click();
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
  await expect(page.getByTestId("short-notice-warning")).toBeVisible();
  expect(errors).toEqual([]);
});
