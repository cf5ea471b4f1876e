// Journey 4: who may see what. Outsiders get the same 404 as for a place that does not exist;
// signed-out visitors are sent to sign in and brought back; a wrong password gets one generic message.
import { expect, login, signInWithForm, test } from "../fixtures/app";
import type { Page } from "@playwright/test";

async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(403);
  await expect(page.getByRole("heading", { name: "无权操作" })).toBeVisible();
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到该页面" })).toBeVisible();
  await expect(page.getByTestId("community-name")).toHaveCount(0);
}

test.describe("access", () => {
  test("a mingyue resident cannot see shiliu, and may not use the street admin's pages", async ({ page }) => {
    await login(page, "resident1");
    for (const path of ["/c/shiliu", "/c/shiliu/ledger", "/c/shiliu/rules", "/c/no-such-place"]) {
      await expectNotFound(page, path);
    }
    // Their street's admin pages exist for them, but their role does not allow them.
    for (const path of ["/s/huacheng", "/s/huacheng/invites"]) await expectForbidden(page, path);
    // Nothing of shiliu's leaks through the 404 page.
    await expect(page.getByText("村道路灯维修")).toHaveCount(0);

    // Their own community still opens, with its rules and an intact ledger.
    await page.goto("/c/mingyue/rules");
    await expect(page.getByTestId("rules-basis")).toContainText("城市居民委员会组织法");
    await page.goto("/c/mingyue/ledger");
    await expect(page.getByTestId("ledger-verdict")).toContainText(/台账完整:共 \d+ 条/);
  });

  test("a shiliu villager cannot see mingyue", async ({ page }) => {
    await login(page, "villager1");
    for (const path of ["/c/mingyue", "/c/mingyue/ledger"]) await expectNotFound(page, path);
    await expectForbidden(page, "/s/huacheng");
    await page.goto("/c/shiliu");
    await expect(page.getByTestId("community-name")).toHaveText("石榴村");
    await expect(page.getByTestId("stage-collection")).toContainText("村道路灯维修");
    await page.goto("/c/shiliu/rules");
    await expect(page.getByTestId("rules-basis")).toContainText("村民委员会组织法");
    await expect(page.getByTestId("rules-basis")).toContainText("第三十条");
  });

  test("a signed-out visitor is sent to sign in and comes back", async ({ page }) => {
    await page.goto("/c/mingyue");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fc%2Fmingyue$/);
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await signInWithForm(page, "resident2", "demo1234");
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    await expect(page.getByTestId("community-name")).toHaveText("明月社区");
  });

  test("signed-out visitors are sent to sign in from every member and admin page", async ({ page }) => {
    for (const path of ["/c/mingyue/ledger", "/c/shiliu/rules", "/s/huacheng", "/s/huacheng/invites", "/account/sessions"]) {
      await page.goto(path);
      await expect(page, `redirect for ${path}`).toHaveURL(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    // Public pages need no sign-in; unknown pages are 404 for everyone.
    expect((await page.goto("/"))?.status()).toBe(200);
    expect((await page.goto("/join"))?.status()).toBe(200);
    await expectNotFound(page, "/no/such/page");
  });

  test("sign-in never redirects off-site", async ({ page, baseURL }) => {
    await page.goto("/login?redirectTo=%2F%2Fevil.example%2Fphish");
    await signInWithForm(page, "rep02", "demo1234");
    await expect(page.getByTestId("current-user")).toHaveText("代表02");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/c/mingyue");
  });

  test("a wrong password gets one generic message, then the right one works", async ({ page }) => {
    // The only wrong-password attempt in the suite (5 per account lock it), on an account no other test uses.
    await page.goto("/login");
    await signInWithForm(page, "resident3", "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("用户名或密码不正确。");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);

    await signInWithForm(page, "resident3", "demo1234");
    await expect(page.getByTestId("current-user")).toHaveText("陈芳");
  });
});
