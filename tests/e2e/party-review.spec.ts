// 党组织研究讨论 on a phone: an important matter of our own (环境卫生 is 重要事项 in the demo catalogue)
// is frozen for the vote; a resident sees the review pending; the party organisation's member records
// it through the form, then everyone sees when, by whom and with what outcome, on the page and its timeline.
import { expect, hasNoHorizontalScroll, login, test, watchPageErrors } from "../fixtures/app";
import { frozenTopic } from "../fixtures/meeting";

const PHONE = { width: 375, height: 812 };

test("the party organisation records its review of an important matter on a phone", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const title = `垃圾清运频次调整 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  const topic = await frozenTopic(page, baseURL!, { title, background: "北区投放点增加夜间清运。", category: "environment" });

  // A resident sees the section, the pending review and the article; no form.
  const resident = await browser.newContext({ viewport: PHONE });
  const residentPage = await resident.newPage();
  const residentErrors = watchPageErrors(residentPage);
  await login(residentPage, "resident1", { redirectTo: topic.path });
  const section = residentPage.getByTestId("party-review");
  await expect(section).toContainText("党组织研究讨论:待记录");
  await expect(section).toContainText("居委会组织法第三十条第四款");
  await expect(residentPage.getByTestId("party-review-form")).toHaveCount(0);

  // The party organisation's member, on a phone.
  const party = await browser.newContext({ viewport: PHONE });
  const partyPage = await party.newPage();
  const partyErrors = watchPageErrors(partyPage);
  await login(partyPage, "party1", { redirectTo: topic.path });
  const form = partyPage.getByTestId("party-review-form");
  await expect(form).toBeVisible();
  await form.locator('input[name="body"]').fill("社区党委会议");
  await form.locator('select[name="outcome"]').selectOption("agreedWithChanges");
  await form.locator('textarea[name="note"]').fill("原则同意,建议增设夜间清运。");
  await form.getByRole("button", { name: "记录研究讨论结果" }).click();
  await expect(partyPage).toHaveURL(new RegExp(`${topic.path}#party-review$`));
  await expect(partyPage.getByTestId("party-review-status")).toContainText("由社区党委会议研究讨论,结论:原则同意,提出修改意见");
  expect((await hasNoHorizontalScroll(partyPage)).ok).toBe(true);

  // Everyone sees it, and the timeline has it.
  await residentPage.reload();
  await expect(residentPage.getByTestId("party-review-record")).toContainText("原则同意,建议增设夜间清运。");
  await expect(residentPage.locator('[data-kind="party.reviewed"]')).toContainText("党组织研究讨论(社区党委会议");
  expect(residentErrors).toEqual([]);
  expect(partyErrors).toEqual([]);
  await resident.close();
  await party.close();
});
