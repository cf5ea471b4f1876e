// The street's loop (issue 19), everyone in their own browser, in Chinese, on a server of its own
// (TEST_CLOCK=1, demo data) that the spec starts: demo topic #6 儿童游乐设施更新 came from a 12345
// ticket and is in execution. The committee calls on 住建办 from the topic page (吹哨); 住建办's contact,
// on a phone, finds it in the department's queue, accepts it with a date, reports progress and then
// the result with a photo; the committee sees every answer on the topic's timeline; the street admin
// sees the call answered on time on the dashboard. Then the topic goes to its end: the property
// company reports both tasks done (answering the supervisor's demand), reports completion, the
// supervisor verifies, residents rate, the rating window passes and the topic closes. The public
// board shows the department's response, naming nobody, and the ledger verifies.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { request as playwrightRequest, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { ownServer } from "../fixtures/own-server";
import { makePng } from "../fixtures/propose";
import { STREET_LOOP_PORT } from "../fixtures/ports";

const BASE = `http://localhost:${STREET_LOOP_PORT}`;
test.use({ baseURL: BASE, locale: "zh-CN" });

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const DIR = path.resolve(".e2e/street-loop");
const DATABASE_PATH = path.join(DIR, "street-loop.db");
const env = () => ({ ...process.env, DATABASE_PATH, DEMO_SEED: "1", TEST_CLOCK: "1", LOG_LEVEL: "warn" });
/** A China-time date `days` from now, as a date input sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
const TOPIC = "儿童游乐设施更新";

const server = ownServer({ port: STREET_LOOP_PORT, env, what: "the street-loop server" });

test.beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  await server.start();
});

test.afterAll(() => server.stop());

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  username: string;
}

async function person(browser: Browser, username: string, to: string, viewport?: { width: number; height: number }): Promise<Person> {
  const context = await browser.newContext({ baseURL: BASE, locale: "zh-CN", ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username, { redirectTo: to });
  return { context, page, errors, username };
}

/** Moves the server's clock forward and lets its scheduler act on what fell due. */
async function passTime(ms: number) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  const res = await api.post("/__test/clock", { form: { shiftMs: String(ms) } });
  expect(res.status()).toBe(200);
  await api.dispose();
}

/** The call page's form for one answer (accept, progress, resolve…). */
const formOf = (page: Page, intent: string) => page.getByTestId(`call-form-${intent}`);

