// The journey of issue 3, with three people in three browsers: a resident proposes a topic, another
// resident co-signs it (with more co-signs arriving over HTTP from other residents' sessions) until
// the rules' threshold moves it to screening by itself, and a committee member accepts it into
// deliberation. Along the way each of them sees what their role allows, the proposer is told, and
// the ledger still verifies at the end.
import { request as playwrightRequest } from "@playwright/test";
import { expect, login, newPage, test } from "../fixtures/app";
import { cosignButton, cosignProgress, moveForms } from "../fixtures/topic";

const THRESHOLD = 10; // mingyue's rules (the residents' pack default)

test("propose → co-sign to the threshold → screening → accepted into deliberation", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const title = `楼顶水箱漏水 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;

  // 1. resident3 proposes.
  const proposer = await newPage(browser);
  await login(proposer.page, "resident3", { redirectTo: "/c/mingyue/topics/new" });
  await proposer.page.locator('input[name="title"]').fill(title);
  await proposer.page.locator('textarea[name="description"]').fill("顶楼住户反映水箱渗水,墙面发霉。");
  await proposer.page.locator('select[name="category"]').selectOption("facilities");
  await proposer.page.locator('input[name="location"]').fill("9号楼顶");
  await proposer.page.getByTestId("submit-topic").click();
  await expect(proposer.page).toHaveURL(/\/c\/mingyue\/topics\/\d+$/);
  const topicPath = new URL(proposer.page.url()).pathname;
  await expect(proposer.page.getByTestId("topic-title")).toHaveText(title);
  await expect(cosignProgress(proposer.page)).toContainText(`0 / ${THRESHOLD}`);
  // The proposer cannot co-sign their own topic.
  await expect(cosignButton(proposer.page)).toHaveCount(0);

  // 2. Another resident, in their own browser, co-signs.
  const cosigner = await newPage(browser);
  await login(cosigner.page, "rep12", { redirectTo: topicPath });
  await expect(cosignProgress(cosigner.page)).toContainText(`0 / ${THRESHOLD}`);
  await cosignButton(cosigner.page).click();
  await expect(cosignProgress(cosigner.page)).toContainText(`1 / ${THRESHOLD}`);

  // 3. The committee member sees it collecting: no accept yet (only a screening topic can be accepted).
  const committee = await newPage(browser);
  await login(committee.page, "committee2", { redirectTo: topicPath });
  await expect(committee.page.getByTestId("move-accept")).toHaveCount(0);
  await expect(committee.page.getByTestId("move-reject")).toBeVisible();

  // 4. Eight more residents co-sign from their own sessions over HTTP; the ninth click, in the browser, reaches the threshold.
  for (const username of ["rep04", "rep05", "rep06", "rep07", "rep08", "rep09", "rep10", "rep11"]) {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const signedIn = await api.post("/login", { form: { username, password: "demo1234", redirectTo: "/" }, maxRedirects: 0 });
    expect(signedIn.status(), `sign in ${username}`).toBe(302);
    const res = await api.post(topicPath, { form: { intent: "cosign" }, maxRedirects: 0 });
    expect([200, 302, 303], `co-sign by ${username}`).toContain(res.status());
    await api.dispose();
  }
  const last = await newPage(browser);
  await login(last.page, "rep13", { redirectTo: topicPath });
  await expect(cosignProgress(last.page)).toContainText(`9 / ${THRESHOLD}`);
  await cosignButton(last.page).click();

  // The topic moved to screening by itself; co-signing has stopped.
  await expect(last.page.getByTestId("topic-state")).toHaveText("待居委会受理");
  await expect(cosignButton(last.page)).toHaveCount(0);

  // 5. The committee accepts it.
  await committee.page.reload();
  await expect(committee.page.getByTestId("topic-state")).toHaveText("待居委会受理");
  await committee.page.getByTestId("move-accept").getByRole("checkbox").check();
  await committee.page.getByTestId("move-accept").getByRole("button").click();
  await expect(committee.page.getByTestId("topic-state")).not.toHaveText("待居委会受理");
  await expect(committee.page.getByTestId("topic-history")).toContainText("受理");
  await expect(moveForms(committee.page).filter({ has: committee.page.locator('input[value="accept"]') })).toHaveCount(0);

  // Everyone sees it in deliberation now; the proposer was told, and the hall lists it under 酝酿.
  await proposer.page.reload();
  await expect(proposer.page.locator('[aria-current="step"]')).toContainText("酝酿");
  await expect(proposer.page.getByTestId("unread-count")).toBeVisible();
  await proposer.page.getByTestId("bell").click();
  await expect(proposer.page.getByTestId("notification").filter({ hasText: title }).first()).toBeVisible();
  await proposer.page.goto("/c/mingyue");
  await expect(proposer.page.getByTestId("stage-deliberation")).toContainText(title);

  // The ledger still verifies after all of it.
  await committee.page.goto("/c/mingyue/ledger");
  await expect(committee.page.getByTestId("ledger-verdict")).toContainText(/台账完整/);

  for (const { context, errors } of [proposer, cosigner, committee, last]) {
    expect(errors).toEqual([]);
    await context.close();
  }
});
