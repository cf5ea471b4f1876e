// The assembly's door on phones (issue 17, part 2): the convener calls a 居民会议 counting households
// (short notice, confirmed), tables a topic of our own and opens the session, which takes the roll
// from the register; at the door the convener finds a household by its code and checks in the adult
// who came for it, and a committee member whose phone runs no JavaScript checks in another; the
// projector counts both, names nobody and cites the article.
import type { Page } from "@playwright/test";
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { frozenTopic, localAhead, tickFor } from "../fixtures/meeting";

const PHONE = { width: 375, height: 812 };

/** Two households of our own in 明月社区's register, imported by the committee as a CSV (the register's own way in, with its ledger entries). */
async function addRegister(page: Page, baseURL: string, run: string) {
  const csv = `户号,地址,小组,姓名,出生日期,户代表\r\nD${run}-1,,第九居民小组,户主甲${run},1970-01-01,是\r\nD${run}-1,,第九居民小组,家人乙${run},1975-01-01,否\r\nD${run}-2,,第九居民小组,户主丙${run},1968-01-01,是\r\n`;
  const res = await page.request.post("/c/mingyue/register", { headers: { Origin: baseURL }, multipart: { intent: "import", file: { name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } } });
  expect(res.status(), await res.text()).toBe(200);
}

test("the door on phones: find a household, check in who came for it, with and without JavaScript; the screen counts", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const run = `${testInfo.workerIndex}${Date.now().toString(36).slice(-5)}`;
  const title = `居民会议门口签到 ${run}`;
  const topic = await frozenTopic(page, baseURL!, { title, background: "居民会议表决测试:方案见草案。" });
  await addRegister(page, baseURL!, run);

  // On a phone: call a 居民会议 counting households, two hours from now: 10 days' notice is asked, the confirmation lets it through.
  await page.setViewportSize(PHONE);
  await page.goto("/c/mingyue/meetings");
  const schedule = page.getByTestId("schedule-form");
  await schedule.getByTestId("schedule-body").getByLabel("居民会议", { exact: true }).check();
  await schedule.getByTestId("schedule-count-by").getByLabel(/按户计/).check();
  await schedule.locator('input[name="title"]').fill(`居民会议 ${title}`);
  await schedule.locator('input[name="scheduledAt"]').fill(localAhead(2));
  await schedule.locator('input[name="place"]').fill("社区广场");
  await expect(schedule.getByTestId("short-notice")).toContainText("10 天");
  await schedule.locator('input[name="acceptShortNotice"]').check();
  await schedule.getByRole("button", { name: "召集会议" }).click();
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
  const meetingPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("meeting-body")).toContainText("按户计");

  await page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(String(topic.id));
  await page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
  await tickFor(page, "start");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("meeting-status")).toHaveText(/进行中/);
  await expect(page.getByTestId("assembly-members")).toHaveText("2");

  // The door: search by household code, pick who came (the representative is chosen by default), check in.
  await page.getByTestId("door-link").click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}/door$`));
  await page.getByRole("searchbox").fill(`D${run}-1`);
  await page.getByRole("button", { name: "查找" }).click();
  const seat = page.getByTestId("door-seat");
  await expect(seat).toHaveCount(1);
  await expect(seat.getByLabel(new RegExp(`户主甲${run}`))).toBeChecked();
  await seat.getByLabel(`家人乙${run}`).check();
  await seat.getByTestId("door-check-in").click();
  await expect(page.getByText("已签到。")).toBeVisible();
  await expect(page.getByTestId("assembly-present")).toHaveText("1");
  await expect(page.getByTestId("door-seat")).toContainText(`家人乙${run}`);
  expect((await hasNoHorizontalScroll(page)).ok).toBe(true);

  // A committee member's phone without JavaScript: the same forms work.
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const plain = await context.newPage();
  const errors = watchPageErrors(plain);
  await login(plain, "committee1", { redirectTo: `${meetingPath}/door?q=${encodeURIComponent(`户主丙${run}`)}` });
  await plain.getByTestId("door-seat").getByTestId("door-check-in").click();
  await expect(plain.getByText("已签到。")).toBeVisible();
  await expect(plain.getByTestId("assembly-present")).toHaveText("2");
  await expect(plain.getByTestId("assembly-quorum")).toHaveAttribute("data-met", "yes");
  expect(errors).toEqual([]);
  await context.close();

  // The projector: counts, the count mode and the article; no names of the register.
  await page.goto(`${meetingPath}/screen`);
  await expect(page.getByTestId("screen-present")).toHaveText("2");
  await expect(page.getByTestId("screen-assembly")).toContainText("按户计");
  await expect(page.getByTestId("screen-assembly")).toContainText("居委会组织法第二十七条");
  await expect(page.getByTestId("meeting-screen")).not.toContainText(`户主甲${run}`);
  await expect(page.getByTestId("meeting-screen")).not.toContainText(`家人乙${run}`);
});
