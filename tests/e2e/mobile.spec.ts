// Journey 6: on a phone (390×844) the pages fit the screen: nothing scrolls sideways.
import { expect, hasNoHorizontalScroll, login, test } from "../fixtures/app";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

async function expectFits(page: Page, what: string) {
  const fit = await hasNoHorizontalScroll(page);
  expect(fit.scrollWidth, `${what}: scrollWidth ${fit.scrollWidth} > innerWidth ${fit.innerWidth}`).toBeLessThanOrEqual(fit.innerWidth);
}

test.describe("phone viewport", () => {
  test("the hall fits a phone, in Chinese and in English", async ({ page }) => {
    await login(page, "convener1", { redirectTo: "/c/mingyue" });
    await expect(page.getByTestId("stage-supervision")).toBeVisible();
    await expect(page.getByTestId("needs-me")).toBeVisible();
    await expectFits(page, "hall (zh)");

    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("stage-collection")).toContainText("Topic collection");
    await expectFits(page, "hall (en)");

    for (const path of ["/", "/c/mingyue/rules", "/c/mingyue/ledger", "/account/sessions"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await expectFits(page, path);
    }
  });

  test("sign-in, join and the street pages fit a phone", async ({ page }) => {
    for (const path of ["/login", "/join"]) {
      await page.goto(path);
      await expect(page.locator("main form")).toBeVisible();
      await expectFits(page, path);
    }
    await login(page, "street1");
    for (const path of ["/s/huacheng", "/s/huacheng/invites", "/s/huacheng/departments", "/c/shiliu"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await expectFits(page, path);
    }
  });
});
