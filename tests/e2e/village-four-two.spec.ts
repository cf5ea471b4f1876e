// 四议两公开 in 石榴村, on a server of its own whose clock the test moves (TEST_CLOCK=1): a matter of
// 村集体资金使用 (marked 四议两公开 and 重要事项) goes through the party branch's proposal, the two
// committees' conference and the party members' meeting, each recorded on the topic by whoever holds
// that step; the committee freezes the text; the convener calls a 村民会议 counting households; staff
// check households in at the door from the register (26 of 40 is short of two thirds, 27 is enough);
// the tellers' count passes it; the board shows 决议公开; the 公示 period passes, the village's builders
// report the work done and the committee publishes 实施结果公开. The timeline tells all four
// deliberations and both publications; the ledger verifies.
import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { writeDraft } from "../fixtures/draft-socket";
import { localAhead, tickFor } from "../fixtures/meeting";
import { makePng } from "../fixtures/propose";
import { VILLAGE_PORT } from "../fixtures/ports";

const BASE = `http://localhost:${VILLAGE_PORT}`;
test.use({ baseURL: BASE });

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const dateAhead = (days: number) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

async function person(browser: Browser, username: string, path: string, viewport = PHONE) {
  const context = await browser.newContext({ baseURL: BASE, viewport });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username, { redirectTo: path });
  return { context, page, errors };
}

/** As 村两委 孙红 over HTTP: files the matter in 村集体资金使用, accepts it, drafts it and records its consultation; the freeze is left to the caller. */
async function consultedVillageTopic(title: string) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  expect((await api.post("/login", { form: { username: "vcommittee1", password: "demo1234", redirectTo: "/" }, maxRedirects: 0 })).status()).toBe(302);
  const created = await api.post("/c/shiliu/topics/new", { multipart: { title, description: "村南机耕路年久失修,拟用集体资金硬化。", location: "村南", category: "collective-funds", fileAs: "committee" }, maxRedirects: 0 });
  expect(created.status(), (await created.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 1500)).toBe(302);
  const path = new URL(created.headers().location, BASE).pathname;
  const id = Number(path.split("/").pop());
  expect((await api.post(path, { form: { intent: "move", action: "accept", confirm: "on" }, maxRedirects: 0 })).status(), "accept").toBe(302);
  await writeDraft(api, BASE, id, "动用村集体资金八万元硬化村南机耕路一点二公里。");
  await expect.poll(async () => (await api.post(path, { form: { intent: "move", action: "startConsultation" }, maxRedirects: 0 })).status(), { message: "startConsultation" }).toBe(302);
  const meeting = { intent: "meeting", heldAt: localAhead(0).slice(0, 10), place: "村委会议室", participants: "村民代表\n村民小组长", opinions: "同意硬化方案。", minutes: "会议同意按草案推进。" };
  expect((await api.post(`${path}/consultation`, { form: meeting, maxRedirects: 0 })).status(), "consultation meeting").toBe(302);
  const freeze = async () => expect((await api.post(`${path}/consultation`, { form: { intent: "freeze", confirm: "on" }, maxRedirects: 0 })).status(), "freeze").toBe(302);
  return { id, path, freeze, dispose: () => api.dispose() };
}

/** Records the topic's next deliberation in the 四议两公开 card, as the signed-in holder of that step. */
async function recordStep(page: Page, path: string, step: string, { body, expected, attended }: { body: string; expected: number; attended: number }) {
  await page.goto(path);
  const card = page.getByTestId("four-two");
  await expect(card).toHaveAttribute("data-next", step);
  const form = card.getByTestId("four-two-form");
  await form.locator('input[name="body"]').fill(body);
  await form.locator('input[name="expected"]').fill(String(expected));
  await form.locator('input[name="attended"]').fill(String(attended));
  await form.locator('textarea[name="minutes"]').fill(`${body}:同意硬化村南机耕路,资金从村集体经济收入中列支。`);
  await form.getByRole("button", { name: "记录本项审议" }).click();
  await expect(card.locator(`[data-testid="four-two-step"][data-step="${step}"]`)).toHaveAttribute("data-outcome", "agreed");
}

async function passTime(ms: number) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  expect((await api.post("/__test/clock", { form: { shiftMs: String(ms) } })).status()).toBe(200);
  await api.dispose();
}

