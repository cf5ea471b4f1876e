// The representatives' meeting end to end, everyone in their own browser: the convener convenes a
// meeting on a topic of our own (the roster's make-up shown: 组成人员 20 = 5 居委会 members + 15
// representatives), two representatives and a 居委会 member check in from their own browsers while
// the projector screen (no sign-in) follows live; the convener checks ten more in from the roster
// (no 20 browsers on a slow machine): 13 of 20 is not a quorum, the 14th makes it. The three vote, six
// hand votes are recorded, the vote is closed (at least 8 of the 14 present had to agree). The resolution appears on the public board with every named vote and
// its 公示 period running, on the topic page, and the ledger still verifies.
import type { Browser } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { chairPosts, frozenTopic, localAhead, tickFor } from "../fixtures/meeting";

const REPS = ["rep03", "rep04"] as const;
/** A 居委会 member: one of 组成人员, checks in and votes like a representative. */
const MEMBER = "cmember1";

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
  await expect(page.getByTestId("roster-make-up")).toContainText("组成人员 20 人:居委会成员 5 人,居民代表 15 人");
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
  await tickFor(page, "start");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);

  // The projector: anyone in the room, no sign-in; it follows by itself from here on.
  const projector = await browser.newContext();
  const screen = await projector.newPage();
  const screenErrors = watchPageErrors(screen);
  await screen.goto(`${meetingPath}/screen`);
  await expect(screen.getByTestId("screen-present")).toHaveText("0");

  // Two representatives and a 居委会 member check in, each in their own browser; the screen counts them without a reload.
  const reps = await Promise.all([...REPS, MEMBER].map((username) => signedIn(browser, username, meetingPath)));
  for (const [i, rep] of reps.entries()) {
    await rep.page.getByTestId("check-in").click();
    await expect(rep.page.getByTestId("checked-in")).toBeVisible();
    await expect(screen.getByTestId("screen-present")).toHaveText(String(i + 1));
  }

  // The convener's page followed the check-ins by itself; it states the quorum in whole people.
  await expect(page.getByTestId("present")).toHaveText("3");
  await expect(page.getByTestId("members")).toHaveText("20");
  await expect(page.getByTestId("attendance")).toContainText("需至少 14 人到会(组成人员 20 人的三分之二)");

  // The convener checks ten more in from the roster (people without phones): 13 of 20 is not two
  // thirds, and the vote is refused with the rule's reason.
  await page.goto(meetingPath);
  for (let present = 4; present <= 5; present++) {
    await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
    await expect(page.getByTestId("present")).toHaveText(String(present));
  }
  const chair = chairPosts(page, meetingPath, baseURL!);
  await chair.register(8);
  await page.goto(meetingPath);
  await expect(page.getByTestId("present")).toHaveText("13");
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "no");
  await page.getByTestId("open").click();
  await expect(page.getByText("到会人数未达到议事规则规定的法定人数,不能开始表决。")).toBeVisible();
  // The fourteenth: quorum met.
  await page.goto(meetingPath);
  await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
  await expect(page.getByTestId("present")).toHaveText("14");
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "yes");
  await expect(screen.getByTestId("screen-present")).toHaveText("14");
  await page.getByTestId("open").click();
  await expect(page.getByTestId("vote-panel")).toBeVisible();

  // A representative and the 居委会 member agree, one representative disagrees, from their own
  // browsers; the screen shows how many have voted, never how.
  for (const [i, rep] of reps.entries()) {
    const yes = i !== 1;
    await rep.page.reload();
    await tickFor(rep.page, "vote-yes");
    await rep.page.getByTestId(yes ? "vote-yes" : "vote-no").click();
    await expect(rep.page.getByTestId("my-ballot")).toHaveText(`✓ 您已投票:${yes ? "同意" : "反对"}`);
    await expect(screen.getByTestId("screen-voted")).toContainText(String(i + 1));
    // Done here: its page follows every meeting event (a re-read each), which would slow the rest.
    expect(rep.errors, rep.username).toEqual([]);
    await rep.context.close();
  }
  // Six hand votes recorded by the convener for those checked in from the roster: one with the form, five more as it posts them.
  await page.goto(meetingPath);
  await page.getByTestId("proxy-form").locator('select[name="choice"]').selectOption("yes");
  await page.getByTestId("proxy-form").getByRole("checkbox").check();
  await page.getByTestId("proxy-form").getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("vote-progress")).toHaveText("已投 4 / 到会 14");
  await chair.handVotes(5, "yes");
  await page.goto(meetingPath);
  await expect(page.getByTestId("vote-progress")).toHaveText("已投 9 / 到会 14");
  await tickFor(page, "close");
  await page.getByTestId("close").click();
  await expect(page.getByTestId("arithmetic")).toHaveText("到会 14 人,同意 8 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");
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
  await expect(votes).toContainText("居委会 郑洁");
  await expect(resolution.getByTestId("board-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(resolution).toContainText("到会 14 人,同意 8 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");

  // The topic page shows the same resolution; the ledger still verifies.
  const resident = await signedIn(browser, "resident2", topic.path);
  await expect(resident.page.getByTestId("decision")).toContainText("到会 14 人,同意 8 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");
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
