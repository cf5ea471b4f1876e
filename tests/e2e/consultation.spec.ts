// The consultation journey on a topic of our own: the committee writes the draft and moves it to
// consultation from the topic page; it opens a solicitation, two residents answer in their own
// browsers, the results show the counts; 定稿 stays disabled, saying what is missing, until the
// committee records a meeting with minutes (and opens its printable minutes); it freezes the text with
// the tick, and the topic page shows the SHA-256, which the browser re-computes and confirms. Then the
// same pages on a phone.
import { createHash } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, login, newPage, test } from "../fixtures/app";

const BACKGROUND = "非机动车在楼道充电,存在火灾隐患。";
// The canonical text of the template with one paragraph under 背景 (see app/models/draft-text.ts).
const CANONICAL = `## 背景\n${BACKGROUND}\n## 方案\n\n## 预算\n\n## 责任主体\n\n## 时间安排`;

/** A date `days` ahead in the communities' time zone, as a date input wants it. */
function dateAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function committeeApi(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const signedIn = await api.post("/login", { form: { username: "committee2", password: "demo1234", redirectTo: "/" }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  return api;
}

/** Files a topic as the committee (straight to screening) and accepts it over HTTP (ticked): it is in drafting. */
async function draftingTopic(baseURL: string, title: string): Promise<{ id: number; path: string }> {
  const api = await committeeApi(baseURL);
  const created = await api.post("/c/mingyue/topics/new", {
    multipart: { title, description: "楼道内电动车充电频繁。", location: "5号楼", category: "facilities", fileAs: "committee" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const path = new URL(created.headers().location, baseURL).pathname;
  expect(path).toMatch(/^\/c\/mingyue\/topics\/\d+$/);
  const accepted = await api.post(path, { form: { intent: "move", action: "accept", confirm: "on" }, maxRedirects: 0 });
  expect(accepted.status(), "accept").toBe(302);
  await api.dispose();
  return { id: Number(path.split("/").pop()), path };
}

function noSidewaysScroll(page: import("@playwright/test").Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

test("solicitation → two answers → results; a meeting and its minutes; freeze and verify the hash", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const title = `楼道充电整治 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  const topic = await draftingTopic(baseURL!, title);
  const consultationPath = `${topic.path}/consultation`;

  // With an empty draft the move to consultation is disabled and says why, linking to the draft.
  await login(page, "committee1", { redirectTo: topic.path });
  const start = page.getByTestId("move-startConsultation");
  await expect(start.getByRole("button")).toBeDisabled();
  await expect(start.getByTestId("blockers")).toContainText("草案除模板标题外还没有内容");
  // The committee writes the background into the live draft; a reload shows it was stored.
  await start.getByRole("link", { name: "去编辑草案" }).click();
  await expect(page).toHaveURL(new RegExp(`${topic.path}/draft$`));
  await page.getByTestId("draft-editor").locator("p").first().click();
  await page.keyboard.type(BACKGROUND);
  await page.reload();
  await expect(page.locator('[data-testid="draft-text"], [data-testid="draft-editor"]').first()).toContainText(BACKGROUND);
  // Now the move is offered; the committee makes it and finds the consultation page from the topic page.
  await page.goto(topic.path);
  await page.getByTestId("move-startConsultation").getByRole("button").click();
  await expect(page.getByTestId("move-startConsultation")).toHaveCount(0);
  await page.getByTestId("consultation-link").click();
  await expect(page).toHaveURL(new RegExp(`${consultationPath}$`));
  const open = page.getByTestId("open-form");
  await open.locator('textarea[name="question"]').fill("是否同意在5号楼北侧建设集中充电棚?");
  await open.locator('input[name="deadline"]').fill(dateAhead(7));
  await open.getByRole("button").click();
  await expect(page.getByTestId("solicitation")).toContainText("是否同意在5号楼北侧建设集中充电棚?");
  await expect(page.getByTestId("open-form")).toHaveCount(0);

  // Two residents answer, each in their own browser.
  for (const [username, stance, text] of [
    ["resident1", "support", "同意,越快越好"],
    ["rep02", "oppose", "担心占用绿地"],
  ] as const) {
    const person = await newPage(browser);
    await login(person.page, username, { redirectTo: consultationPath });
    const form = person.page.getByTestId("answer-form");
    await form.locator('select[name="stance"]').selectOption(stance);
    await form.locator('textarea[name="text"]').fill(text);
    await form.getByRole("button").click();
    await expect(person.page.getByText("您的意见已记录。")).toBeVisible();
    await expect(person.page.getByTestId(`n-${stance}`)).toHaveText("1");
    expect(person.errors).toEqual([]);
    await person.context.close();
  }

  // The committee sees the counts and the opinions.
  await page.reload();
  await expect(page.getByTestId("n-support")).toHaveText("1");
  await expect(page.getByTestId("n-supportWithChanges")).toHaveText("0");
  await expect(page.getByTestId("n-oppose")).toHaveText("1");
  await expect(page.getByTestId("opinions")).toContainText("担心占用绿地");

  // No outcome yet (the solicitation runs, no summary, no minutes): 定稿 is disabled and says what is missing.
  await expect(page.getByTestId("freeze")).toBeDisabled();
  await expect(page.getByTestId("freeze-form").locator("..").getByTestId("blockers")).toContainText("还没有协商结果");

  // A consultation meeting, and its printable minutes.
  const meeting = page.getByTestId("meeting-form");
  await meeting.locator('input[name="heldAt"]').fill(dateAhead(0));
  await meeting.locator('input[name="place"]').fill("社区议事室");
  await meeting.locator('textarea[name="participants"]').fill("居民代表 李四\n物业公司\n街道消防站");
  await meeting.locator('textarea[name="opinions"]').fill("物业同意提供场地。");
  await meeting.locator('textarea[name="minutes"]').fill("会议商定充电棚选址于5号楼北侧。");
  await meeting.getByRole("button").click();
  await expect(page.getByTestId("meetings")).toContainText("社区议事室");
  await page.getByTestId("meetings").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/minutes\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("议事协商会会议纪要");
  await expect(page.getByText("会议商定充电棚选址于5号楼北侧。")).toBeVisible();
  await expect(page.getByTestId("print")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByTestId("community-name")).toBeHidden();
  await expect(page.getByTestId("print")).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ media: "screen" });

  // Freeze: the topic page shows the text and its SHA-256; the browser re-computes it.
  await page.goto(consultationPath);
  await expect(page.getByTestId("blockers")).toHaveCount(0);
  await page.getByTestId("freeze-form").getByRole("checkbox").check();
  await page.getByTestId("freeze").click();
  await expect(page).toHaveURL(new RegExp(`${topic.path}#frozen$`));
  const expected = createHash("sha256").update(CANONICAL, "utf8").digest("hex");
  await expect(page.getByTestId("frozen-sha256")).toHaveText(expected);
  await expect(page.getByTestId("frozen-body")).toContainText(BACKGROUND);
  await page.getByTestId("verify").click();
  await expect(page.getByTestId("verify-result")).toContainText("核验通过");
  await expect(page.getByTestId("verify-result")).toContainText(expected);
  await expect(page).toHaveURL(new RegExp(`${topic.path}#frozen$`)); // checked in the browser, no round trip
  await expect(page.locator('[aria-current="step"]')).toContainText("决策");

  // On a phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [topic.path, consultationPath]) {
    await page.goto(path);
    expect(await noSidewaysScroll(page), path).toBe(true);
  }
  await page.getByTestId("meetings").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/minutes\/\d+$/);
  expect(await noSidewaysScroll(page)).toBe(true);
});
