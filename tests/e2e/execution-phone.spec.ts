// Execution on a phone: a topic of our own goes to execution (a committee-decided category, no vote),
// the committee registers a unit with executor1 as its contact and plans a task, and
// executor1, on a 375px phone, reports progress with a photo and sees the report listed with its thumbnail.
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { frozenTopic } from "../fixtures/meeting";
import { makePng } from "../fixtures/propose";

const PHONE = { width: 375, height: 812 };
/** China-time date `days` from now, as a date input sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

test("executor1 reports progress with a photo on a phone", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const tag = `${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  const topic = await frozenTopic(page, baseURL!, { title: `重阳节敬老活动 ${tag}`, background: "为社区老人举办重阳节活动。", category: "activities" });
  const executionPath = `${topic.path}/execution`;

  // The committee (convener1 sits on it) registers a unit with executor1 as its contact and plans a task.
  const unitName = `敬老志愿队 ${tag}`;
  await page.goto("/c/mingyue/units");
  const unitForm = page.getByTestId("unit-form");
  await unitForm.locator('input[name="name"]').fill(unitName);
  await unitForm.locator('select[name="kind"]').selectOption("volunteer");
  await unitForm.locator('input[name="contact"]').fill("社区服务站");
  await unitForm.getByLabel(/\(executor1\)/).check();
  await unitForm.getByRole("button", { name: "登记单位" }).click();
  await expect(page.getByTestId("unit-list")).toContainText(unitName);
  await page.goto(executionPath);
  const taskForm = page.getByTestId("task-form");
  await taskForm.locator('input[name="title"]').fill("布置活动场地");
  await taskForm.locator('select[name="unitId"]').selectOption({ label: unitName });
  await taskForm.locator('input[name="dueDate"]').fill(dateAhead(5));
  await taskForm.locator('input[name="budgetYuan"]').fill("800");
  await taskForm.getByRole("button", { name: "添加任务" }).click();
  await expect(page.getByTestId("task")).toContainText(unitName);

  const context = await browser.newContext({ viewport: PHONE });
  const phone = await context.newPage();
  const errors = watchPageErrors(phone);
  await login(phone, "executor1", { redirectTo: executionPath });
  await expect(phone).toHaveURL(new RegExp(`${executionPath}$`));
  const form = phone.getByTestId("report-form");
  await form.locator('textarea[name="body"]').fill("场地已布置完毕,桌椅到位。");
  await form.locator('input[name="percent"]').fill("60");
  await form.locator('input[name="spentYuan"]').fill("350.5");
  await form.locator('input[type="file"]').setInputFiles({ name: "site.png", mimeType: "image/png", buffer: makePng({ width: 40, height: 30, seed: 7 }) });
  await form.getByRole("button", { name: "提交报告" }).click();
  await expect(phone).toHaveURL(new RegExp(`${executionPath}#task-\\d+$`));

  const report = phone.getByTestId("report").first();
  await expect(report).toContainText("场地已布置完毕,桌椅到位。");
  await expect(report).toContainText("进度 60%");
  await expect(report).toContainText("350.50");
  const thumbnail = report.locator("img");
  await expect(thumbnail).toHaveCount(1);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
  await expect(phone.getByTestId("task")).toContainText("已用 350.50 元 / 预算 800.00 元");
  expect((await hasNoHorizontalScroll(phone)).ok).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

// The demo's #6: a task's id equals a report's id (report-1, report-2 on the page). The report form used
// the task's number as its id, so its fields pointed at the report's <li> and the server refused the
// post (400). And while a task is overdue at 20% with a demand unanswered, 报告完成 is offered disabled,
// saying what is missing.
test("executor1 reports on the demo's #6, whose task ids meet report ids, and sees why completion waits", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: PHONE });
  const phone = await context.newPage();
  const errors = watchPageErrors(phone);
  const executionPath = "/c/mingyue/topics/6/execution";
  await login(phone, "executor1", { redirectTo: executionPath });
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("#6");
  const complete = phone.getByTestId("complete-form");
  await expect(complete.getByRole("button", { name: "报告执行完成" })).toBeDisabled();
  await expect(complete).toContainText("铺设 80 平方米软地垫");
  await expect(complete).toContainText("软地垫铺设已逾期");

  const task = phone.getByTestId("task").filter({ hasText: "拆除旧滑梯并安装新组合滑梯" });
  const form = task.getByTestId("report-form");
  await form.locator('textarea[name="body"]').fill("新滑梯安装完成,等待验收。");
  await form.locator('input[name="percent"]').fill("90");
  const posted = phone.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/execution"));
  await form.getByRole("button", { name: "提交报告" }).click();
  expect((await posted).status()).toBeLessThan(400);
  await expect(task.getByTestId("report").first()).toContainText("新滑梯安装完成,等待验收。");
  await expect(task.getByTestId("report").first()).toContainText("进度 90%");
  expect((await hasNoHorizontalScroll(phone)).ok).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
