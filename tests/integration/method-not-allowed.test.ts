// A post to a page that takes none: 405 with a translated page and one short log line, not a stack
// trace through console.error (which fails any test here, tests/setup/per-file.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import en from "~/i18n/en";
import zhCN from "~/i18n/zh-CN";
import { useServer } from "./support/http";

const http = useServer();
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe("a post to a page without an action", () => {
  it.each(["/", "/c/mingyue/board", "/c/mingyue/meetings/1/screen"])("%s answers 405 in Chinese, logged in one line", async (path) => {
    const res = await http.fetch(path, { form: { anything: "1" } });
    expect(res.status).toBe(405);
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain(zhCN.errors.methodNotAllowedTitle);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toContain("405");
    expect(line).not.toContain("\n");
  });

  it("in English for an English reader", async () => {
    const res = await http.fetch("/", { form: { anything: "1" }, cookie: await http.english() });
    expect(res.status).toBe(405);
    expect(await res.text()).toContain(en.errors.methodNotAllowed);
  });
});
