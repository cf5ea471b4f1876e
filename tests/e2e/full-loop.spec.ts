// The whole loop of the 116 method for one topic, everyone in their own browser, on a server of its
// own whose clock the test moves forward (TEST_CLOCK=1) instead of waiting: a resident proposes, two
// co-signers co-sign (the rest of the rules' ten arrive over HTTP), the committee accepts, two
// committee members co-edit the draft live; the committee opens a solicitation, two residents answer it
// in their browsers, the committee closes it and publishes the summary, then freezes the text (ticked,
// the step gates ask for a consultation outcome first); the convener's first meeting ends as 流会 with
// nobody present, and at the second enough representatives check in and vote, the resolution is published and its 公示 period passes;
// the committee plans execution, the unit reports, completion is reported; the supervisor verifies
// on site, residents rate, the rating window passes and the topic is closed (结项). The ledger
// verifies at the end and the public board shows it all.
import { request as playwrightRequest, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, login, test, watchPageErrors } from "../fixtures/app";
import { localAhead, tickFor } from "../fixtures/meeting";
import { makePng } from "../fixtures/propose";
import { LOOP_PORT } from "../fixtures/ports";
import { cosignButton, cosignProgress } from "../fixtures/topic";

const BASE = `http://localhost:${LOOP_PORT}`;
test.use({ baseURL: BASE });

const DAY = 86_400_000;
/** China-time date `days` from now, as a date input sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
const REPS = ["rep01", "rep02", "rep03", "rep04", "rep05", "rep06", "rep07", "rep08"] as const;

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  username: string;
}

async function person(browser: Browser, username: string, path: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username, { redirectTo: path });
  return { context, page, errors, username };
}

/** Moves the loop server's clock forward and lets its scheduler act on what fell due. */
async function passTime(ms: number) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  const res = await api.post("/__test/clock", { form: { shiftMs: String(ms) } });
  expect(res.status()).toBe(200);
  await api.dispose();
}

async function cosignOverHttp(username: string, path: string) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  expect((await api.post("/login", { form: { username, password: "demo1234", redirectTo: "/" }, maxRedirects: 0 })).status()).toBe(302);
  expect((await api.post(path, { form: { intent: "cosign" }, maxRedirects: 0 })).status(), `co-sign by ${username}`).toBe(302);
  await api.dispose();
}

