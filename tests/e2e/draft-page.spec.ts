// The drafting page (议案草案): residents read the server-rendered draft (also without JavaScript),
// the committee saves named versions and reads their differences, residents comment with a quote and
// the committee adopts. Live two-editor editing is not tested here (it needs the websocket server).
import { expect, login, newPage, test } from "../fixtures/app";
import { createDraftingTopic, expectTemplateHeadings } from "../fixtures/draft";
import { openSeededTopic } from "../fixtures/topic";

const unique = (testInfo: { workerIndex: number }) => `${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;

test("a resident reads seeded #3's draft from the topic page, with and without JavaScript", async ({ page, browser }) => {
  await login(page, "resident1");
  await openSeededTopic(page, "垃圾分类投放点异味整治");
  await page.getByTestId("draft-link").getByRole("link").click();
  await expect(page.getByTestId("draft-title")).toContainText("垃圾分类投放点异味整治");
  await expectTemplateHeadings(page);
  await expect(page.getByTestId("save-version-form")).toHaveCount(0);
  const draftPath = new URL(page.url()).pathname;

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(`/login?redirectTo=${encodeURIComponent(draftPath)}`);
  await noJs.locator('input[name="username"]').fill("resident2");
  await noJs.locator('input[name="password"]').fill("demo1234");
  await noJs.locator("main").getByRole("button", { name: "登录" }).click();
  await expect(noJs).toHaveURL(new RegExp(`${draftPath}$`));
  await expectTemplateHeadings(noJs);
  await expect(noJs.getByTestId("draft-comment-form")).toBeVisible();
  await context.close();
});

test("the committee saves a named version of its own topic's draft and reads the difference", async ({ page }, testInfo) => {
  await login(page, "committee1");
  const draftPath = await createDraftingTopic(page, `健身器材维护方案 ${unique(testInfo)}`);
  // The editing area (with its connection status) and the save form are there for the committee.
  await expect(page.locator("#draft-text")).toBeVisible();
  await expect(page.getByTestId("draft-status")).toBeVisible();
  await expectTemplateHeadings(page);
  await page.getByTestId("save-version-form").locator('textarea[name="note"]').fill("初稿:模板");
  await page.getByTestId("save-version-form").getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`${draftPath}\\?version=1&against=current`));
  await expect(page.getByTestId("draft-versions")).toContainText("第 1 版");
  await expect(page.getByTestId("draft-versions")).toContainText("初稿:模板");
  await expect(page.getByTestId("version-text").getByRole("heading", { name: "背景" })).toBeVisible();
  await expect(page.getByTestId("version-diff")).toHaveText("两者文本相同。");

  // A second version, then version 1 compared with version 2 through the compare form.
  await page.getByTestId("save-version-form").locator('textarea[name="note"]').fill("第二稿");
  await page.getByTestId("save-version-form").getByRole("button").click();
  await expect(page).toHaveURL(/version=2&against=current/);
  await page.getByTestId("view-version-1").click();
  await page.locator('select[name="against"]').selectOption("2");
  await page.getByRole("button", { name: "比较" }).click();
  await expect(page).toHaveURL(/version=1&against=2/);
  await expect(page.getByRole("heading", { name: "第 1 版与第 2 版的差异" })).toBeVisible();
});

test("a resident comments on the draft quoting a passage, and the committee adopts it", async ({ page, browser }, testInfo) => {
  // Two browsers, each loading the live editor: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  await login(page, "committee2");
  const draftPath = await createDraftingTopic(page, `垃圾桶清洗方案 ${unique(testInfo)}`);

  const resident = await newPage(browser);
  await login(resident.page, "resident3", { redirectTo: draftPath });
  // Once the live (read-only) editor has replaced the server-rendered text, select the first
  // heading's text in it, then quote it.
  await expect(resident.page.getByTestId("draft-editor")).toBeVisible();
  await resident.page.getByTestId("draft-editor").getByRole("heading", { name: "背景" }).selectText();
  await resident.page.getByTestId("quote-selection").click();
  const form = resident.page.getByTestId("draft-comment-form");
  await expect(form.locator('textarea[name="quote"]')).toHaveValue("背景");
  await form.locator('textarea[name="body"]').fill("建议写明近三个月的投诉次数。");
  await form.getByRole("button", { name: "提交意见" }).click();
  const comment = resident.page.getByTestId("draft-comment").filter({ hasText: "建议写明近三个月的投诉次数。" });
  await expect(comment).toBeVisible();
  await expect(comment.locator("blockquote")).toContainText("背景");
  await expect(comment.getByTestId("draft-comment-status")).toHaveText("待答复");
  await expect(comment.getByTestId("draft-answer-form")).toHaveCount(0);

  await page.reload();
  const seen = page.getByTestId("draft-comment").filter({ hasText: "建议写明近三个月的投诉次数。" });
  await seen.getByText("答复", { exact: true }).click();
  await seen.getByLabel("采纳", { exact: true }).check();
  await seen.locator('textarea[name="reply"]').fill("已补充到背景部分。");
  await seen.getByRole("button", { name: "提交答复" }).click();
  await expect(seen.getByTestId("draft-comment-status")).toHaveText("采纳");
  await expect(seen.getByTestId("draft-comment-answer")).toContainText("已补充到背景部分。");

  await resident.page.reload();
  await expect(comment.getByTestId("draft-comment-status")).toHaveText("采纳");
  expect(resident.errors).toEqual([]);
});

test("the drafting page fits a phone: no sideways scroll at 390px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "committee1");
  await openSeededTopic(page, "垃圾分类投放点异味整治");
  await page.getByTestId("draft-link").getByRole("link").click();
  await expectTemplateHeadings(page);
  await expect(page.getByTestId("save-version-form")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
