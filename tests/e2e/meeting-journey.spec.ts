// The representatives' meeting end to end, everyone in their own browser: the convener convenes a
// meeting on a topic of our own, five representatives check in from their own browsers while the
// projector screen (no sign-in) follows live; the vote is refused until the quorum is met, the
// convener checks three more in from the roster, opens the vote, the five vote, one hand vote is
// recorded, the vote is closed. The resolution appears on the public board with every named vote and
// its 公示 period running, on the topic page, and the ledger still verifies.
import type { Browser } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { frozenTopic, localAhead } from "../fixtures/meeting";

const REPS = ["rep03", "rep04", "rep05", "rep06", "rep07"] as const;

async function signedIn(browser: Browser, username: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username, { redirectTo: path });
  return { context, page, errors, username };
}

test("check-in until quorum, open, vote, close: the resolution with named votes on the board, 公示 running", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const title = `中心花园座椅更换 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  const topic = await frozenTopic(page, baseURL!, { title, background: "中心花园座椅破损,拟更换二十张防腐木座椅。" });

  // The convener convenes a meeting (short notice, confirmed), tables the topic and opens the session.
  await page.goto("/c/mingyue/meetings");
  const schedule = page.getByTestId("schedule-form");
  await schedule.locator('input[name="title"]').fill(`座椅更换专题会议 ${testInfo.workerIndex}`);
  await schedule.locator('input[name="scheduledAt"]').fill(localAhead(3));
  await schedule.locator('input[name="place"]').fill("社区议事厅");
  await schedule.locator('input[name="acceptShortNotice"]').check();
  await schedule.getByRole("button", { name: "召集会议" }).click();
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
  const meetingPath = new URL(page.url()).pathname;
  await page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(String(topic.id));
  await page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);

  // The projector: anyone in the room, no sign-in; it follows by itself from here on.
  const projector = await browser.newContext();
  const screen = await projector.newPage();
  const screenErrors = watchPageErrors(screen);
  await screen.goto(`${meetingPath}/screen`);
  await expect(screen.getByTestId("screen-present")).toHaveText("0");

  // Five representatives check in, each in their own browser; the screen counts them without a reload.
  const reps = await Promise.all(REPS.map((username) => signedIn(browser, username, meetingPath)));
  for (const [i, rep] of reps.entries()) {
    await rep.page.getByTestId("check-in").click();
    await expect(rep.page.getByTestId("checked-in")).toBeVisible();
    await expect(screen.getByTestId("screen-present")).toHaveText(String(i + 1));
  }

  // The convener's page followed the check-ins by itself. 5 of 15 is not more than half: the vote is
  // refused, with the rule's reason.
  await expect(page.getByTestId("present")).toHaveText("5");
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "no");
  await page.getByTestId("open").click();
  await expect(page.getByText("到会人数未达到议事规则规定的法定人数,不能开始表决。")).toBeVisible();

  // The convener checks three more in from the roster (people without phones): 8 of 15, quorum met.
  await page.goto(meetingPath);
  for (let present = 6; present <= 8; present++) {
    await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
    await expect(page.getByTestId("present")).toHaveText(String(present));
  }
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "yes");
  await expect(screen.getByTestId("screen-present")).toHaveText("8");
  await page.getByTestId("open").click();
  await expect(page.getByTestId("vote-panel")).toBeVisible();

  // Four agree and one disagrees from their own browsers; the screen shows how many have voted, never how.
  for (const [i, rep] of reps.entries()) {
    await rep.page.reload();
    await rep.page.getByTestId(i < 4 ? "vote-yes" : "vote-no").click();
    await expect(rep.page.getByTestId("my-ballot")).toHaveText(`✓ 您已投票:${i < 4 ? "同意" : "反对"}`);
    await expect(screen.getByTestId("screen-voted")).toContainText(String(i + 1));
    // Done here: its page follows every meeting event (a re-read each), which would slow the rest.
    expect(rep.errors, rep.username).toEqual([]);
    await rep.context.close();
  }
  // A hand vote recorded by the convener for one of those checked in from the roster.
  await page.reload();
  await page.getByTestId("proxy-form").locator('select[name="choice"]').selectOption("yes");
  await page.getByTestId("proxy-form").getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("vote-progress")).toHaveText("已投 6 / 到会 8");
  await page.getByTestId("close").click();
  await expect(page.getByTestId("arithmetic")).toHaveText("到会 8 人,同意 5 人,需超过 4 人 —— 通过");
  await expect(page.getByTestId("named-ballots")).toContainText("由 召集人 周强 代为记录");
  await expect(screen.getByTestId("screen-verdict")).toContainText("通过");

  // The public board, signed out: the resolution, the hash, every named vote, the 公示 period running.
  const visitor = await browser.newContext();
  const board = await visitor.newPage();
  await board.goto("/c/mingyue/board");
  const resolution = board.getByTestId("board-resolution").filter({ hasText: title });
  await expect(resolution).toHaveAttribute("data-status", "publicity");
  await expect(resolution.getByTestId("publicity-period")).toContainText("公示至");
  const votes = resolution.getByTestId("named-votes");
  for (const username of REPS) await expect(votes).toContainText(`代表${username.slice(3)}`);
  await expect(resolution.getByTestId("board-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(resolution).toContainText("到会 8 人,同意 5 人,需超过 4 人 —— 通过");

  // The topic page shows the same resolution; the ledger still verifies.
  const resident = await signedIn(browser, "resident2", topic.path);
  await expect(resident.page.getByTestId("decision")).toContainText("到会 8 人,同意 5 人,需超过 4 人 —— 通过");
  await expect(resident.page.getByTestId("resolution-status")).toBeVisible();
  await resident.page.goto("/c/mingyue/ledger");
  await expect(resident.page.getByTestId("ledger-verdict")).toContainText("台账完整");

  for (const { context, errors, username } of [resident]) {
    expect(errors, username).toEqual([]);
    await context.close();
  }
  expect(screenErrors).toEqual([]);
  await projector.close();
  await visitor.close();
});
