// Parts of a page the same for every reader (the hall's columns, a topic's co-signers) are rendered
// ahead on the server and put into the page as they are (app/components/rendered-ahead.tsx). The
// browser draws the same elements from the page's data: hydration must keep the server's elements,
// since a mismatch makes React throw them away and draw new ones (and report an error).
import type { Page } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { openSeededTopic, SEEDED_MINGYUE } from "../fixtures/topic";

/** Loads `path` as a document, remembering the element `selector` finds before the page's script runs; true when hydration kept it. */
async function keepsServerElement(page: Page, path: string, selector: string): Promise<boolean> {
  await page.addInitScript((sel) => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { serverElement: Element | null }).serverElement = document.querySelector(sel);
    });
  }, selector);
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor();
  return page.evaluate((sel) => {
    const first = (window as unknown as { serverElement: Element | null }).serverElement;
    return first !== null && first.isConnected && first === document.querySelector(sel);
  }, selector);
}

test.describe("rendered ahead", () => {
  test("the hall's columns are hydrated as the server sent them", async ({ page }) => {
    const errors = watchPageErrors(page);
    await login(page, "resident2");
    expect(await keepsServerElement(page, "/c/mingyue", '[data-testid="stage-collection"] [data-testid="topic-card"]')).toBe(true);
    expect(errors).toEqual([]);
  });

  test("a topic's co-signers are hydrated as the server sent them", async ({ page }) => {
    const errors = watchPageErrors(page);
    await login(page, "resident1");
    const path = await openSeededTopic(page, SEEDED_MINGYUE.screening);
    expect(await keepsServerElement(page, path, '[data-testid="cosigners"] li')).toBe(true);
    await expect(page.getByTestId("cosigners").locator("li")).toHaveCount(10);
    expect(errors).toEqual([]);
  });
});
