// Journey 3: the language switch keeps you on the same page and changes every word on it, with and
// without JavaScript; signing in works without JavaScript too.
import { STAGES, STAGE_NAMES_EN, STAGE_NAMES_ZH, expect, login, signInWithForm, test } from "../fixtures/app";
import type { Page } from "@playwright/test";

async function expectChineseHall(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("language-switch")).toHaveText("English");
  await expect(page.getByTestId("community-name")).toHaveText("明月社区");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("明月社区 · 议事厅");
  for (const stage of STAGES) await expect(page.getByTestId(`stage-${stage}`).getByRole("heading", { level: 2 })).toContainText(STAGE_NAMES_ZH[stage]);
}

async function expectEnglishHall(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("language-switch")).toHaveText("中文");
  await expect(page.getByTestId("community-name")).toHaveText("Mingyue Community");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mingyue Community · Hall");
  for (const stage of STAGES) await expect(page.getByTestId(`stage-${stage}`).getByRole("heading", { level: 2 })).toContainText(STAGE_NAMES_EN[stage]);
  await expect(page.getByTestId("my-roles")).toContainText("My roles");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
}

test.describe("language switch", () => {
  test("switches the hall to English and back, staying on the page", async ({ page }) => {
    await login(page, "resident2", { redirectTo: "/c/mingyue?from=e2e" });
    await expect(page).toHaveURL(/\/c\/mingyue\?from=e2e$/);
    await expectChineseHall(page);

    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/c\/mingyue\?from=e2e$/);
    await expectEnglishHall(page);
    // Topics keep their own words; only the interface changes.
    await expect(page.getByTestId("stage-collection")).toContainText("小区东门夜间照明不足");

    // The choice sticks for the next page.
    await page.getByRole("link", { name: "Ledger" }).click();
    await expect(page.getByTestId("ledger-verdict")).toContainText(/The ledger is intact: \d+ entries/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.goto("/c/mingyue");
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    await expectChineseHall(page);
  });

  test("the login page switches too, signed out", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Username")).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switch is a plain form", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("社区议事厅");
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Community deliberation halls");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("社区议事厅");
  });

  test("signing in works and returns to the page asked for, in either language", async ({ page }) => {
    await page.goto("/c/mingyue");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fc%2Fmingyue$/);
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fc%2Fmingyue$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await signInWithForm(page, "resident2", "demo1234");
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    await expectEnglishHall(page);

    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    await expectChineseHall(page);

    // Signing out is a plain form as well.
    await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
  });
});
