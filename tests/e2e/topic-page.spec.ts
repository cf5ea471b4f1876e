// The topic page in Chromium: co-signing and withdrawing on seeded topic #1 (put back as it was),
// the committee's move forms on seeded #2 (shown, never submitted: other specs rely on the seeded
// states), a resident who has none, a phone that does not scroll sideways, and the notifications bell.
import { expect, hasNoHorizontalScroll, login, test } from "../fixtures/app";
import { cosignButton, cosignProgress, moveForms, openSeededTopic, SEEDED_MINGYUE } from "../fixtures/topic";

test.describe("topic page", () => {
  test("rep03 sees #1's timeline and co-signs it, then withdraws again", async ({ page }) => {
    await login(page, "rep03");
    await openSeededTopic(page, SEEDED_MINGYUE.collecting);
    const timeline = page.getByRole("list", { name: "六环节进度" });
    await expect(timeline).toBeVisible();
    await expect(timeline.locator('[aria-current="step"]')).toContainText("议题收集");
    await expect(page.getByTestId("topic-state")).toHaveText("征集附议中");
    await expect(cosignProgress(page)).toContainText("3 / 10 附议");
    await expect(cosignProgress(page)).toContainText(/还剩 \d+ 天/);
    await expect(page.getByTestId("topic-history")).toContainText("提出议题");

    await expect(cosignButton(page)).toHaveText("附议");
    await cosignButton(page).click();
    try {
      await expect(cosignProgress(page)).toContainText("4 / 10 附议");
      await expect(page.getByTestId("cosigners")).toContainText("代表03");
      await expect(cosignButton(page)).toHaveText("撤回附议");
    } finally {
      // Put the seed back as it was, whatever happened above.
      if ((await cosignButton(page).textContent()) === "撤回附议") await cosignButton(page).click();
    }
    await expect(cosignProgress(page)).toContainText("3 / 10 附议");
    await expect(page.getByTestId("cosigners")).not.toContainText("代表03");
    await expect(cosignButton(page)).toHaveText("附议");
  });

  test("an empty comment is caught in the browser before anything is posted", async ({ page }) => {
    await login(page, "rep03");
    await openSeededTopic(page, SEEDED_MINGYUE.collecting);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    const form = page.getByTestId("comment-form");
    // The check is the browser's own: it needs the page running (before that the form posts, and the server refuses).
    await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(form).toContainText("请填写此项。");
    expect(posts).toEqual([]);
  });

  test("committee1 sees accept, reject and merge forms on #2 (not submitted)", async ({ page }) => {
    await login(page, "committee1");
    await openSeededTopic(page, SEEDED_MINGYUE.screening);
    await expect(page.getByTestId("topic-state")).toHaveText("待居委会受理");
    await expect(moveForms(page)).toHaveCount(3);
    await expect(page.getByTestId("move-accept").getByRole("button")).toHaveText("确认:受理");
    await expect(page.getByTestId("move-reject").getByLabel("理由(将公开)")).toBeVisible();
    await expect(page.getByTestId("move-merge").getByLabel("合并到议题编号")).toBeVisible();
    await expect(page.getByTestId("move-merge").getByLabel("理由(将公开)")).toBeVisible();
    await expect(cosignProgress(page)).toContainText("附议已结束:共 10 人附议。");
  });

  test("a resident on #2 sees no move forms and no co-sign button", async ({ page }) => {
    await login(page, "resident1");
    await openSeededTopic(page, SEEDED_MINGYUE.screening);
    await expect(page.getByTestId("topic-history")).toBeVisible();
    await expect(moveForms(page)).toHaveCount(0);
    await expect(cosignButton(page)).toHaveCount(0);
    await expect(page.getByTestId("comment-form")).toBeVisible();
  });

  test("the bell shows for signed-in people and opens the notifications page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("bell")).toHaveCount(0);
    await login(page, "resident2");
    await expect(page.getByTestId("bell")).toBeVisible();
    await page.getByTestId("bell").click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知");
  });
});

test.describe("topic page on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test("#1, #2 and the notifications fit a 390px screen", async ({ page }) => {
    await login(page, "committee1");
    for (const title of [SEEDED_MINGYUE.collecting, SEEDED_MINGYUE.screening]) {
      await openSeededTopic(page, title);
      const fit = await hasNoHorizontalScroll(page);
      expect(fit.scrollWidth, `${title}: ${fit.scrollWidth} > ${fit.innerWidth}`).toBeLessThanOrEqual(fit.innerWidth);
    }
    await page.getByTestId("bell").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知");
    expect((await hasNoHorizontalScroll(page)).ok).toBe(true);
  });
});
