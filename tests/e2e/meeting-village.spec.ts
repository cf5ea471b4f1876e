// A 村民代表会议 in 石榴村, on the demo's own scheduled meeting: 村委会主任 vconvener1 sees the roster's
// make-up (组成人员 15 = 3 村委会 members + 12 representatives, four fifths), starts the session,
// a member of the village supervisory body registers 列席 (named, never counted), the convener
// registers people from the roster: 9 of 15 is not two thirds, 10 is; records hand votes and closes.
// The minutes name the 列席 and show the make-up; the ledger verifies.
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { chairPosts, tickFor } from "../fixtures/meeting";

test("a village meeting in 石榴村: make-up, 列席, 10 of 15 for a quorum, hand votes, the result in whole people", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const errors = watchPageErrors(page);
  await login(page, "vconvener1", { redirectTo: "/c/shiliu/meetings" });
  await expect(page.getByTestId("roster-make-up")).toContainText("组成人员 15 人:村委会成员 3 人,村民代表 12 人");
  await expect(page.getByTestId("share-warning")).toHaveCount(0);
  await page.getByTestId("meeting-item").filter({ hasText: "村民代表会议(第三季度例会)" }).click();
  await expect(page).toHaveURL(/\/c\/shiliu\/meetings\/\d+$/);
  const meetingPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("motion")).toContainText("文化广场扩建");
  await tickFor(page, "start");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);
  await expect(page.getByTestId("members")).toHaveText("15");
  await expect(page.getByTestId("attendance")).toContainText("需至少 10 人到会(组成人员 15 人的三分之二)");

  // The village supervisor attends: 列席, not counted.
  const supervisor = await browser.newContext();
  const sPage = await supervisor.newPage();
  const sErrors = watchPageErrors(sPage);
  await login(sPage, "vsupervisor1", { redirectTo: meetingPath });
  await expect(sPage.getByTestId("check-in")).toHaveCount(0);
  await sPage.getByTestId("observe").click();
  await expect(sPage.getByTestId("observers")).toContainText("村务监督 冯刚");
  await expect(sPage.getByTestId("present")).toHaveText("0");
  expect(sErrors).toEqual([]);
  // Done here: an open meeting page follows every event (a re-read each), which would slow the rest.
  await supervisor.close();

  // Nine from the roster: not yet two thirds of 15.
  await page.goto(meetingPath);
  await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
  await expect(page.getByTestId("present")).toHaveText("1");
  const chair = chairPosts(page, meetingPath, baseURL!);
  await chair.register(8);
  await page.goto(meetingPath);
  await expect(page.getByTestId("present")).toHaveText("9");
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "no");
  await page.getByTestId("open").click();
  await expect(page.getByText("到会人数未达到议事规则规定的法定人数,不能开始表决。")).toBeVisible();
  await page.goto(meetingPath);
  await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
  await expect(page.getByTestId("present")).toHaveText("10");
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "yes");
  await page.getByTestId("open").click();
  await expect(page.getByTestId("vote-panel")).toBeVisible();

  // Six hand votes for, then the close: more than half of the 10 present is at least 6 people.
  await page.goto(meetingPath);
  await page.getByTestId("proxy-form").locator('select[name="choice"]').selectOption("yes");
  await page.getByTestId("proxy-form").getByRole("checkbox").check();
  await page.getByTestId("proxy-form").getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("vote-progress")).toHaveText("已投 1 / 到会 10");
  await chair.handVotes(5, "yes");
  await page.goto(meetingPath);
  await expect(page.getByTestId("vote-progress")).toHaveText("已投 6 / 到会 10");
  await tickFor(page, "close");
  await page.getByTestId("close").click();
  await expect(page.getByTestId("arithmetic")).toHaveText("到会 10 人,同意 6 人,需至少 6 人同意(到会 10 人的过半数) —— 通过");
  await expect(page.getByTestId("frozen-basis")).toContainText("村委会组织法第三十条");

  // The minutes: the make-up and the 列席.
  await page.goto(`${meetingPath}/minutes`);
  await expect(page.getByTestId("roster-make-up")).toContainText("组成人员 15 人:村委会成员 3 人,村民代表 12 人");
  await expect(page.getByTestId("minutes-observers")).toContainText("村务监督 冯刚");
  await page.goto("/c/shiliu/ledger");
  await expect(page.getByTestId("ledger-verdict")).toContainText("台账完整");

  expect(errors).toEqual([]);
});
