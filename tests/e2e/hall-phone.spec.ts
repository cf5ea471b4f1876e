// A phone's hall (390×844): 待我处理 comes before the filters, which are folded behind a button (a
// <details>) that opens and closes with and without JavaScript; a filter in the address opens it;
// on a wide screen the form is shown with no button.
import { expect, login, test } from "../fixtures/app";
import { filterHall, newPageWithoutJs, PHONE, resultTitles } from "../fixtures/board";

test.describe("the hall on a phone", () => {
  test.use(PHONE);

  test("shows 待我处理 first and folds the filters behind a button", async ({ page }) => {
    await login(page, "committee1", { redirectTo: "/c/mingyue" });
    const needsMe = page.getByTestId("needs-me");
    const toggle = page.getByTestId("hall-filters-toggle");
    await expect(needsMe).toBeVisible();
    await expect(toggle).toBeVisible();
    await expect(toggle.getByRole("heading", { name: "筛选议题" })).toBeVisible();
    // Folded: the form is not shown, and 待我处理 comes before the fold, the topics' columns after it.
    await expect(page.getByTestId("hall-filters")).toBeHidden();
    const y = async (locator: typeof needsMe) => (await locator.boundingBox())!.y;
    expect(await y(needsMe)).toBeLessThan(await y(toggle));
    expect(await y(toggle)).toBeLessThan(await y(page.getByTestId("stage-collection")));
    // The first screen shows 待我处理's first task.
    expect(await y(needsMe.locator("li").first())).toBeLessThan(844);

    await toggle.click();
    await expect(page.getByTestId("hall-filters").getByLabel("搜索")).toBeVisible();
    await expect(page.getByTestId("hall-filter-fold")).toHaveAttribute("open", "");
    await toggle.click();
    await expect(page.getByTestId("hall-filters")).toBeHidden();

    // After filtering, the fold is open and shows what was asked.
    await filterHall(page, { q: "充电棚" });
    await expect(resultTitles(page)).toHaveText(["非机动车充电棚建设"]);
    await expect(page.getByTestId("hall-filters").getByLabel("搜索")).toHaveValue("充电棚");
    await expect(page.getByTestId("hall-filters")).toBeVisible();
  });

  test("opens and filters without JavaScript", async ({ browser }) => {
    const { context, page, errors } = await newPageWithoutJs(browser);
    try {
      await page.setViewportSize(PHONE.viewport);
      await login(page, "rep01", { redirectTo: "/c/mingyue" });
      await expect(page.getByTestId("hall-filters")).toBeHidden();
      await page.getByTestId("hall-filters-toggle").click();
      await expect(page.getByTestId("hall-filters").getByLabel("搜索")).toBeVisible();
      await filterHall(page, { q: "电梯" });
      await expect(resultTitles(page)).toHaveText(["3号楼申请加装电梯"]);
      await expect(page.getByTestId("hall-filters")).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test("on a wide screen the filters are shown, with no button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "committee1", { redirectTo: "/c/mingyue" });
  await expect(page.getByTestId("hall-filters").getByLabel("搜索")).toBeVisible();
  await expect(page.getByTestId("hall-filters-toggle")).toBeHidden();
  await expect(page.getByRole("heading", { name: "筛选议题" })).toBeVisible();
  await page.getByTestId("hall-filters").getByLabel("搜索").fill("电梯");
  await page.getByTestId("hall-filters").getByRole("button", { name: "筛选" }).click();
  await expect(resultTitles(page)).toHaveText(["3号楼申请加装电梯"]);
});
