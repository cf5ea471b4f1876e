// Live drafting in real Chromium against the real collaborative server: two committee members edit
// one proposal in two browsers and see each other's text and carets; a resident reads along but
// cannot change it; a saved version then shows the edits in its diff.
import { expect, login, newPage, test } from "../fixtures/app";
import { createDraftingTopic } from "../fixtures/draft";

test("two committee members edit live, a resident reads along", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const stamp = `${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;

  const first = await newPage(browser);
  await login(first.page, "committee1");
  const draftPath = await createDraftingTopic(first.page, `健身器材维护方案 ${stamp}`);
  const editorA = first.page.getByTestId("draft-editor");
  await expect(editorA).toBeVisible();
  await expect(first.page.getByTestId("draft-status")).toHaveAttribute("data-status", "saved");

  const second = await newPage(browser);
  await login(second.page, "committee2", { redirectTo: draftPath });
  const editorB = second.page.getByTestId("draft-editor");
  await expect(editorB).toBeVisible();

  // committee1 writes under 背景 (the first empty paragraph of the template).
  const lineA = `一号楼旁器材老化 ${stamp}`;
  await editorA.locator("p").first().click();
  await first.page.keyboard.type(lineA);
  await expect(editorB).toContainText(lineA);

  // committee2 writes under 方案; committee1 sees it, with committee2's named caret.
  const lineB = `每季度检修一次 ${stamp}`;
  await editorB.locator("p").nth(1).click();
  await second.page.keyboard.type(lineB);
  await expect(editorA).toContainText(lineB);
  await expect(editorA.getByText("议事会 黄丽", { exact: true })).toBeVisible();
  await expect(first.page.getByTestId("draft-presence")).toContainText("议事会 黄丽");
  // The flag is the server's: committee2 shows as editing.
  await expect(first.page.getByTestId("draft-presence").locator("li", { hasText: "议事会 黄丽" })).toContainText("正在编辑");

  // A resident reads along live but the editor does not accept typing.
  const resident = await newPage(browser);
  await login(resident.page, "resident2", { redirectTo: draftPath });
  const readOnly = resident.page.getByTestId("draft-editor");
  await expect(readOnly).toContainText(lineA);
  await expect(readOnly).toHaveAttribute("contenteditable", "false");
  // The editors see the resident among those present, as reading (the only one who is).
  await expect(first.page.getByTestId("draft-presence").locator('li[data-editing="false"]')).toHaveCount(1);
  await expect(first.page.getByTestId("draft-presence").locator('li[data-editing="false"]')).toContainText("正在阅读");
  const lineC = `实时更新 ${stamp}`;
  await editorA.locator("p").first().click();
  await first.page.keyboard.press("End");
  await first.page.keyboard.type(` ${lineC}`);
  await expect(readOnly).toContainText(lineC);

  // Every line survives a reload (it was stored before it was relayed), also for a reader without the socket.
  await second.page.reload();
  await expect(second.page.getByTestId("draft-editor")).toContainText(lineC);

  // A saved version's diff against the empty template shows the edits.
  await first.page.getByTestId("save-version-form").locator('input[name="note"], textarea[name="note"]').first().fill("第一稿");
  await first.page.getByTestId("save-version-form").getByRole("button").click();
  await expect(first.page.getByTestId("draft-versions")).toContainText("第一稿");

  for (const { context, errors } of [first, second, resident]) {
    expect(errors).toEqual([]);
    await context.close();
  }
});
