// Journey: the public board 公示栏 for a signed-out visitor (names masked), and the hall's filters and
// search narrowing the topics, with JavaScript and without; on a phone nothing scrolls sideways.
import { expect, login, test } from "../fixtures/app";
import { BOARD_MASKED, PHONE, expectFits, filterHall, newPageWithoutJs, resultTitles } from "../fixtures/board";

test.describe("the public board", () => {
  test("a signed-out visitor opens the board and sees what was decided, with masked names", async ({ page }) => {
    const response = await page.goto("/c/mingyue/board");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("明月社区 · 公示栏");
    // Visitors see only the public page in the community's nav.
    await expect(page.getByRole("navigation").getByRole("link", { name: "公示栏" })).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: "台账" })).toHaveCount(0);

    const section = page.getByTestId("board-decisions");
    await expect(section.getByRole("heading", { name: "议题受理公示" })).toBeVisible();
    for (const { title, proposer, fullName } of BOARD_MASKED) {
      const item = section.getByTestId("board-decision").filter({ hasText: title });
      await expect(item.getByTestId("board-proposer")).toHaveText(proposer);
      await expect(item).toContainText("已受理");
      // Proposers stay masked where topics are listed (a representative's name is public only in the named votes above).
      await expect(section.getByText(fullName)).toHaveCount(0);
    }
    await expect(section.getByTestId("board-decision").filter({ hasText: "非机动车充电棚建设" })).toContainText("当前环节:协商");
    // Topics still collecting co-signs are not decided yet.
    await expect(section.getByText("小区东门夜间照明不足")).toHaveCount(0);

    // English, still signed out.
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mingyue Community · Public board");
    await expect(section.getByTestId("board-decision").filter({ hasText: "非机动车充电棚建设" }).getByTestId("board-proposer")).toHaveText("张**");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    expect((await page.goto("/c/no-such-place/board"))?.status()).toBe(404);
  });

  test("members reach the board from the community nav", async ({ page }) => {
    await login(page, "resident2");
    await page.getByRole("navigation").getByRole("link", { name: "公示栏" }).click();
    await expect(page).toHaveURL(/\/c\/mingyue\/board$/);
    await expect(page.getByTestId("board-decision").filter({ hasText: "儿童游乐设施更新" }).getByTestId("board-proposer")).toHaveText("李**");
    await expect(page.getByTestId("current-user")).toHaveText("李建国");
  });
});

test.describe("hall filters and search", () => {
  test("narrow the list, with JavaScript", async ({ page }) => {
    await login(page, "resident1", { redirectTo: "/c/mingyue" });
    await expect(page.getByTestId("stage-collection")).toBeVisible();

    await filterHall(page, { q: "电梯" });
    await expect(page).toHaveURL(/[?&]q=%E7%94%B5%E6%A2%AF/);
    await expect(page.getByTestId("hall-results-count")).toHaveText("共 1 个议题");
    await expect(resultTitles(page)).toHaveText(["3号楼申请加装电梯"]);
    await expect(page.getByTestId("stage-collection")).toHaveCount(0);

    await filterHall(page, { q: "", stage: "酝酿" });
    await expect(resultTitles(page)).toHaveText(["垃圾分类投放点异味整治"]);

    await filterHall(page, { stage: "全部", category: "公共设施维修", mine: true });
    await expect(resultTitles(page)).toHaveText(["小区东门夜间照明不足", "非机动车充电棚建设"]);

    await filterHall(page, { mine: false, category: "全部", q: "没有这样的议题" });
    await expect(page.getByText("没有符合条件的议题。")).toBeVisible();

    await page.getByRole("link", { name: "清除筛选" }).click();
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    await expect(page.getByTestId("stage-collection")).toBeVisible();
  });

  test("narrow the list without JavaScript", async ({ browser }) => {
    const { context, page, errors } = await newPageWithoutJs(browser);
    try {
      await login(page, "rep01", { redirectTo: "/c/mingyue" });
      await filterHall(page, { q: "充电棚" });
      await expect(page).toHaveURL(/\/c\/mingyue\?/);
      await expect(resultTitles(page)).toHaveText(["非机动车充电棚建设"]);
      await expect(page.getByTestId("hall-filters").getByLabel("搜索")).toHaveValue("充电棚");

      await filterHall(page, { q: "", status: "已结项" });
      await expect(resultTitles(page)).toHaveText(["重阳节敬老活动"]);

      // A hand-made address with nonsense in it still answers.
      const response = await page.goto("/c/mingyue?stage=nope&page=-3&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
      expect(response?.status()).toBe(200);
      await expect(page.getByText("没有符合条件的议题。")).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the board and the filtered hall fit the screen", async ({ page }) => {
    await page.goto("/c/mingyue/board");
    await expect(page.getByTestId("board-decisions")).toBeVisible();
    await expectFits(page, "board (signed out)");

    await login(page, "convener1", { redirectTo: "/c/mingyue" });
    await expectFits(page, "hall with the filter form");
    await filterHall(page, { q: "小区" });
    await expect(page.getByTestId("hall-results")).toBeVisible();
    await expectFits(page, "filtered hall");
    const submit = page.getByTestId("hall-filters").getByRole("button", { name: "筛选" });
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });
});
