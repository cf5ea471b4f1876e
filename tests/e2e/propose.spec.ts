// Journey: a resident proposes a topic with a photo, sees similar topics while typing, and can do it
// without JavaScript; the committee imports 12345 hotline tickets; the page fits a phone.
// Each test makes its own topics (unique titles and tickets) and never moves seeded ones.
import type { Page } from "@playwright/test";
import { expect, hasNoHorizontalScroll, login, test } from "../fixtures/app";
import { hotlineCsv, makePng, uniqueTicket } from "../fixtures/propose";

const NEW = "/c/mingyue/topics/new";
const stamp = () => Date.now().toString(36).slice(-5);

async function fillTopic(page: Page, title: string) {
  await page.locator('input[name="title"]').fill(title);
  await page.locator('textarea[name="description"]').fill("晚上路过很不方便,希望尽快处理。");
  await page.locator('select[name="category"]').selectOption("facilities");
  await page.locator('input[name="location"]').fill("7号楼");
}

async function expectInCollection(page: Page, title: string, slug = "mingyue") {
  await page.goto(`/c/${slug}`);
  await expect(page.getByTestId("stage-collection")).toContainText(title);
}

test.describe("proposing a topic", () => {
  test("a resident proposes with a photo and lands on the new topic's address", async ({ page }) => {
    await login(page, "resident1", { redirectTo: NEW });
    await expect(page.getByRole("heading", { name: "提出议题" })).toBeVisible();
    const title = `7号楼门禁损坏 ${stamp()}`;
    await fillTopic(page, title);
    await page.locator('input[name="photos"]').setInputFiles({ name: "门禁.png", mimeType: "image/png", buffer: makePng({ width: 16, height: 12, seed: 5 }) });
    await page.getByTestId("submit-topic").click();
    await expect(page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
    await expectInCollection(page, title);
  });

  test("shows similar topics while the title is typed, with links to them", async ({ page }) => {
    await login(page, "resident2", { redirectTo: NEW });
    await page.locator('input[name="title"]').pressSequentially("东门夜间照明", { delay: 20 });
    const similar = page.getByTestId("similar-topic");
    await expect(similar.first()).toHaveText("小区东门夜间照明不足");
    await expect(similar.first()).toHaveAttribute("href", /^\/c\/mingyue\/topics\/\d+$/);
    await page.locator('input[name="title"]').fill("");
    await page.locator('input[name="title"]').pressSequentially("绿化带杂草清理", { delay: 20 });
    await expect(page.getByTestId("similar-topics")).toContainText("没有找到相似的议题。");
  });

  test("shows field errors from the browser before sending, and the server's when it refuses", async ({ page }) => {
    await login(page, "resident3", { redirectTo: NEW });
    await page.getByTestId("submit-topic").click();
    await expect(page.locator("main")).toContainText("请填写此项。");
    await expect(page).toHaveURL(NEW);
    await fillTopic(page, `假照片 ${stamp()}`);
    await page.locator('input[name="photos"]').setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html>not an image</html>") });
    await page.getByTestId("submit-topic").click();
    await expect(page.locator("main")).toContainText("有 1 个文件不是 JPEG、PNG 或 WebP 图片。");
    await expect(page.locator('input[name="title"]')).toHaveValue(/^假照片/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("similar topics are found with the button, and the form still submits", async ({ page }) => {
    await login(page, "resident1", { redirectTo: NEW });
    await page.locator('input[name="title"]').fill("东门照明");
    await page.getByTestId("find-similar").click();
    await expect(page).toHaveURL(/title=/);
    await expect(page.getByTestId("similar-topic").first()).toHaveText("小区东门夜间照明不足");
    await expect(page.locator('input[name="title"]')).toHaveValue("东门照明");

    const title = `无脚本提交的议题 ${stamp()}`;
    await fillTopic(page, title);
    await page.getByTestId("submit-topic").click();
    await expect(page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
    await expectInCollection(page, title);
  });
});

test.describe("hotline import", () => {
  test("the committee imports a small CSV, and a bad one is refused line by line", async ({ page }) => {
    await login(page, "vcommittee1", { redirectTo: "/c/shiliu/topics/import" });
    const titles = [`村口积水 ${stamp()}`, `路灯闪烁 ${stamp()}`];
    const good = hotlineCsv(
      [
        { ticket: uniqueTicket("E2E"), title: titles[0], description: "下雨后村口积水严重", location: "村口", category: "facilities", reported_at: "2024-06-01" },
        { ticket: uniqueTicket("E2E"), title: titles[1] },
      ],
      { bom: true },
    );
    await page.locator('input[name="file"]').setInputFiles({ name: "12345.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-count")).toHaveText("已导入 2 张工单,均已提交受理:");
    await expect(page.getByTestId("imported-topics").getByRole("link")).toHaveCount(2);

    await page.locator('input[name="file"]').setInputFiles({ name: "again.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-problems")).toContainText("已经导入过");
    await expect(page.getByTestId("import-problems").locator("tbody tr")).toHaveCount(2);

    await expectInCollection(page, titles[0], "shiliu");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test("the propose and import pages do not scroll sideways", async ({ page }) => {
    await login(page, "convener1", { redirectTo: NEW });
    await page.locator('input[name="title"]').pressSequentially("东门夜间照明", { delay: 20 });
    await expect(page.getByTestId("similar-topic").first()).toBeVisible();
    await expect(page.locator("main")).toContainText("议事会成员可以直接立项");
    for (const path of [NEW, "/c/mingyue/topics/import"]) {
      if (path !== NEW) await page.goto(path);
      const fit = await hasNoHorizontalScroll(page);
      expect(fit.scrollWidth, `${path}: ${fit.scrollWidth} > ${fit.innerWidth}`).toBeLessThanOrEqual(fit.innerWidth);
    }
  });
});
