// Everything with the keyboard alone: a resident signs in, finds a topic in the hall, co-signs it, writes a
// comment and switches the language with Tab, Shift+Tab, Enter and Space only (no clicks). On the way, every
// element that takes focus must show a focus ring that stands out from what is around it (WCAG 2.4.7 and
// 1.4.11: 3:1), the skip link must lead into the page's main content, and Tab must walk through a whole page
// and out of it again on a phone (no keyboard trap).
import { request as playwrightRequest, type Locator, type Page } from "@playwright/test";
import { expect, test, watchPageErrors } from "../fixtures/app";
import { PHONE } from "../fixtures/board";

interface Focused {
  description: string;
  inMain: boolean;
  /** Contrast between the focus ring and the colour just outside it; 0 when there is no ring. */
  ringContrast: number;
}

/** What has focus now, and how well its ring (outline or box-shadow) stands out from the background behind it. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    // The ring is drawn just outside the element: sample what is painted there (above it, or below it at the
    // top of the page), under the element and its descendants, and take the first opaque background up from it.
    const box = el.getBoundingClientRect();
    const y = box.top >= 8 ? box.top - 6 : box.bottom + 6;
    const beneath = document.elementsFromPoint(box.left + Math.min(box.width / 2, 20), y).find((node) => !el.contains(node));
    let behind = [255, 255, 255];
    for (let node = beneath ?? null; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || colour[3] > 0.5) {
        behind = colour.slice(0, 3);
        break;
      }
    }
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1 ? contrast(rgb(style.outlineColor).slice(0, 3), behind) : 0;
    const shadow = style.boxShadow !== "none" ? contrast(rgb(style.boxShadow).slice(0, 3), behind) : 0;
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
    return {
      description: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? ` name=${el.getAttribute("name")}` : ""}> ${name}`,
      inMain: !!el.closest("main"),
      ringContrast: Math.max(outline, shadow),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking every focus ring on the way. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 60 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (!now) continue;
    expect(now.ringContrast, `focus ring of ${now.description}`).toBeGreaterThanOrEqual(3);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${back ? "Shift+Tab" : "Tab"} in ${limit} presses`);
}

/** resident2 files a topic of our own over HTTP, open for co-signing (the journey must not change seeded topics). */
async function topicToCosign(baseURL: string, title: string) {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  expect((await api.post("/login", { form: { username: "resident2", password: "demo1234", redirectTo: "/" }, maxRedirects: 0 })).status()).toBe(302);
  const created = await api.post("/c/mingyue/topics/new", { multipart: { title, description: "键盘操作测试。", location: "3号楼", category: "environment" }, maxRedirects: 0 });
  expect(created.status()).toBe(302);
  await api.dispose();
}

test("keyboard only: sign in, find a topic in the hall, co-sign, comment, switch language", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const title = `键盘附议 ${testInfo.workerIndex}-${Date.now().toString(36).slice(-5)}`;
  await topicToCosign(baseURL!, title);

  // The skip link comes first and leads into the main content.
  await page.goto("/login?redirectTo=%2Fc%2Fmingyue");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await focused(page))!.ringContrast, "focus ring of the skip link").toBeGreaterThanOrEqual(3);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  expect((await focused(page))!.inMain, "Tab after the skip link lands in the main content").toBe(true);

  // Sign in.
  await tabTo(page, page.locator('input[name="username"]'), { back: true });
  await page.keyboard.type("resident3");
  await tabTo(page, page.locator('input[name="password"]'));
  await page.keyboard.type("demo1234");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/c\/mingyue$/);
  await expect(page.getByTestId("current-user")).toBeVisible();

  // Find the topic with the hall's search and open it.
  await tabTo(page, page.locator("#hall-q"));
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  await tabTo(page, page.locator("main").getByRole("link", { name: title, exact: true }).first(), { limit: 80 });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("topic-title")).toHaveText(title);

  // Co-sign with Space.
  await tabTo(page, page.getByTestId("cosign-button"));
  await page.keyboard.press("Space");
  await expect(page.getByTestId("cosigners").locator("li")).toHaveCount(1);

  // Comment: type, then Enter on the send button.
  await tabTo(page, page.getByTestId("comment-form").locator("textarea"));
  await page.keyboard.type("键盘也能发表意见。");
  await tabTo(page, page.getByTestId("comment-form").locator('button[type="submit"]'));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("comments")).toContainText("键盘也能发表意见。");

  // Back up to the header and switch to English.
  await tabTo(page, page.getByTestId("language-switch"), { back: true, limit: 120 });
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("topic-title")).toHaveText(title);
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveCount(1);
});

/** Visible elements Tab can reach now. */
function tabbableCount(page: Page): Promise<number> {
  return page
    .locator("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex='0']")
    .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
}

test("no keyboard trap on a phone: Tab walks the hall, the meetings and a held meeting (opening its folded parts) and leaves them", async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto("/login?redirectTo=%2Fc%2Fmingyue%2Fmeetings");
  await page.locator('input[name="username"]').fill("resident3");
  await page.locator('input[name="password"]').fill("demo1234");
  await page.locator('input[name="password"]').press("Enter");
  await expect(page).toHaveURL(/\/c\/mingyue\/meetings$/);
  const held = await page.locator("main").getByRole("link", { name: /季度例会/ }).first().getAttribute("href");
  for (const path of ["/c/mingyue", "/c/mingyue/meetings", held!]) {
    await page.goto(path);
    // Walk forwards, opening every folded <details> on the way with Enter: focus must go through all of it and
    // leave the page (back to the browser) rather than cycle inside a part of it.
    let limit = (await tabbableCount(page)) + 5;
    let opened = 0;
    let left = false;
    for (let i = 0; i < limit && !left; i++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      if (!now) {
        left = true;
        break;
      }
      expect(now.ringContrast, `${path}: focus ring of ${now.description}`).toBeGreaterThanOrEqual(3);
      if (await page.evaluate(() => document.activeElement?.matches("details:not([open]) > summary") ?? false)) {
        await page.keyboard.press("Enter");
        opened++;
        limit = i + (await tabbableCount(page)) + 5;
      }
    }
    expect(left, `${path}: Tab left the page`).toBe(true);
    if (path === held) expect(opened, "folded parts opened with the keyboard on the held meeting").toBeGreaterThan(0);
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page), `${path}: Shift+Tab comes back into the page`).not.toBeNull();
  }
  expect(errors, "page errors").toEqual([]);
  await context.close();
});
