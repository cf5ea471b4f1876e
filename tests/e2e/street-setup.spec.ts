// A real street from nothing (issue 18): `npm run setup` makes 花都街道 with 新华社区 and 东风村 and its
// admin on an empty database, no demo; the server starts on it. The admin adds a community in the
// browser, imports a roster CSV and prints the invite letters; 王秀英 joins from her letter on a phone,
// as does 陈明 of the committee; 王秀英 proposes a topic; 陈明 records, by phone, the co-sign of 李建国,
// who has no phone and no account. The co-sign counts, is marked 代录(电话), and the ledger verifies.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { ownServer } from "../fixtures/own-server";
import { STREET_PORT } from "../fixtures/ports";

const BASE = `http://localhost:${STREET_PORT}`;
test.use({ baseURL: BASE });

const PHONE = { width: 390, height: 844 };
const DIR = path.resolve(".e2e/street");
const DATABASE_PATH = path.join(DIR, "street.db");
const ADMIN_PASSWORD = "huadu-admin-2026";
const env = () => ({ ...process.env, DATABASE_PATH, DEMO_SEED: "0", LOG_LEVEL: "warn" });
const tsx = (script: string, args: string[], extra: Record<string, string> = {}) =>
  execFileSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...env(), ...extra }, encoding: "utf8" });

const ROSTER = [
  "姓名,电话,社区,角色,户号或小组",
  "王秀英,13800000001,xinhua,居民,3号楼201",
  "李建国,,xinhua,居民,3号楼502",
  "陈明,13800000003,xinhua,议事会、居委会成员,",
  "赵强,13800000004,dongfeng,村民代表,第二村民小组",
].join("\n");

const server = ownServer({ port: STREET_PORT, env, what: "the server on the set-up database" });

test.beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const made = tsx("server/cli/setup.ts", ["--street", "huadu", "--street-name", "花都街道", "--community", "xinhua:新华社区:urban", "--community", "dongfeng:东风村:village", "--admin", "admin1"], { SETUP_ADMIN_PASSWORD: ADMIN_PASSWORD });
  expect(made).toContain("花都街道");
  await server.start();
});

test.afterAll(() => server.stop());

/** Opens `/join?code=…` as scanning the letter's QR code does, and claims the account with a chosen username. */
async function joinFromLetter(browser: Browser, code: string, name: string, username: string) {
  const context = await browser.newContext({ baseURL: BASE, viewport: PHONE });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`/join?code=${encodeURIComponent(code)}`);
  await expect(page.getByTestId("letter-welcome")).toContainText(name);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(`${username}-pass-2026`);
  await page.getByLabel("确认密码").fill(`${username}-pass-2026`);
  await page.getByRole("button", { name: "设置并加入" }).click();
  await expect(page).toHaveURL(/\/c\/xinhua$/);
  await expect(page.getByTestId("current-user")).toContainText(name);
  expect((await hasNoHorizontalScroll(page)).ok).toBe(true);
  return { context, page, errors };
}

