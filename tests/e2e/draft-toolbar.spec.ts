// The live draft's editor (issue 15): a formatting toolbar (headings, lists, bold, undo/redo) that
// works by pointer and by keyboard, on a desktop and on a 390 px phone, hidden from read-only readers;
// and a collaborator's caret as a thin line with a small name tag, never a bar across the line.
import type { Locator, Page } from "@playwright/test";
import { expect, login, newPage, test } from "../fixtures/app";
import { createDraftingTopic } from "../fixtures/draft";

const unique = (testInfo: { workerIndex: number }) => `${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;

const tool = (page: Page, name: string) => page.getByRole("toolbar", { name: "格式" }).getByRole("button", { name, exact: true });

/** The other person's caret label as the browser lays it out. */
async function labelBox(editor: Locator, name: string) {
  const label = editor.locator(".draft-caret__label", { hasText: name });
  await expect(label).toBeVisible();
  return label.evaluate((el) => {
    const style = getComputedStyle(el);
    const caret = getComputedStyle(el.parentElement!);
    return {
      width: el.getBoundingClientRect().width,
      lineWidth: el.closest("p, h1, h2, h3, li")!.getBoundingClientRect().width,
      position: style.position,
      fontSize: parseFloat(style.fontSize),
      caretLine: parseFloat(caret.borderLeftWidth),
      caretColor: caret.borderLeftColor,
    };
  });
}

test("the toolbar makes a heading, a list and bold, and undo/redo work", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await login(page, "committee1");
  const draftPath = await createDraftingTopic(page, `路灯维修方案 ${unique(testInfo)}`);
  const editor = page.getByTestId("draft-editor");
  await expect(editor).toBeVisible();
  const toolbar = page.getByRole("toolbar", { name: "格式" });
  await expect(toolbar).toBeVisible();

  // A line under 背景 becomes a subheading.
  await editor.locator("p").first().click();
  await page.keyboard.type("照明现状");
  await tool(page, "小标题").click();
  await expect(editor.getByRole("heading", { level: 3, name: "照明现状" })).toBeVisible();
  await expect(tool(page, "小标题")).toHaveAttribute("aria-pressed", "true");
  await expect(tool(page, "加粗")).toHaveAttribute("aria-pressed", "false");

  // A bullet list under 方案, with a bold word in it.
  await editor.locator("p").first().click();
  await tool(page, "项目列表").click();
  await page.keyboard.type("更换灯泡,");
  await tool(page, "加粗").click();
  await expect(tool(page, "加粗")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("加装");
  await expect(editor.locator("ul li strong")).toHaveText("加装");
  await expect(tool(page, "项目列表")).toHaveAttribute("aria-pressed", "true");

  // A numbered list after the bullet list.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await tool(page, "编号列表").click();
  await page.keyboard.type("夜间巡查");
  await expect(editor.locator("ol li")).toHaveText("夜间巡查");

  // Undo takes back this person's last edits (Yjs' undo manager), redo brings them back.
  await tool(page, "撤销").click();
  await expect(editor).not.toContainText("夜间巡查");
  await expect(tool(page, "重做")).not.toHaveAttribute("aria-disabled", "true");
  await tool(page, "重做").click();
  await expect(editor.locator("ol li")).toHaveText("夜间巡查");

  // Keyboard: only one button is in the tab order; arrow keys, Home and End move the focus.
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await tool(page, "标题").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tool(page, "小标题")).toBeFocused();
  await page.keyboard.press("End");
  await expect(tool(page, "重做")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(tool(page, "标题")).toBeFocused();
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

  // Formatting is stored: a reload shows the heading, the list and the bold word from the server.
  await page.reload();
  await expect(page.getByTestId("draft-editor").getByRole("heading", { level: 3, name: "照明现状" })).toBeVisible();
  await expect(page.getByTestId("draft-editor").locator("ul li strong")).toHaveText("加装");

  // A resident reads along without a toolbar.
  const resident = await newPage(page.context().browser()!);
  await login(resident.page, "resident2", { redirectTo: draftPath });
  await expect(resident.page.getByTestId("draft-editor")).toContainText("夜间巡查");
  await expect(resident.page.getByRole("toolbar")).toHaveCount(0);
  expect(resident.errors).toEqual([]);
  await resident.context.close();
});

test("two editors see each other's caret as a small name tag, on a desktop and on a phone", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const first = await newPage(browser);
  await login(first.page, "committee1");
  const draftPath = await createDraftingTopic(first.page, `垃圾房改造方案 ${unique(testInfo)}`);
  const editorA = first.page.getByTestId("draft-editor");
  await expect(editorA).toBeVisible();

  const second = await newPage(browser);
  await second.page.setViewportSize({ width: 390, height: 844 });
  await login(second.page, "committee2", { redirectTo: draftPath });
  const editorB = second.page.getByTestId("draft-editor");
  await expect(editorB).toBeVisible();

  await editorA.locator("p").first().click();
  await first.page.keyboard.type("垃圾房夏季异味明显,居民多次反映。");
  await editorB.locator("p").nth(1).click();
  await second.page.keyboard.type("每日清洗两次。");

  // On the desktop: committee2's tag is as wide as the name, absolute, small, over a 2px caret line.
  const desktop = await labelBox(editorA, "议事会 黄丽");
  expect(desktop.position).toBe("absolute");
  expect(desktop.width).toBeLessThan(160);
  expect(desktop.width).toBeLessThan(desktop.lineWidth / 2);
  expect(desktop.fontSize).toBeLessThanOrEqual(12);
  expect(desktop.caretLine).toBe(2);

  // On the phone: committee1's tag is small too, and the page does not scroll sideways.
  await editorA.locator("p").first().click();
  await first.page.keyboard.press("End");
  const phone = await labelBox(editorB, "议事会 刘伟");
  expect(phone.position).toBe("absolute");
  expect(phone.width).toBeLessThan(160);
  expect(phone.width).toBeLessThan(phone.lineWidth / 2);
  expect(await second.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The phone's toolbar: every button at least 44 px, wrapped above the text, not covering it.
  const toolbar = second.page.getByRole("toolbar", { name: "格式" });
  for (const button of await toolbar.getByRole("button").all()) {
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  const bar = (await toolbar.boundingBox())!;
  const text = (await editorB.boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(text.y + 1);

  for (const { context, errors } of [first, second]) {
    expect(errors).toEqual([]);
    await context.close();
  }
});
