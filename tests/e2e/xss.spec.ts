// Hostile text typed into a topic, a comment and the live draft is shown as text in Chromium: no
// script of it runs (no dialog, the window flag stays unset) and the browser reports no CSP violation.
import type { Page } from "@playwright/test";
import { expect, login, test } from "../fixtures/app";
import { createDraftingTopic } from "../fixtures/draft";

const SCRIPT = "<script>window.__x=1</script>";
const IMAGE = `<img src=x onerror="window.__x=2;alert(2)">`;
const BREAKOUT = `"><svg onload=window.__x=3>`;

/** Records dialogs and CSP violations of every page the test opens. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[], path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x), path).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), path).toEqual([]);
  expect(dialogs, path).toEqual([]);
  expect(await page.locator("script:not([nonce])").count(), path).toBe(0);
}

test("hostile text in a topic, a comment and the live draft runs nowhere", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const dialogs = await watch(page);
  const stamp = `${testInfo.workerIndex}${Date.now().toString(36).slice(-4)}`;
  await login(page, "committee1");
  const draftPath = await createDraftingTopic(page, `${SCRIPT}${BREAKOUT}${stamp}`);
  const topicPath = draftPath.replace(/\/draft$/, "");

  // A version of the empty template first: the diff against the current text then shows the hostile
  // line formatted (Markdown rendered on the server), as residents read frozen texts too.
  await page.getByTestId("save-version-form").getByRole("button").click();
  await expect(page).toHaveURL(/version=1&against=current/);
  const editor = page.getByTestId("draft-editor");
  await editor.locator("p").first().click();
  await page.keyboard.type(`${SCRIPT}${IMAGE}${BREAKOUT}`);
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-status", "saved");

  await page.goto(topicPath);
  await page.getByTestId("comment-form").locator("textarea").fill(`${IMAGE}${BREAKOUT}javascript:alert(1)`);
  await page.getByTestId("comment-form").getByRole("button").click();
  await expect(page.getByText(`${IMAGE}${BREAKOUT}javascript:alert(1)`)).toBeVisible();

  const diffPath = `${draftPath}?version=1&against=current`;
  for (const path of [topicPath, draftPath, diffPath, "/c/mingyue", "/c/mingyue/board", "/notifications"]) await expectInert(page, dialogs, path);
  await page.goto(diffPath);
  await expect(page.getByTestId("version-diff").locator("ins")).toContainText(`${SCRIPT}${IMAGE}${BREAKOUT}`);
  // The text is there, as text: in the server-rendered draft and in the live editor.
  await page.goto(draftPath);
  await expect(editor).toContainText(`${SCRIPT}${IMAGE}${BREAKOUT}`);
  await page.goto(topicPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${SCRIPT}${BREAKOUT}`);
});