test("one topic through all six stages: propose → … → closed, the ledger verifies and the board shows it", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `中心花园健身步道修缮 ${Date.now().toString(36).slice(-6)}`;
  const people: Person[] = [];
  const join = async (username: string, path: string) => {
    const p = await person(browser, username, path);
    people.push(p);
    return p;
  };

  // 1 议题收集: resident1 proposes; two co-signers co-sign in their browsers, eight more over HTTP.
  const proposer = await join("resident1", "/c/mingyue/topics/new");
  await proposer.page.locator('input[name="title"]').fill(title);
  await proposer.page.locator('textarea[name="description"]').fill("步道砖块松动,老人晨练易绊倒。");
  await proposer.page.locator('select[name="category"]').selectOption("facilities");
  await proposer.page.locator('input[name="location"]').fill("中心花园");
  await proposer.page.getByTestId("submit-topic").click();
  await expect(proposer.page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
  const topicPath = new URL(proposer.page.url()).pathname;
  for (const username of ["resident2", "resident3"]) {
    const cosigner = await join(username, topicPath);
    await cosignButton(cosigner.page).click();
    await expect(cosignProgress(cosigner.page)).toContainText("/ 10");
  }
  for (const username of ["rep08", "rep09", "rep10", "rep11", "rep12", "rep13", "rep14", "rep15"]) await cosignOverHttp(username, topicPath);
  await proposer.page.reload();
  await expect(proposer.page.getByTestId("topic-state")).toHaveText("待居委会受理");

  // The committee accepts it into deliberation.
  const committee1 = await join("committee1", topicPath);
  await committee1.page.getByTestId("move-accept").getByRole("checkbox").check();
  await committee1.page.getByTestId("move-accept").getByRole("button").click();
  await expect(committee1.page.getByTestId("topic-state")).not.toHaveText("待居委会受理");

  // 2 酝酿: two committee members write the draft together, live.
  const draftPath = `${topicPath}/draft`;
  await committee1.page.goto(draftPath);
  const committee2 = await join("committee2", draftPath);
  const editor1 = committee1.page.getByTestId("draft-editor");
  const editor2 = committee2.page.getByTestId("draft-editor");
  await editor1.locator("p").first().click();
  await committee1.page.keyboard.type("步道砖块松动约四十处。");
  await expect(editor2).toContainText("步道砖块松动约四十处。");
  await editor2.locator("p").nth(1).click();
  await committee2.page.keyboard.type("更换为透水砖,全长两百米。");
  await expect(editor1).toContainText("更换为透水砖,全长两百米。");
  await expect(committee1.page.getByTestId("draft-status")).toHaveAttribute("data-status", "saved");
  await expect(committee2.page.getByTestId("draft-status")).toHaveAttribute("data-status", "saved");

  // 3 协商: to consultation; a solicitation two residents answer; closed and summarised; then the freeze.
  await committee1.page.goto(topicPath);
  await committee1.page.getByTestId("move-startConsultation").getByRole("button").click();
  // The move has landed (its button is gone) before the consultation page is opened.
  await expect(committee1.page.getByTestId("move-startConsultation")).toHaveCount(0);
  const consultationPath = `${topicPath}/consultation`;
  await committee1.page.goto(consultationPath);
  await expect(committee1.page.getByTestId("freeze")).toBeDisabled();
  const open = committee1.page.getByTestId("open-form");
  await open.locator('textarea[name="question"]').fill("是否同意将步道更换为透水砖?");
  await open.locator('input[name="deadline"]').fill(dateAhead(7));
  await open.getByRole("button").click();
  await expect(committee1.page.getByTestId("solicitation")).toBeVisible();
  for (const [username, stance] of [["resident2", "support"], ["resident3", "supportWithChanges"]] as const) {
    const resident = people.find((p) => p.username === username)!;
    await resident.page.goto(consultationPath);
    const form = resident.page.getByTestId("answer-form");
    await form.locator('select[name="stance"]').selectOption(stance);
    await form.getByRole("button").click();
    await expect(resident.page.getByText("您的意见已记录。")).toBeVisible();
  }
  await committee1.page.reload();
  await committee1.page.getByRole("button", { name: "提前结束征求意见" }).click();
  await expect(committee1.page.getByRole("button", { name: "提前结束征求意见" })).toHaveCount(0);
  await committee1.page.getByRole("button", { name: "将结果附到议题" }).click();
  await expect(committee1.page.getByText("结果已附到议题的评论中。")).toBeVisible();
  await committee1.page.getByTestId("freeze-form").getByRole("checkbox").check();
  await committee1.page.getByTestId("freeze").click();
  await expect(committee1.page).toHaveURL(new RegExp(`${topicPath}#frozen$`));

  // 4 决策: the convener calls a meeting with the topic on its agenda, opens it (before its announced
  // time: ticked) and, nobody having come, ends it (ticked): 流会. The motion lapses, not voted, and the
  // topic waits for the next meeting, where eight representatives check in and vote in their browsers.
  const convener = await join("convener1", "/c/mingyue/meetings");
  const scheduleWithTopic = async (meetingTitle: string) => {
    await convener.page.goto("/c/mingyue/meetings");
    const schedule = convener.page.getByTestId("schedule-form");
    await schedule.locator('input[name="title"]').fill(meetingTitle);
    await schedule.locator('input[name="scheduledAt"]').fill(localAhead(2));
    await schedule.locator('input[name="place"]').fill("社区议事厅");
    await schedule.locator('input[name="acceptShortNotice"]').check();
    await schedule.getByRole("button", { name: "召集会议" }).click();
    await expect(convener.page).toHaveURL(/\/c\/mingyue\/meetings\/\d+$/);
    await convener.page.getByTestId("table-form").locator('select[name="topicId"]').selectOption(topicPath.split("/").pop()!);
    await convener.page.getByTestId("table-form").getByRole("button", { name: "列入议程" }).click();
    await expect(convener.page.getByTestId("motion")).toContainText(title);
    await tickFor(convener.page, "start");
    await convener.page.getByTestId("start").click();
    await expect(convener.page.getByTestId("meeting-status")).toHaveText(/进行中/);
    return new URL(convener.page.url()).pathname;
  };
  await scheduleWithTopic("健身步道专题代表会议(首次)");
  await expect(convener.page.getByTestId("present")).toHaveText("0");
  await tickFor(convener.page, "end");
  await convener.page.getByTestId("end").click();
  await expect(convener.page.getByTestId("meeting-status")).toHaveText("流会");
  await expect(convener.page.getByTestId("motion-status")).toHaveText("未付表决");
  await proposer.page.goto(topicPath);
  await expect(proposer.page.getByTestId("topic-state")).toHaveText("待居民代表会议表决");
  const meetingPath = await scheduleWithTopic("健身步道专题代表会议");
  const reps: Person[] = [];
  for (const username of REPS) {
    const rep = await join(username, meetingPath);
    await rep.page.getByTestId("check-in").click();
    await expect(rep.page.getByTestId("checked-in")).toBeVisible();
    reps.push(rep);
  }
  await convener.page.reload();
  // 组成人员 are 20 (5 居委会 members and 15 representatives): 14 must be present. Six more
  // representatives are in the room without their phones: the convener registers them (本人在场).
  await expect(convener.page.getByTestId("quorum")).toHaveAttribute("data-met", "no");
  for (const name of ["代表09", "代表10", "代表11", "代表12", "代表13", "代表14"]) {
    const entry = convener.page.getByTestId("roster-entry").filter({ hasText: name });
    await entry.getByRole("button").click();
    await expect(convener.page.getByTestId("roster-entry").filter({ hasText: name })).toHaveAttribute("data-checked-in", "yes");
  }
  // A fresh page, so no revalidation from the last check-ins moves the button while it is clicked.
  await convener.page.reload();
  await expect(convener.page.getByTestId("quorum")).toHaveAttribute("data-met", "yes");
  await convener.page.getByTestId("open").click();
  await expect(convener.page.getByTestId("vote-panel")).toBeVisible();
  for (const rep of reps) {
    await rep.page.reload();
    await tickFor(rep.page, "vote-yes");
    await rep.page.getByTestId("vote-yes").click();
    await expect(rep.page.getByTestId("my-ballot")).toBeVisible();
    await rep.context.close();
  }
  await convener.page.reload();
  await tickFor(convener.page, "close");
  await convener.page.getByTestId("close").click();
  await expect(convener.page.getByTestId("arithmetic")).toHaveText("到会 14 人,同意 8 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");

  // The resolution is on the board during its 公示 period; sixteen days later (公示 is at least 15 days) the topic is in execution.
  const visitor = await browser.newContext({ baseURL: BASE });
  const board = await visitor.newPage();
  await board.goto("/c/mingyue/board");
  await expect(board.getByTestId("board-resolution").filter({ hasText: title })).toHaveAttribute("data-status", "publicity");
  await passTime(16 * DAY);
  await proposer.page.goto(topicPath);
  await expect(proposer.page.getByTestId("topic-state")).toHaveText("执行中");

  // 5 执行: the committee plans a task for the property company; its contact person reports with a
  // photo; at 100% the unit reports completion and the topic moves to supervision.
  const executionPath = `${topicPath}/execution`;
  await committee1.page.goto(executionPath);
  const taskForm = committee1.page.getByTestId("task-form");
  await taskForm.locator('input[name="title"]').fill("更换透水砖");
  await taskForm.locator('select[name="unitId"]').selectOption({ label: "明月物业服务中心" });
  await taskForm.locator('input[name="dueDate"]').fill(dateAhead(30));
  await taskForm.locator('input[name="budgetYuan"]').fill("42000");
  await taskForm.getByRole("button", { name: "添加任务" }).click();
  await expect(committee1.page.getByTestId("task")).toContainText("明月物业服务中心");
  const executor = await join("executor1", executionPath);
  for (const [percent, body, spent] of [["40", "已铺设八十米。", "16000"], ["100", "全线铺设完成,已清理现场。", "24500"]] as const) {
    const form = executor.page.getByTestId("report-form");
    await form.locator('textarea[name="body"]').fill(body);
    await form.locator('input[name="percent"]').fill(percent);
    await form.locator('input[name="spentYuan"]').fill(spent);
    await form.locator('input[type="file"]').setInputFiles({ name: "site.png", mimeType: "image/png", buffer: makePng({ width: 40, height: 30, seed: Number(percent) }) });
    await form.getByRole("button", { name: "提交报告" }).click();
    await expect(executor.page.getByTestId("report").first()).toContainText(body);
  }
  // Wait for the server's answer to the completion before another person looks (under load the
  // proposer's page could otherwise be read before the move was committed).
  const completed = executor.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/execution"));
  // 报告完成 cannot be undone: its box is ticked first (the button is enabled once every task is at 100%).
  await executor.page.getByTestId("complete-form").getByRole("checkbox").check();
  await executor.page.getByTestId("complete-form").getByRole("button", { name: "报告执行完成" }).click();
  expect((await completed).status()).toBeLessThan(400);
  await proposer.page.goto(topicPath);
  await expect(proposer.page.getByTestId("topic-state")).toHaveText("待核实与评价");

  // 6 监督: the supervisor records the on-site check; residents rate; the window passes → 结项.
  const supervisor = await join("supervisor1", "/c/mingyue/supervision");
  const topicId = topicPath.split("/").pop()!;
  const verify = supervisor.page.getByTestId(`verify-form-${topicId}`);
  await verify.locator('textarea[name="notes"]').fill("现场查看:透水砖铺设平整,符合决议方案。");
  await verify.locator('input[name="verified"][value="yes"]').check();
  await verify.locator('input[type="file"]').setInputFiles({ name: "check.png", mimeType: "image/png", buffer: makePng({ width: 40, height: 30, seed: 3 }) });
  await verify.getByRole("button", { name: "提交核实记录" }).click();
  await expect(supervisor.page.getByTestId(`queue-${topicId}`)).toContainText("现场查看:透水砖铺设平整");
  for (const [p, rating] of [[proposer, "satisfied"], [people.find((x) => x.username === "resident2")!, "satisfied"], [people.find((x) => x.username === "resident3")!, "fair"]] as const) {
    await p.page.goto(topicPath);
    const form = p.page.getByTestId("rate-form");
    await form.locator(`input[name="rating"][value="${rating}"]`).check();
    await form.getByRole("button", { name: "提交评价" }).click();
    await expect(p.page.getByTestId("rating-mine")).toBeVisible();
  }
  await passTime(15 * DAY);
  await proposer.page.goto(topicPath);
  await expect(proposer.page.getByTestId("topic-state")).toHaveText("已结项");
  await expect(proposer.page.getByTestId("rating-outcome")).toContainText("议题结项");

  // The committee publishes the result; the board shows the whole story; the ledger verifies.
  await committee1.page.goto(executionPath);
  await committee1.page.getByTestId("publish-form").locator("textarea").fill("健身步道两百米已全部更换为透水砖,居民满意率 100%。");
  await committee1.page.getByTestId("publish-form").getByRole("button", { name: "公布结果" }).click();
  await expect(committee1.page.getByTestId("result")).toContainText("健身步道两百米");
  await board.goto("/c/mingyue/board");
  await expect(board.getByTestId("board-resolution").filter({ hasText: title })).toHaveAttribute("data-status", "effective");
  const result = board.getByTestId("board-result").filter({ hasText: title });
  await expect(result).toContainText("健身步道两百米已全部更换为透水砖");
  await expect(result.getByTestId("board-result-state")).toContainText("已结项");
  await expect(board.locator("main")).not.toContainText("张晓梅");
  await board.getByTestId("board-verify-link").click();
  await expect(board.getByTestId("verify-verdict")).toHaveAttribute("data-ok", "true");

  // The topic's page tells its whole life, from the first line to the rating.
  await proposer.page.goto(topicPath);
  const history = proposer.page.locator("main");
  for (const line of ["表决通过", "全线铺设完成", "现场查看", "结项"]) await expect(history).toContainText(line);

  for (const p of people) expect(p.errors, p.username).toEqual([]);
  for (const p of people) await p.context.close().catch(() => undefined);
  await visitor.close();
});
