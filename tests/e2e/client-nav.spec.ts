// The community bar and the hall use plain links with one click handler (app/components/client-nav.tsx):
// a plain click navigates inside the app (no new document, the page's state survives), the bar marks
// where you are, and without JavaScript the same links are ordinary links.
import { expect, login, test, watchPageErrors } from "../fixtures/app";

test.describe("plain links navigate in the app", () => {
  test("the community bar and a hall card move without loading a new document", async ({ page }) => {
    const errors = watchPageErrors(page);
    await login(page, "resident2", { redirectTo: "/c/mingyue" });
    await page.locator("html[data-hydrated]").waitFor();
    const bar = page.getByRole("navigation", { name: "明月社区" });
    await expect(bar.getByRole("link", { name: "议事厅" })).toHaveAttribute("aria-current", "page");

    // A mark on the window survives only an in-app navigation.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await bar.getByRole("link", { name: "议事规则" }).click();
    await expect(page).toHaveURL(/\/c\/mingyue\/rules$/);
    await expect(bar.getByRole("link", { name: "议事规则" })).toHaveAttribute("aria-current", "page");
    await expect(bar.getByRole("link", { name: "议事厅" })).not.toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await bar.getByRole("link", { name: "议事厅" }).click();
    await expect(page).toHaveURL(/\/c\/mingyue$/);
    const card = page.getByTestId("stage-collection").getByTestId("topic-card").first();
    const title = (await card.getByRole("link").textContent())!.trim();
    await card.getByRole("link").click();
    await expect(page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(errors).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the same links load their pages", async ({ page }) => {
      await login(page, "resident2", { redirectTo: "/c/mingyue" });
      const bar = page.getByRole("navigation", { name: "明月社区" });
      await bar.getByRole("link", { name: "台账" }).click();
      await expect(page).toHaveURL(/\/c\/mingyue\/ledger$/);
      await expect(bar.getByRole("link", { name: "台账" })).toHaveAttribute("aria-current", "page");
    });
  });
});