test("四议两公开 in 石榴村: three deliberations, a 村民会议 checked in by households at the door, the count, both publications", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `村南机耕路硬化 ${Date.now().toString(36).slice(-6)}`;
  const topic = await consultedVillageTopic(title);

  // 四议 1–3, each by the role that holds it, on phones: the party branch proposes, the two committees
  // confer, the party members' meeting reviews. Until then the card says which step is next.
  const party = await person(browser, "vparty1", topic.path);
  await recordStep(party.page, topic.path, "partyProposal", { body: "村党支部委员会", expected: 5, attended: 5 });
  const committee = await person(browser, "vcommittee1", topic.path);
  await recordStep(committee.page, topic.path, "twoCommittees", { body: "村两委联席会议", expected: 7, attended: 7 });
  await recordStep(party.page, topic.path, "partyMembers", { body: "村党员大会", expected: 32, attended: 29 });
  await expect(party.page.getByTestId("four-two")).toHaveAttribute("data-next", "none");
  await topic.freeze();
  await topic.dispose();

  // 四议 4: the convener calls a 村民会议 counting households (two hours ahead: the law's 10 days of
  // notice are asked, and going ahead is confirmed), tables the matter and opens the session.
  const convener = await person(browser, "vconvener1", "/c/shiliu/meetings");
  const schedule = convener.page.getByTestId("schedule-form");
  await schedule.getByTestId("schedule-body").getByLabel("村民会议", { exact: true }).check();
  await schedule.getByTestId("schedule-count-by").getByLabel(/按户计/).check();
  await schedule.locator('input[name="title"]').fill("村民会议(集体资金使用)");
  await schedule.locator('input[name="scheduledAt"]').fill(localAhead(2));
  await schedule.locator('input[name="place"]').fill("村文化广场");
  await expect(schedule.getByTestId("short-notice")).toContainText("10 天");
  await schedule.locator('input[name="acceptShortNotice"]').check();
  await schedule.getByRole("button", { name: "召集会议" }).click();
  await expect(convener.page).toHaveURL(/\/c\/shiliu\/meetings\/\d+$/);
  const meetingPath = new URL(convener.page.url()).pathname;
  await convener.page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(String(topic.id));
  await convener.page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
  await tickFor(convener.page, "start");
  await convener.page.getByTestId("start").click();
  await expect(convener.page.getByTestId("meeting-status")).toHaveText(/进行中/);
  await expect(convener.page.getByTestId("assembly-members")).toHaveText("40");

  // The door: 26 households over the door's own form (as staff tap through them), then the vote is refused.
  const door = `${meetingPath}/door`;
  for (let n = 1; n <= 26; n++) {
    const html = await (await convener.page.request.get(`${door}?q=SL-${String(n).padStart(3, "0")}`)).text();
    const rollId = /name="rollId" value="(\d+)"/.exec(html)![1];
    // Who came for the household: the member the form offers first (its representative), when it offers a choice.
    const memberId = /name="memberId"[^>]*value="(\d+)"/.exec(html)?.[1];
    const form = { intent: "doorCheckIn", rollId, ...(memberId ? { memberId } : {}) };
    expect((await convener.page.request.post(door, { form, headers: { Origin: BASE }, maxRedirects: 0 })).status()).toBe(302);
  }
  await convener.page.goto(meetingPath);
  await expect(convener.page.getByTestId("assembly-present")).toHaveText("26");
  await convener.page.getByTestId("open").click();
  await expect(convener.page.getByText(/到会人数未达到/)).toBeVisible();
  // The 27th household at the door, on the phone: found by its code, the representative checked in.
  await convener.page.goto(door);
  await convener.page.getByRole("searchbox").fill("SL-027");
  await convener.page.getByRole("button", { name: "查找" }).click();
  await expect(convener.page).toHaveURL(/q=SL-027/);
  await expect(convener.page.getByTestId("door-seat")).toHaveCount(1);
  await convener.page.getByTestId("door-seat").getByTestId("door-check-in").click();
  await expect(convener.page.getByText("已签到。")).toBeVisible();
  await expect(convener.page.getByTestId("assembly-present")).toHaveText("27");

  // The vote by show of hands: the tellers' count is recorded (ticked), more than half of 27 agree.
  await convener.page.goto(meetingPath);
  await convener.page.getByTestId("open").click();
  const count = convener.page.getByTestId("count-form");
  await count.locator('input[name="yes"]').fill("21");
  await count.locator('input[name="no"]').fill("4");
  await count.locator('input[name="abstain"]').fill("2");
  await count.locator('input[name="countedBy"]').fill("计票人 何梅,监票人 冯刚");
  await count.locator('input[name="confirm"]').check();
  await count.getByRole("button", { name: "登记结果并结束表决" }).click();
  await expect(convener.page.getByTestId("arithmetic")).toContainText("通过");

  // 决议公开 on the public board, signed out; no name of the register on it.
  const visitor = await browser.newContext({ baseURL: BASE, viewport: PHONE });
  const board = await visitor.newPage();
  await board.goto("/c/shiliu/board");
  const decided = board.locator('[data-testid="board-publication"][data-four-two]').filter({ hasText: title });
  await expect(decided).toContainText("决议公开");

  // 公示 for 15 days and more; then the builders do the work and the committee publishes 实施结果公开.
  await passTime(16 * DAY);
  await committee.page.goto("/c/shiliu/units");
  const unit = committee.page.getByTestId("unit-form");
  await unit.locator('input[name="name"]').fill("石榴村建设队");
  await unit.locator('select[name="kind"]').selectOption("contractor");
  await unit.getByLabel(/vexecutor1/).check();
  await unit.getByRole("button", { name: "登记单位" }).click();
  await expect(committee.page.getByTestId("unit-list")).toContainText("石榴村建设队");
  const executionPath = `${topic.path}/execution`;
  await committee.page.goto(executionPath);
  const task = committee.page.getByTestId("task-form");
  await task.locator('input[name="title"]').fill("硬化村南机耕路");
  await task.locator('select[name="unitId"]').selectOption({ label: "石榴村建设队" });
  await task.locator('input[name="dueDate"]').fill(dateAhead(40));
  await task.getByRole("button", { name: "添加任务" }).click();
  await expect(committee.page.getByTestId("task")).toContainText("石榴村建设队");
  const builder = await person(browser, "vexecutor1", executionPath);
  const report = builder.page.getByTestId("report-form");
  await report.locator('textarea[name="body"]').fill("一点二公里路面硬化完成,已清理现场。");
  await report.locator('input[name="percent"]').fill("100");
  await report.locator('input[type="file"]').setInputFiles({ name: "road.png", mimeType: "image/png", buffer: makePng({ width: 40, height: 30, seed: 17 }) });
  await report.getByRole("button", { name: "提交报告" }).click();
  await expect(builder.page.getByTestId("report").first()).toContainText("一点二公里");
  const completed = builder.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/execution"));
  await builder.page.getByTestId("complete-form").getByRole("checkbox").check();
  await builder.page.getByTestId("complete-form").getByRole("button", { name: "报告执行完成" }).click();
  expect((await completed).status()).toBeLessThan(400);
  await committee.page.goto(executionPath);
  await committee.page.getByTestId("publish-form").locator("textarea").fill("村南机耕路一点二公里已硬化,用款七万六千元。");
  await committee.page.getByTestId("publish-form").getByRole("button", { name: "公布结果" }).click();
  await expect(committee.page.getByTestId("result")).toContainText("村南机耕路");
  await board.goto("/c/shiliu/board");
  await expect(board.locator('[data-testid="board-publication"][data-four-two]').filter({ hasText: title })).toHaveCount(2);
  await expect(board.locator('[data-testid="board-publication"][data-four-two]').filter({ hasText: "实施结果公开" }).filter({ hasText: title })).toHaveCount(1);
  await expect(board.locator("main")).not.toContainText("户主");

  // The topic's timeline: the four deliberations and the two publications where they happened; the ledger verifies.
  await party.page.goto(topic.path);
  const card = party.page.getByTestId("four-two");
  for (const words of ["党组织提议", "两委", "党员大会审议", "决议公开", "实施结果公开"]) await expect(card).toContainText(words);
  await convener.page.goto("/c/shiliu/ledger");
  await expect(convener.page.getByTestId("ledger-verdict")).toContainText("台账完整");

  for (const p of [party, committee, convener, builder]) expect(p.errors).toEqual([]);
  for (const p of [party, committee, convener, builder]) await p.context.close();
  await visitor.close();
});