test("吹哨 → 部门响应 → the street sees it on time → the topic closes, the board shows the response", async ({ browser }) => {
  test.setTimeout(300_000);
  const people: Person[] = [];
  const join = async (username: string, to: string, viewport?: { width: number; height: number }) => {
    const p = await person(browser, username, to, viewport);
    people.push(p);
    return p;
  };

  // The committee finds demo topic #6 (a 12345 ticket, in execution) and calls on 住建办 about it.
  const committee = await join("committee1", `/c/mingyue?q=${encodeURIComponent(TOPIC)}`);
  await committee.page.getByRole("link", { name: new RegExp(TOPIC) }).first().click();
  await expect(committee.page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
  const topicPath = new URL(committee.page.url()).pathname;
  const send = committee.page.getByTestId("send-call-form");
  await send.locator('select[name="departmentId"]').selectOption({ label: "住建办(须在 48 小时内响应)" });
  await send.locator('textarea[name="ask"]').fill("中心花园滑梯基础锈蚀,请住建办核查结构安全并指导更换。");
  await send.locator('input[name="wantedDate"]').fill(dateAhead(20));
  await send.getByRole("button", { name: "吹哨" }).click();
  const card = committee.page.getByTestId("call-item").filter({ hasText: "住建办" });
  await expect(card.getByTestId("call-state")).toHaveText("待响应");
  await expect(card).toContainText("中心花园滑梯基础锈蚀");

  // 住建办's contact, on a phone: the call is in the department's queue; accept, progress, result.
  const zhujian = await join("zhujian1", "/s/huacheng/calls", PHONE);
  await zhujian.page.getByRole("link", { name: new RegExp(TOPIC) }).first().click();
  await expect(zhujian.page).toHaveURL(/\/s\/huacheng\/calls\/\d+$/);
  const accept = formOf(zhujian.page, "accept");
  await accept.locator('input[type="date"]').fill(dateAhead(10));
  await accept.locator("textarea").fill("已受理,三日内到场核查。");
  await accept.getByRole("button", { name: "接单" }).click();
  await expect(formOf(zhujian.page, "progress")).toBeVisible();
  const progress = formOf(zhujian.page, "progress");
  await progress.locator("textarea").fill("已到场核查,滑梯基础需重新浇筑。");
  await progress.locator('input[name="percent"]').fill("50");
  await progress.getByRole("button", { name: "报告进度" }).click();
  await expect(zhujian.page.locator("main")).toContainText("已到场核查,滑梯基础需重新浇筑。");
  const resolve = formOf(zhujian.page, "resolve");
  await resolve.locator("textarea").fill("滑梯基础已重新浇筑并通过检测,可以安装新滑梯。");
  await resolve.locator('input[type="file"]').setInputFiles({ name: "site.png", mimeType: "image/png", buffer: makePng({ width: 40, height: 30, seed: 19 }) });
  await resolve.getByRole("checkbox").check();
  await resolve.getByRole("button", { name: "报告办结" }).click();
  await expect(zhujian.page.locator("main")).toContainText("滑梯基础已重新浇筑并通过检测");
  expect((await hasNoHorizontalScroll(zhujian.page)).ok).toBe(true);

  // The committee sees every answer on the topic's timeline.
  await committee.page.goto(topicPath);
  const answered = committee.page.getByTestId("call-item").filter({ hasText: "住建办" });
  await expect(answered.getByTestId("call-state")).toHaveText("已办结");
  for (const line of ["部门接单", "已受理,三日内到场核查。", "进度 50%", "滑梯基础已重新浇筑并通过检测"]) await expect(answered).toContainText(line);
  await expect(answered.getByRole("img")).toHaveCount(1);

  // The street admin sees it answered on time.
  const street = await join("street1", "/s/huacheng");
  const recent = street.page.getByTestId("recent-call").filter({ hasText: TOPIC }).filter({ hasText: "住建办" });
  await expect(recent.getByTestId("call-timeliness")).toHaveText("按时响应");

  // The property company finishes both tasks (answering the supervisor's demand on the late one) and reports completion.
  const executionPath = `${topicPath}/execution`;
  const executor = await join("executor1", executionPath);
  // The demo's supervisor demanded an answer on the late floor task: completion waits for it.
  const demand = executor.page.getByTestId("answer-form");
  await expect(demand).toHaveCount(1);
  await demand.locator("textarea").fill("软地垫已到货,本周内铺设完成。");
  await demand.getByRole("button").click();
  await expect(executor.page.getByTestId("answer-form")).toHaveCount(0);
  for (const [task, body] of [["拆除旧滑梯并安装新组合滑梯", "新组合滑梯安装完成并通过验收。"], ["铺设 80 平方米软地垫", "软地垫铺设完成。"]] as const) {
    const form = executor.page.getByTestId("task").filter({ hasText: task }).getByTestId("report-form");
    await form.locator('textarea[name="body"]').fill(body);
    await form.locator('input[name="percent"]').fill("100");
    await form.getByRole("button", { name: "提交报告" }).click();
    await expect(executor.page.getByTestId("task").filter({ hasText: task })).toContainText(body);
  }
  const completed = executor.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/execution"));
  await executor.page.getByTestId("complete-form").getByRole("checkbox").check();
  await executor.page.getByTestId("complete-form").getByRole("button", { name: "报告执行完成" }).click();
  expect((await completed).status()).toBeLessThan(400);
  await committee.page.goto(topicPath);
  await expect(committee.page.getByTestId("topic-state")).toHaveText("待核实与评价");

  // The supervisor verifies on site; residents rate; the window passes and the topic closes.
  const supervisor = await join("supervisor1", "/c/mingyue/supervision");
  const topicId = topicPath.split("/").pop()!;
  const verify = supervisor.page.getByTestId(`verify-form-${topicId}`);
  await verify.locator('textarea[name="notes"]').fill("现场查看:新滑梯安装牢固,软地垫铺设完整。");
  await verify.locator('input[name="verified"][value="yes"]').check();
  await verify.getByRole("button", { name: "提交核实记录" }).click();
  await expect(supervisor.page.getByTestId(`queue-${topicId}`)).toContainText("现场查看:新滑梯安装牢固");
  for (const username of ["resident1", "resident2", "resident3"]) {
    const resident = await join(username, topicPath);
    const form = resident.page.getByTestId("rate-form");
    await form.locator('input[name="rating"][value="satisfied"]').check();
    await form.getByRole("button", { name: "提交评价" }).click();
    await expect(resident.page.getByTestId("rating-mine")).toBeVisible();
  }
  await passTime(31 * DAY);
  await committee.page.goto(topicPath);
  await expect(committee.page.getByTestId("topic-state")).toHaveText("已结项");

  // The public board shows the department's response and evidence, naming nobody.
  const visitor = await browser.newContext({ baseURL: BASE, locale: "zh-CN" });
  const board = await visitor.newPage();
  await board.goto("/c/mingyue/board");
  const response = board.getByTestId("board-call").filter({ hasText: TOPIC });
  await expect(response).toContainText("住建办");
  await expect(response).toContainText("滑梯基础已重新浇筑并通过检测");
  await expect(response.getByTestId("board-call-timeliness")).toHaveText("按时响应");
  await expect(response.getByRole("img")).toHaveCount(1);
  for (const name of ["刘伟", "陈刚", "王敏", "张晓梅", "李建国", "陈芳"]) await expect(board.getByTestId("board-calls")).not.toContainText(name);

  // The 12345 export, as the hotline pulls it with its token, shows the ticket closed with its satisfaction.
  await street.page.goto("/s/huacheng/hotline");
  const tokenForm = street.page.getByTestId("token-form");
  await tokenForm.locator('input[name="label"]').fill("12345 热线平台");
  await tokenForm.getByRole("button").click();
  const token = (await street.page.getByTestId("new-token").textContent())!.trim();
  const hotline = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const csv = await (await hotline.get("/s/huacheng/hotline/export.csv")).text();
  const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  const ticket = rows.find((row) => row[0] === "GZ12345-20261017-0173")!;
  const cell = (name: string) => ticket[header.indexOf(name)];
  expect(cell("办理阶段")).toBe("已结项");
  expect(cell("处理部门")).toContain("住建办");
  expect(cell("满意度")).toBe("100%");
  expect(cell("评价人数")).toBe("3");
  await hotline.dispose();
  await street.page.goto("/s/huacheng/hotline");
  await expect(street.page.getByTestId("hotline-runs")).toContainText("12345 热线平台");

  // Every step is in the community's ledger, and it verifies.
  expect(execFileSync(process.execPath, ["--import", "tsx", "server/cli/ledger-verify.ts", "--community", "mingyue"], { env: env(), encoding: "utf8" })).toContain("intact");

  for (const p of people) expect(p.errors, p.username).toEqual([]);
  for (const p of people) await p.context.close().catch(() => undefined);
  await visitor.close();
});