test("a street admin sets up a street from nothing, brings its people in by roster and letters, and staff record a co-sign by phone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const adminErrors = watchPageErrors(page);

  // The admin signs in with the password chosen at setup: no demo banner, the street's own pages.
  await login(page, "admin1", { password: ADMIN_PASSWORD, redirectTo: "/s/huadu/communities" });
  await expect(page.locator("body")).not.toContainText("演示数据");
  await expect(page.locator("main")).toContainText("新华社区");
  await expect(page.locator("main")).toContainText("东风村");

  // A third community, added in the browser.
  const add = page.locator("form", { has: page.locator('input[name="intent"][value="add"]') });
  await add.locator('input[name="slug"]').fill("nanhu");
  await add.locator('input[name="nameZh"]').fill("南湖社区");
  await add.locator('input[name="nameEn"]').fill("Nanhu Community");
  await add.getByRole("button", { name: "新增社区" }).click();
  await expect(page.locator("main ul").first()).toContainText("南湖社区");

  // The roster: four people in two communities, one CSV.
  await page.goto("/s/huadu/roster");
  await page.locator('input[type="file"][name="file"]').setInputFiles({ name: "花都街道名册.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER, "utf8") });
  await page.getByTestId("roster-import-submit").click();
  await expect(page.getByTestId("roster-imported")).toContainText("已导入 4 人");
  await expect(page.getByTestId("roster-list")).toContainText("李建国");

  // The letters: one per person, each with its QR code and code.
  await page.getByLabel(/重新生成后,这些人之前打印的邀请信上的邀请码将作废/).check();
  await page.getByTestId("roster-letters-submit").click();
  const letters = page.getByTestId("invite-letter");
  await expect(letters).toHaveCount(4);
  for (const letter of await letters.all()) await expect(letter.getByTestId("letter-qr").locator("svg")).toBeVisible();
  const codeOf = (name: string) => letters.filter({ hasText: name }).getByTestId("letter-code").innerText();
  const wangCode = (await codeOf("王秀英")).trim();
  const chenCode = (await codeOf("陈明")).trim();
  expect(adminErrors).toEqual([]);

  // 王秀英 joins from her letter on her phone and proposes a topic.
  const wang = await joinFromLetter(browser, wangCode, "王秀英", "wangxy");
  await wang.page.goto("/c/xinhua/topics/new");
  await wang.page.locator('input[name="title"]').fill("3号楼电梯经常停运");
  await wang.page.locator('textarea[name="description"]').fill("3号楼电梯这个月停了四次,楼上的老人下不了楼。");
  await wang.page.locator('select[name="category"]').selectOption("facilities");
  await wang.page.getByTestId("submit-topic").click();
  await expect(wang.page).toHaveURL(/\/c\/xinhua\/topics\/\d+$/);
  const topicPath = new URL(wang.page.url()).pathname;

  // 陈明 of the committee joins from his letter, then records 李建国's co-sign: he phoned in.
  const chen = await joinFromLetter(browser, chenCode, "陈明", "chenming");
  await chen.page.goto("/c/xinhua/assist");
  const form = chen.page.getByTestId("assist-form-cosign");
  // 李建国 has no account of his own yet (未激活): the roster made one he has not claimed.
  const li = form.locator('select[name="personId"] option', { hasText: "李建国" });
  await expect(li).toHaveText(/未激活/);
  await form.locator('select[name="personId"]').selectOption((await li.getAttribute("value"))!);
  const topicValue = await form.locator("option", { hasText: "3号楼电梯经常停运" }).getAttribute("value");
  await form.locator('select[name="topicId"]').selectOption(topicValue!);
  await form.getByLabel("电话").check();
  await form.getByLabel(/我确认:以上事项是该居民本人要求代为办理的/).check();
  await form.getByRole("button", { name: "代录" }).click();
  await expect(chen.page.getByText("已代录。")).toBeVisible();
  expect((await hasNoHorizontalScroll(chen.page)).ok).toBe(true);

  // The co-sign counts as 李建国's own and says who recorded it, and how.
  await wang.page.goto(topicPath);
  await expect(wang.page.getByTestId("cosigners")).toContainText("李建国");
  await expect(wang.page.getByTestId("cosigners")).toContainText(/陈明代录\(电话\)/);
  expect(wang.errors).toEqual([]);
  expect(chen.errors).toEqual([]);
  await wang.context.close();
  await chen.context.close();

  // The letter's code worked once: a second claim with it is refused.
  const again = await browser.newContext({ baseURL: BASE, viewport: PHONE });
  const second = await again.newPage();
  await second.goto(`/join?code=${encodeURIComponent(wangCode)}`);
  await expect(second.getByTestId("letter-welcome")).toHaveCount(0);
  await again.close();

  // Every step is in the street's ledgers, and they verify.
  for (const community of ["xinhua", "dongfeng", "nanhu"]) expect(tsx("server/cli/ledger-verify.ts", ["--community", community])).toContain("intact");
});
