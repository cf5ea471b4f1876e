// safeRedirect over arbitrary strings (fast-check, fixed seed): whatever it is given, the result is a
// path that a browser's URL parser (WHATWG URL, as in Chromium) resolves to our own origin, in ASCII
// a Location header can carry; our own paths come back as they were.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/redirect";

const ORIGIN = "https://yishiting.example";
const SEED = 20261128;

/** Strings built to look like paths: a leading "/" and the characters that have fooled redirect checks. */
const tricky = fc
  .array(fc.oneof(fc.constantFrom("/", "\\", "\t", "\n", "\r", "\u0000", "\u007f", "\u0085", ".", "..", "@", ":", "?", "#", "%", "%2f", "%5c", "%09", " ", "evil.example", "http:", "https:", "javascript:", "\u3002", "\uff0f", "\u2215", "\ud800", "议"), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 12 })
  .map((parts) => parts.join(""));
const anything = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), tricky, tricky.map((s) => `/${s}`), tricky.map((s) => `//${s}`));

function expectOurs(result: string) {
  expect(result.startsWith("/"), result).toBe(true);
  expect(/^[\x21-\x7e]*$/.test(result), `not a plain ASCII header value: ${JSON.stringify(result)}`).toBe(true);
  const resolved = new URL(result, ORIGIN);
  expect(resolved.origin, result).toBe(ORIGIN);
  // What the browser then asks for is exactly this path: nothing is dropped or reinterpreted.
  expect(resolved.pathname + resolved.search + resolved.hash).toBe(result);
}

describe("safeRedirect", () => {
  it("always gives a path on our own origin, in ASCII", () => {
    fc.assert(
      fc.property(anything, (to) => expectOurs(safeRedirect(to))),
      { numRuns: 20_000, seed: SEED },
    );
  });

  it("is stable: its result, given again, comes back unchanged", () => {
    fc.assert(
      fc.property(anything, (to) => {
        const once = safeRedirect(to);
        expect(safeRedirect(once)).toBe(once);
      }),
      { numRuns: 5_000, seed: SEED },
    );
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/a/..//evil.example",
    "/./\t/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "",
    null,
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("keeps our own paths, encoding what a header cannot carry", () => {
    expect(safeRedirect("/c/mingyue/topics/3?tab=history#decision")).toBe("/c/mingyue/topics/3?tab=history#decision");
    expect(safeRedirect("/c/mingyue?q=路灯")).toBe("/c/mingyue?q=%E8%B7%AF%E7%81%AF");
    expect(safeRedirect("/c/明月")).toBe("/c/%E6%98%8E%E6%9C%88");
    expect(safeRedirect("/a/../b")).toBe("/b");
  });
});
