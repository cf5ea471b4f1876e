// Journey 2: the street admin issues an invite; a newcomer joins with it and lands in the hall;
// the code cannot be used again; wrong codes and incomplete forms are explained field by field.
import {
  createInvite,
  createInviteOnPage,
  expect,
  fillJoinForm,
  joinAsNewPerson,
  joinButton,
  login,
  newPage,
  test,
  uniqueUsername,
} from "../fixtures/app";

test.describe("joining with an invite", () => {
  test("a one-use invite lets one newcomer in, and only one", async ({ browser }, testInfo) => {
    const note = `e2e ${uniqueUsername(testInfo, "note")}`;

    // The street admin creates the invite in one browser.
    const admin = await newPage(browser);
    await login(admin.page, "street1");
    await admin.page.goto("/s/huacheng/invites");
    const code = await createInviteOnPage(admin.page, { community: "mingyue", role: "resident", maxUses: 1, note });
    const row = admin.page.getByTestId("invite-list").getByRole("listitem").filter({ hasText: note });
    await expect(row).toContainText("明月社区 · 居民");
    await expect(row).toContainText(`尾号 ${code.slice(-4)}`);
    await expect(row).toContainText("已用 0/1");
    await expect(row.getByRole("button", { name: "作废" })).toBeVisible();

    // A newcomer joins with it in a fresh browser and lands in the hall, signed in.
    const newcomer = await newPage(browser);
    const username = uniqueUsername(testInfo, "join");
    const person = { username, displayName: `新居民 ${username.slice(-6)}`, password: "long-enough-1" };
    await joinAsNewPerson(newcomer.page, code, person, "mingyue");
    await expect(newcomer.page.getByTestId("community-name")).toHaveText("明月社区");
    await expect(newcomer.page.getByTestId("my-roles")).toContainText("居民");
    await expect(newcomer.page.getByTestId("stage-collection")).toContainText("小区东门夜间照明不足");

    // The new account signs in again with its own password.
    await newcomer.page.goto("/account/sessions");
    await expect(newcomer.page.getByTestId("session-row")).toHaveCount(1);

    // A third browser gets "used up" for the same code.
    const late = await newPage(browser);
    await late.page.goto("/join");
    const other = uniqueUsername(testInfo, "late");
    await fillJoinForm(late.page, code, { username: other, displayName: "来晚了", password: "long-enough-2" });
    await joinButton(late.page).click();
    await expect(late.page.getByText("该邀请码的使用次数已满。")).toBeVisible();
    await expect(late.page).toHaveURL(/\/join$/);
    await expect(late.page.getByTestId("current-user")).toHaveCount(0);

    // The admin's list now shows the invite used up, with nothing left to revoke.
    await admin.page.reload();
    await expect(row).toContainText("已用 1/1");
    await expect(row).toContainText("已用完");
    await expect(row.getByRole("button", { name: "作废" })).toHaveCount(0);

    for (const { context, errors } of [admin, newcomer, late]) {
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test("a revoked invite no longer works", async ({ browser, page }, testInfo) => {
    const note = `e2e ${uniqueUsername(testInfo, "revoke")}`;
    const admin = await newPage(browser);
    await login(admin.page, "street1");
    const code = await createInviteOnPage(admin.page, { community: "shiliu", role: "resident", maxUses: 3, note });
    const row = admin.page.getByTestId("invite-list").getByRole("listitem").filter({ hasText: note });
    await row.getByRole("button", { name: "作废" }).click();
    await expect(row).toContainText("已作废");
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    await page.goto("/join");
    await fillJoinForm(page, code, { username: uniqueUsername(testInfo, "revoked"), displayName: "被作废", password: "long-enough-3" });
    await joinButton(page).click();
    await expect(page.getByText("邀请码无效。请核对后重新输入。")).toBeVisible();
    await expect(page).toHaveURL(/\/join$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
  });

  test("an unknown code is refused", async ({ page }, testInfo) => {
    await page.goto("/join");
    await fillJoinForm(page, "ZZZZ-ZZZZ-ZZZZ", { username: uniqueUsername(testInfo, "bad"), displayName: "无效码", password: "long-enough-4" });
    await joinButton(page).click();
    await expect(page.getByText("邀请码无效。请核对后重新输入。")).toBeVisible();
    await expect(page).toHaveURL(/\/join$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
  });

  test("a taken username is refused and the invite stays unused", async ({ browser, page }, testInfo) => {
    const code = await createInvite(browser, { community: "mingyue", role: "resident", maxUses: 1 });
    await page.goto("/join");
    await fillJoinForm(page, code, { username: "resident1", displayName: "冒名", password: "long-enough-5" });
    await joinButton(page).click();
    await expect(page.getByText("该用户名已被使用,请换一个。")).toBeVisible();

    // The same code still works with a free username.
    const username = uniqueUsername(testInfo, "retry");
    await joinAsNewPerson(page, code, { username, displayName: `重试 ${username.slice(-6)}`, password: "long-enough-5" });
  });

  test("an empty or too-short form shows the problems under the fields", async ({ page }) => {
    await page.goto("/join");
    await joinButton(page).click();
    const required = page.locator("main").getByText("请填写此项。");
    await expect(required.first()).toBeVisible();
    expect(await required.count()).toBeGreaterThanOrEqual(4);
    for (const name of ["code", "username", "displayName", "password"]) {
      await expect(page.locator(`input[name="${name}"]`)).toHaveAttribute("aria-invalid", "true");
    }

    await fillJoinForm(page, "ABCD-EFGH-JKMN", { username: "Not Valid!", displayName: "短密码", password: "short", confirm: "shorter" });
    await joinButton(page).click();
    await expect(page.getByText("太短了,至少 8 个字符。")).toBeVisible();
    await expect(page.getByText("只能使用小写字母、数字、下划线和短横线,3–32 位。")).toBeVisible();
    await expect(page).toHaveURL(/\/join$/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
  });

  test("a signed-in person adds a role with just the code", async ({ browser, page }, testInfo) => {
    const first = await createInvite(browser, { community: "mingyue", role: "resident", maxUses: 1 });
    const username = uniqueUsername(testInfo, "two");
    const person = { username, displayName: `两地 ${username.slice(-6)}`, password: "long-enough-6" };
    await joinAsNewPerson(page, first, person, "mingyue");

    const second = await createInvite(browser, { community: "shiliu", role: "resident", maxUses: 1 });
    await page.goto("/join");
    await expect(page.locator('input[name="username"]')).toHaveCount(0);
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    await page.locator('input[name="code"]').fill(second);
    await page.getByRole("button", { name: `以 ${person.displayName} 的身份加入` }).click();
    await expect(page).toHaveURL(/\/c\/shiliu$/);
    await expect(page.getByTestId("community-name")).toHaveText("石榴村");

    await page.goto("/");
    const mine = page.locator("section", { has: page.getByRole("heading", { name: "我的议事厅" }) });
    await expect(mine.getByRole("link")).toHaveCount(2);
  });
});
