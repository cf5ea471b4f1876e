// 代录 on a phone (rep11 proposes the topic; rep14, whom no other spec on this server signs in as, is the resident): committee1 records a co-sign by phone for rep14 on a topic collecting co-signs;
// rep14 signs in, is told on the hall, sees the co-sign marked "由议事会 刘伟代录(电话)" on the
// topic page and withdraws it, and the co-sign is gone.
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";

const PHONE = { width: 390, height: 844 };

test("committee1 records a co-sign by phone for rep14, who sees it marked and withdraws it", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  const title = `楼道灯不亮 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;

  // rep11 proposes a topic: it collects co-signs (not resident1, whose own topics other specs filter for).
  await login(page, "rep11", { redirectTo: "/c/mingyue/topics/new" });
  await page.locator('input[name="title"]').fill(title);
  await page.locator('textarea[name="description"]').fill("3号楼2单元楼道灯坏了一个月,老人晚上出门不方便。");
  await page.locator('select[name="category"]').selectOption("facilities");
  await page.getByTestId("submit-topic").click();
  await expect(page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
  const topicPath = new URL(page.url()).pathname;

  // committee1, on a phone, records rep14's co-sign: asked by phone.
  const staff = await browser.newContext({ viewport: PHONE });
  const phone = await staff.newPage();
  const staffErrors = watchPageErrors(phone);
  await login(phone, "committee1", { redirectTo: "/c/mingyue/assist" });
  const form = phone.getByTestId("assist-form-cosign");
  await form.locator('select[name="personId"]').selectOption({ label: "代表14" });
  const topicValue = await form.locator("option", { hasText: title }).getAttribute("value");
  await form.locator('select[name="topicId"]').selectOption(topicValue!);
  await form.getByLabel("电话").check();
  await form.getByLabel(/我确认:以上事项是该居民本人要求代为办理的/).check();
  await form.getByRole("button", { name: "代录" }).click();
  await expect(phone.getByText("已代录。")).toBeVisible();
  await expect(phone.getByTestId("assist-recent")).toContainText(title);
  if (process.env.ASSIST_SHOTS) await phone.screenshot({ path: `${process.env.ASSIST_SHOTS}/assist-staff.png`, fullPage: true });
  expect((await hasNoHorizontalScroll(phone)).ok).toBe(true);
  expect(staffErrors).toEqual([]);
  await staff.close();

  // rep14 signs in on a phone: the hall tells them, the topic page marks the co-sign.
  const own = await browser.newContext({ viewport: PHONE });
  const resident = await own.newPage();
  const errors = watchPageErrors(resident);
  await login(resident, "rep14", { redirectTo: "/c/mingyue" });
  const notice = resident.getByTestId("assist-notice");
  await expect(notice).toContainText(title);
  await expect(notice).toContainText("由议事会 刘伟代录(电话)");
  if (process.env.ASSIST_SHOTS) await resident.screenshot({ path: `${process.env.ASSIST_SHOTS}/assist-hall.png` });
  expect((await hasNoHorizontalScroll(resident)).ok).toBe(true);
  await resident.goto(topicPath);
  await expect(resident.getByTestId("cosigners")).toContainText("代表14");
  await expect(resident.getByTestId("cosigners")).toContainText("由议事会 刘伟代录(电话)");

  // They withdraw it: the co-sign is gone, the act says withdrawn.
  await resident.goto("/c/mingyue/assist");
  const item = resident.getByTestId("assist-mine").locator("li", { hasText: title });
  await item.getByLabel(/我确认撤回这项代录/).check();
  await item.getByRole("button", { name: "撤回" }).click();
  await expect(resident.getByText("已撤回。")).toBeVisible();
  await expect(resident.getByTestId("assist-mine").locator("li", { hasText: title })).toContainText("已撤回");
  expect((await hasNoHorizontalScroll(resident)).ok).toBe(true);
  await resident.goto(topicPath);
  await expect(resident.locator("main")).not.toContainText("由议事会 刘伟代录(电话)");
  expect(errors).toEqual([]);
  await own.close();
});
