// Accessibility: axe (WCAG 2.1 A and AA) on every main page of ACCESS, each with realistic content and
// as the role that sees the most on it, in zh-CN, plus the hall and a topic on a phone. Any serious or
// critical finding fails, listed one line per node. The keyboard journey is in keyboard.spec.ts.
// Not audited: ACCESS entries that are not pages (photos, the board's feed, the ballots CSV, the meeting's event stream).
import type { Browser, Page } from "@playwright/test";
import { expect, login, SEEDED_TOPICS, signInWithForm, STAGES, test, watchPageErrors } from "../fixtures/app";
import { auditPages, hallTopicPaths, liveMeeting, seriousViolations } from "../fixtures/a11y";
import { PHONE } from "../fixtures/board";
import { SEEDED_MINGYUE } from "../fixtures/topic";

// axe takes one to seven seconds a page on a busy 2-core machine; a test walks up to nine pages.
test.describe.configure({ timeout: 90_000 });

/** A signed-in context of its own for a second role in the same test. */
async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, username);
  return { context, page, errors };
}

test("signed out: home, login (and a refused sign-in), join, the public board and its ledger check", async ({ page }) => {
  const found = await auditPages(page, ["/", "/login", "/join", "/c/mingyue/board", "/c/mingyue/board/verify"]);
  // A refused sign-in: the error and the fields marked invalid.
  await page.goto("/login");
  await signInWithForm(page, "resident1", "wrong-password");
  await expect(page.locator("main [role=alert], main .text-red-700, main [aria-invalid=true]").first()).toBeVisible();
  found.push(...(await seriousViolations(page, "refused sign-in")));
  expect(found.length, found.join("\n")).toBe(0);
});

test("street admin: dashboard, invites, members, the rules editor, the rosters, the departments", async ({ page }) => {
  await login(page, "street1");
  const found = await auditPages(page, ["/s/huacheng", "/s/huacheng/invites", "/s/huacheng/members", "/c/mingyue/rules", "/s/huacheng/roster", "/c/mingyue/roster", "/s/huacheng/departments"]);
  expect(found.length, found.join("\n")).toBe(0);
});

/** convener1 (also on the committee) signed in, with the hall's topic links by title. */
async function asConvener(page: Page) {
  await login(page, "convener1");
  const topics = await hallTopicPaths(page);
  return (title: string) => {
    const path = topics.get(title);
    expect(path, `hall link to ${title}`).toBeTruthy();
    return path!;
  };
}

test("committee (the convener): the hall and a topic in every stage", async ({ page }) => {
  const topicOf = await asConvener(page);
  const found = await auditPages(page, [
    "/c/mingyue",
    ...STAGES.map((stage) => ({ path: topicOf(SEEDED_TOPICS.mingyue[stage]!), label: `topic in ${stage}` })),
    { path: topicOf(SEEDED_MINGYUE.screening), label: "topic in screening" },
  ]);
  expect(found.length, found.join("\n")).toBe(0);
});

test("committee (the convener): new topic, hotline import, draft, consultation, execution, meetings and a held meeting's minutes", async ({ page }) => {
  const topicOf = await asConvener(page);
  const seeded = SEEDED_TOPICS.mingyue;
  await page.goto("/c/mingyue/meetings");
  const pastMeeting = await page.locator("main").getByRole("link", { name: /季度例会/ }).first().getAttribute("href");
  const found = await auditPages(page, [
    "/c/mingyue/topics/new",
    "/c/mingyue/topics/import",
    { path: `${topicOf(seeded.deliberation!)}/draft`, label: "draft", ready: (p) => expect(p.getByTestId("draft-editor")).toBeVisible() },
    { path: `${topicOf(seeded.consultation!)}/consultation`, label: "consultation" },
    { path: `${topicOf(seeded.execution!)}/execution`, label: "execution" },
    "/c/mingyue/meetings",
    { path: `${pastMeeting}`, label: "a held meeting" },
    { path: `${pastMeeting}/minutes`, label: "a held meeting's minutes" },
  ]);
  expect(found.length, found.join("\n")).toBe(0);
});

test("committee (the convener): units, supervision, ledger, rules, notifications, sessions", async ({ page }) => {
  await login(page, "convener1");
  const found = await auditPages(page, ["/c/mingyue/units", "/c/mingyue/supervision", "/c/mingyue/ledger", "/c/mingyue/rules", "/notifications", "/account/sessions"]);
  expect(found.length, found.join("\n")).toBe(0);
});

test("a meeting in session with the vote open: the convener's page, a representative's ballot, the screen, a consultation's minutes", async ({ page, browser, baseURL }, testInfo) => {
  // Its setup files, drafts, freezes and tables a topic and checks in a quorum before any page is audited.
  test.setTimeout(120_000);
  await login(page, "convener1");
  const title = `无障碍表决 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  const live = await liveMeeting(page, baseURL!, title);
  const found = await auditPages(page, [
    { path: live.meetingPath, label: "meeting (convener)", ready: (p) => expect(p.getByTestId("vote-panel")).toBeVisible() },
    // The projector shows only the meeting: no site header, no community bar.
    { path: `${live.meetingPath}/screen`, label: "meeting screen", ready: (p) => expect(p.getByTestId("community-name")).toBeHidden() },
    { path: live.topicPath, label: "topic in decision" },
    { path: live.minutesPath, label: "consultation minutes" },
  ]);

  const rep = await signedIn(browser, "rep15");
  await rep.page.goto(live.meetingPath);
  // Wait for the check-in to be recorded: auditPages navigates at once, and a navigation that
  // overtakes the check-in's post aborts it (the representative then has no ballot to show).
  if (await rep.page.getByTestId("check-in").isVisible()) {
    await rep.page.getByTestId("check-in").click();
    await expect(rep.page.getByTestId("checked-in")).toBeVisible();
  }
  found.push(...(await auditPages(rep.page, [{ path: live.meetingPath, label: "meeting (representative)", ready: (p) => expect(p.getByTestId("ballot-form")).toBeVisible() }])));
  expect(rep.errors, "page errors (representative)").toEqual([]);
  await rep.context.close();
  expect(found.length, found.join("\n")).toBe(0);
});

test("on a phone: a resident's hall and a topic open for co-signing", async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await login(page, "resident3");
  const topics = await hallTopicPaths(page);
  const found = await auditPages(page, ["/c/mingyue", { path: topics.get(SEEDED_MINGYUE.collecting)!, label: "topic (phone)" }]);
  expect(errors, "page errors").toEqual([]);
  await context.close();
  expect(found.length, found.join("\n")).toBe(0);
});
