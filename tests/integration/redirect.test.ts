// redirectTo over HTTP (fast-check, fixed seed): arbitrary strings — tabs and newlines, backslashes,
// characters above U+00FF, lone surrogates — as the sign-in page's and the language switch's target.
// Never a 500; every Location a browser resolves to our own origin; a sign-in with any target creates
// exactly one session and hands it over (none is left behind by a failure after it was created).
import fc from "fast-check";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { sessions } from "../../db/schema";
import { useServer, sessionCookieFrom } from "./support/http";
import { validateSessionToken } from "~/auth/session.server";

const http = useServer();
const SEED = 20261128;
const RUNS = 40;

const target = fc.oneof(
  fc.constantFrom("/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/a/..//evil.example", "/议事厅", "/c/mingyue?q=路灯#议", "/\r\nSet-Cookie: x=1", "/\u0100", "/\ud800", "/c/mingyue"),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
  fc.string({ unit: "binary", maxLength: 40 }),
);

function expectOurOrigin(res: Response) {
  expect(res.status, "a redirect").toBe(302);
  const location = res.headers.get("location")!;
  expect(new URL(location, http.url).origin).toBe(new URL(http.url).origin);
  expect(location.startsWith("//")).toBe(false);
}

const sessionCount = () => getDb().select({ n: count() }).from(sessions).get()!.n;

describe("redirectTo", () => {
  it("the language switch goes back to our own pages only", async () => {
    await fc.assert(
      fc.asyncProperty(target, async (to) => {
        expectOurOrigin(await http.fetch("/language", { form: { lng: "en", redirectTo: to } }));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("signing in goes to our own pages only, with one session made and handed over", async () => {
    await fc.assert(
      fc.asyncProperty(target, async (to) => {
        const before = sessionCount();
        const res = await http.fetch("/login", { form: { username: "resident2", password: "demo1234", redirectTo: to } });
        expectOurOrigin(res);
        expect(sessionCount()).toBe(before + 1);
        const token = sessionCookieFrom(res)?.split("=")[1];
        expect(validateSessionToken(token)).not.toBeNull();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("a signed-in visitor sent to the sign-in page goes on to our own pages only", async () => {
    const cookie = await http.login("resident2");
    await fc.assert(
      fc.asyncProperty(target, async (to) => {
        expectOurOrigin(await http.fetch(`/login?redirectTo=${encodeURIComponent(to)}`, { cookie }));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
