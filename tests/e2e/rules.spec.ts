// Journey: the street admin edits shiliu's rules and catalogue on the rules page (never mingyue's:
// other journeys rely on its defaults); the change shows on the page and in the ledger; bad values are
// refused with translated errors, with and without JavaScript; residents see no forms.
import { expect, login, newPage, test, uniqueUsername } from "../fixtures/app";
import { PHONE, expectFits, newPageWithoutJs, rulesForm } from "../fixtures/board";
import type { Page } from "@playwright/test";

async function setStalledDays(page: Page, days: number) {
  await rulesForm(page).getByLabel("停滞提醒").fill(String(days));
  await rulesForm(page).getByRole("button", { name: "保存规则" }).click();
}

test.describe("editing the rules", () => {
  test("street1 changes a rule on shiliu, sees it on the rules page and in the ledger", async ({ page }) => {
    await login(page, "street1");
    await page.goto("/c/shiliu/rules");
    await expect(page.getByTestId("rule-stalled")).toHaveText("14 天");
    try {
      await setStalledDays(page, 21);
      await expect(page.getByTestId("rules-banner")).toContainText("已保存,修改了 1 项并记入台账。");
      await expect(page.getByTestId("rule-stalled")).toHaveText("21 天");
      await page.reload();
      await expect(page.getByTestId("rule-stalled")).toHaveText("21 天");

      await page.getByRole("navigation").getByRole("link", { name: "台账" }).click();
      await expect(page.getByTestId("ledger-verdict")).toContainText(/台账完整/);
      await expect(page.getByText("修改议事规则").first()).toBeVisible();
    } finally {
      // Put the value back for everyone else.
      await page.goto("/c/shiliu/rules");
      await setStalledDays(page, 14);
      await expect(page.getByTestId("rule-stalled")).toHaveText("14 天");
    }
  });

  test("bad values are refused with translated errors and change nothing", async ({ page, browser }) => {
    // With JavaScript the browser explains before anything is sent.
    await login(page, "street1", { redirectTo: "/c/shiliu/rules" });
    const form = rulesForm(page);
    await form.getByLabel("附议门槛").fill("0");
    await form.getByRole("button", { name: "保存规则" }).click();
    await expect(form.getByText("请输入 1 到 1000 之间的数。")).toBeVisible();
    await form.getByLabel("表决通过 分子").fill("3");
    await form.getByLabel("表决通过 分母").fill("2");
    await form.getByRole("button", { name: "保存规则" }).click();
    await expect(form.getByText("分子不能大于分母。")).toBeVisible();
    // Looser than the law: the browser names the village law's article before anything is sent.
    await form.getByLabel("表决通过 分子").fill("1");
    await form.getByLabel("表决通过 分母").fill("2");
    await form.getByLabel("会议有效人数 分子").fill("1");
    await form.getByLabel("会议有效人数 分母").fill("2");
    await form.getByLabel("公示期").fill("7");
    await form.getByRole("button", { name: "保存规则" }).click();
    await expect(form.getByText("会议有效人数不得低于组成人员的三分之二(村委会组织法第三十条)。", { exact: false })).toBeVisible();
    await expect(form.getByText("公示期不得少于十五日(村委会组织法第三十五条)。", { exact: false })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("rule-cosign")).toHaveText("14 天内 10 人附议");

    // Without JavaScript the server answers 400 with the same words.
    const nojs = await newPageWithoutJs(browser);
    try {
      await login(nojs.page, "street1", { redirectTo: "/c/shiliu/rules" });
      const plain = rulesForm(nojs.page);
      // (Letters cannot be typed into a number box; the HTTP tests send them.)
      await plain.getByLabel("附议门槛").fill("0");
      await plain.getByLabel("满意度门槛").fill("101");
      await plain.getByLabel("公示期").fill("14");
      const [response] = await Promise.all([nojs.page.waitForResponse((r) => r.request().method() === "POST"), plain.getByRole("button", { name: "保存规则" }).click()]);
      expect(response.status()).toBe(400);
      await expect(nojs.page.getByTestId("rules-banner")).toContainText("请修正标出的项目。");
      await expect(rulesForm(nojs.page).getByText("请输入 1 到 1000 之间的数。")).toBeVisible();
      await expect(rulesForm(nojs.page).getByText("请输入 0 到 100 之间的数。")).toBeVisible();
      await expect(rulesForm(nojs.page).getByText("公示期不得少于十五日(村委会组织法第三十五条)", { exact: false })).toBeVisible();
      await expect(nojs.page.getByTestId("rule-cosign")).toHaveText("14 天内 10 人附议");
      expect(nojs.errors).toEqual([]);
    } finally {
      await nojs.context.close();
    }
  });

  test("street1 adds a catalogue entry to shiliu, edits it and removes it", async ({ page }, testInfo) => {
    const name = `测试类别 ${uniqueUsername(testInfo, "c").slice(-8)}`;
    await login(page, "street1", { redirectTo: "/c/shiliu/rules" });
    const add = page.getByTestId("catalogue-add-form");
    await add.getByLabel("中文名称").fill(name);
    await add.getByLabel("英文名称").fill("E2E category");
    await add.getByLabel("需村民代表会议表决").uncheck();
    await add.getByRole("button", { name: "增加类别" }).click();
    await expect(page.getByTestId("rules-banner")).toContainText("已增加类别并记入台账。");
    const entry = page.getByTestId("catalogue-entry").filter({ hasText: name });
    await expect(entry).toContainText("需村民代表会议表决: 否");

    await entry.getByText("修改", { exact: true }).click();
    await entry.getByLabel("通过比例(分子)").fill("3");
    await entry.getByLabel("通过比例(分母)").fill("4");
    await entry.getByRole("button", { name: "保存类别" }).click();
    await expect(page.getByTestId("rules-banner")).toContainText("已保存类别并记入台账。");
    await expect(page.getByTestId("catalogue-entry").filter({ hasText: name })).toContainText("不少于 3/4 到会人员");

    await page.getByTestId("catalogue-entry").filter({ hasText: name }).getByRole("button", { name: "删除" }).click();
    await expect(page.getByTestId("rules-banner")).toContainText("已删除类别并记入台账。");
    await expect(page.getByTestId("catalogue-entry").filter({ hasText: name })).toHaveCount(0);
    // A category topics use offers no removal.
    await expect(page.getByTestId("catalogue-entry").filter({ hasText: "公共设施维修" })).toContainText("个议题使用中");
    await expect(page.getByTestId("catalogue-entry").filter({ hasText: "公共设施维修" }).getByRole("button", { name: "删除" })).toHaveCount(0);
  });

  test("a stricter local 公示 is saved and shown as the community's own rule, beside the law's 15 days", async ({ page }) => {
    await login(page, "street1", { redirectTo: "/c/shiliu/rules" });
    await expect(page.getByTestId("rule-standing-publicity")).toHaveText("法定");
    await expect(page.getByTestId("rule-article-publicity")).toHaveText("依据:村委会组织法第三十五条");
    try {
      await rulesForm(page).getByLabel("公示期").fill("20");
      await rulesForm(page).getByRole("button", { name: "保存规则" }).click();
      await expect(page.getByTestId("rules-banner")).toContainText("已保存,修改了 1 项并记入台账。");
      await expect(page.getByTestId("rule-standing-publicity")).toHaveText("本社区规则(严于法定)");
      await expect(page.getByTestId("rules-legal")).toContainText("法律规定:15 天");
    } finally {
      await page.goto("/c/shiliu/rules");
      await rulesForm(page).getByLabel("公示期").fill("15");
      await rulesForm(page).getByRole("button", { name: "保存规则" }).click();
      await expect(page.getByTestId("rule-standing-publicity")).toHaveText("法定");
    }
  });

  test("a resident and a committee member read the rules but see no edit forms", async ({ browser }) => {
    for (const username of ["villager1", "vcommittee1"]) {
      const { context, page, errors } = await newPage(browser);
      try {
        await login(page, username, { redirectTo: "/c/shiliu/rules" });
        await expect(page.getByTestId("rules-list")).toBeVisible();
        await expect(page.getByTestId("catalogue-entry").first()).toBeVisible();
        for (const id of ["rules-form", "pack-form", "catalogue-add-form", "catalogue-edit-form"]) await expect(page.getByTestId(id)).toHaveCount(0);
        await expect(page.getByRole("button", { name: "删除" })).toHaveCount(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the street admin's rules page and the street dashboard fit the screen", async ({ page }) => {
    await login(page, "street1", { redirectTo: "/c/shiliu/rules" });
    await expect(rulesForm(page)).toBeVisible();
    await expectFits(page, "rules page with forms");
    await page.getByTestId("catalogue-entry").first().getByText("修改", { exact: true }).click();
    await expectFits(page, "rules page with an open edit form");
    await page.goto("/s/huacheng");
    await expect(page.getByRole("heading", { name: "逾期未受理的议题" })).toBeVisible();
    await expectFits(page, "street dashboard");
  });
});
