// Journey 5: signed-in devices. Each test uses a brand-new person (invite + join), so signing other
// devices out never touches the demo accounts other tests are using at the same time.
import { expect, headerSignOut, login, newPage, newResident, test } from "../fixtures/app";
import type { Page } from "@playwright/test";

async function expectSignedOut(page: Page) {
  await page.goto("/c/mingyue");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fc%2Fmingyue$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
}

test.describe("sessions", () => {
  test("signing out all other devices signs the other browser out", async ({ browser, page }, testInfo) => {
    const person = await newResident(browser, page, testInfo, "sess");

    const other = await newPage(browser);
    await login(other.page, person.username, { password: person.password, redirectTo: "/c/mingyue" });
    await expect(other.page).toHaveURL(/\/c\/mingyue$/);

    await page.getByTestId("current-user").click();
    await expect(page).toHaveURL(/\/account\/sessions$/);
    const rows = page.getByTestId("session-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "当前设备" })).toHaveCount(1);

    await page.getByRole("button", { name: "退出其他所有设备" }).click();
    await expect(page.getByRole("status")).toHaveText("已退出 1 个登录。");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("当前设备");

    // The other browser is signed out; this one is not.
    await expectSignedOut(other.page);
    await page.goto("/c/mingyue");
    await expect(page.getByTestId("community-name")).toHaveText("明月社区");

    // Header sign-out ends this session too.
    await headerSignOut(page).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
    await expectSignedOut(page);

    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test("signing one device out from the list, and signing out everywhere", async ({ browser, page }, testInfo) => {
    const person = await newResident(browser, page, testInfo, "sess");
    const second = await newPage(browser);
    const third = await newPage(browser);
    for (const device of [second, third]) await login(device.page, person.username, { password: person.password });

    await page.goto("/account/sessions");
    const rows = page.getByTestId("session-row");
    await expect(rows).toHaveCount(3);
    // Sign one other device out by its own button.
    await rows.filter({ hasNotText: "当前设备" }).first().getByRole("button", { name: "退出此设备" }).click();
    await expect(page.getByRole("status")).toHaveText("已退出 1 个登录。");
    await expect(rows).toHaveCount(2);

    // Exactly one of the two other browsers lost its session.
    const stillIn: boolean[] = [];
    for (const device of [second, third]) {
      await device.page.goto("/account/sessions");
      stillIn.push(!/\/login/.test(device.page.url()));
    }
    expect(stillIn.filter(Boolean)).toHaveLength(1);

    // "Everywhere" includes this browser.
    await page.getByRole("button", { name: "在所有设备上退出(包括本机)" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    for (const device of [{ page }, second, third]) await expectSignedOut(device.page);

    for (const device of [second, third]) {
      expect(device.errors).toEqual([]);
      await device.context.close();
    }
  });

  test("the header sign-out button signs a demo account out of this browser only", async ({ browser, page }) => {
    await login(page, "committee2");
    const other = await newPage(browser);
    await login(other.page, "committee2");

    await headerSignOut(page).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    await expectSignedOut(page);

    await other.page.goto("/c/mingyue");
    await expect(other.page.getByTestId("current-user")).toHaveText("议事会 黄丽");
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
