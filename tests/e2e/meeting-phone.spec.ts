// A representatives' meeting on phones: the convener schedules it (short notice, confirmed), tables a
// topic of our own that was frozen first, starts it and checks people in from the roster until the
// quorum is met; one representative checks in and votes in a phone browser, another with JavaScript
// turned off; the convener records a hand vote and closes the vote, and the page shows the arithmetic.
import type { Browser, Page } from "@playwright/test";
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { frozenTopic, localAhead, tickFor } from "../fixtures/meeting";

const PHONE = { width: 375, height: 812 };

async function representative(browser: Browser, username: string, meetingPath: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username, { redirectTo: meetingPath });
  await expect(page).toHaveURL(new RegExp(`${meetingPath}$`));
  return { context, page, errors };
}

/** Already checked in: waits for the open vote and votes. */
async function vote(page: Page, choice: "yes" | "no", label: string) {
  await page.reload();
  await expect(page.getByTestId("voting-now")).toBeVisible();
  await tickFor(page, `vote-${choice}`);
  await page.getByTestId(`vote-${choice}`).click();
  await expect(page).toHaveURL(/\?voted=\d+/);
  await expect(page.getByText("投票已记录。")).toBeVisible();
  await expect(page.getByTestId("my-ballot")).toHaveText(`✓ 您已投票:${label}`);
  await expect(page.getByTestId("ballot-form")).toHaveCount(0);
  expect((await hasNoHorizontalScroll(page)).ok).toBe(true);
}

test("convener, a phone and a phone without JavaScript: schedule, table, start, check in, vote, close", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const title = `门禁更换表决 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  // The convener (also on the committee) writes the draft's background in the live editor; the committee freezes it.
  const topic = await frozenTopic(page, baseURL!, { title, background: "单元门禁老化,拟更换为刷卡门禁。" });

  // On a phone: convene a meeting two hours from now; the page warns at once, the confirmation lets it through.
  await page.setViewportSize(PHONE);
  await page.goto("/c/mingyue/meetings");
  const schedule = page.getByTestId("schedule-form");
  await schedule.locator('input[name="title"]').fill(`临时代表会议 ${title}`);
  await schedule.locator('input[name="scheduledAt"]').fill(localAhead(2));
  await schedule.locator('input[name="place"]').fill("社区议事厅");
  await expect(schedule.getByTestId("short-notice")).toContainText("通知期不足议事规则要求的 5 天");
  await schedule.locator('input[name="acceptShortNotice"]').check();
  await schedule.getByRole("button", { name: "召集会议" }).click();
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
  const meetingPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("short-notice-warning")).toBeVisible();

  // Table our topic, start the meeting.
  await page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(String(topic.id));
  await page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
  await expect(page.getByTestId("motion")).toContainText(title);
  await tickFor(page, "start");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);
  expect((await hasNoHorizontalScroll(page)).ok).toBe(true);

  // Two representatives check themselves in: one on a phone, one whose phone runs no JavaScript.
  const phone = await representative(browser, "rep01", meetingPath, true);
  const plain = await representative(browser, "rep02", meetingPath, false);
  await phone.page.getByTestId("check-in").click();
  await expect(phone.page.getByTestId("checked-in")).toBeVisible();
  await plain.page.getByTestId("check-in").click();
  await expect(plain.page.getByTestId("checked-in")).toBeVisible();

  // The convener checks in the others from the roster until the quorum is met, then opens the vote.
  await page.reload();
  const present = page.getByTestId("present");
  for (let i = 0; i < 30 && (await page.getByTestId("quorum").getAttribute("data-met")) === "no"; i++) {
    const before = await present.textContent();
    await page.getByTestId("roster").getByRole("button", { name: /协助登记到会/ }).first().click();
    await expect(present).not.toHaveText(before!);
  }
  await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "yes");
  const presentCount = Number(await present.textContent());
  await expect(page.getByText(/由 召集人 周强 协助登记/).first()).toBeVisible();
  await page.getByTestId("open").click();
  await expect(page.getByTestId("vote-panel")).toBeVisible();

  // Each representative votes; the convener records one hand vote and closes.
  await vote(phone.page, "yes", "同意");
  await vote(plain.page, "no", "反对");
  await page.reload();
  await expect(page.getByTestId("vote-progress")).toHaveText(`已投 2 / 到会 ${presentCount}`);
  await page.getByTestId("proxy-form").locator('select[name="choice"]').selectOption("yes");
  await page.getByTestId("proxy-form").getByRole("checkbox").check();
  await page.getByTestId("proxy-form").getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("vote-progress")).toHaveText(`已投 3 / 到会 ${presentCount}`);
  await tickFor(page, "close");
  await page.getByTestId("close").click();
  const minimum = Math.floor(presentCount / 2) + 1;
  await expect(page.getByTestId("arithmetic")).toHaveText(`到会 ${presentCount} 人,同意 2 人,需至少 ${minimum} 人同意(到会 ${presentCount} 人的过半数) —— 未通过`);
  await expect(page.getByTestId("named-ballots")).toContainText("由 召集人 周强 代为记录");
  expect((await hasNoHorizontalScroll(page)).ok).toBe(true);

  // The representative without JavaScript sees the result too.
  await plain.page.reload();
  await expect(plain.page.getByTestId("count-no")).toHaveText("1");

  for (const { context, errors } of [phone, plain]) {
    expect(errors).toEqual([]);
    await context.close();
  }
});

