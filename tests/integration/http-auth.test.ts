import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { sessionIdFromToken } from "~/auth/session.server";
import { sessionCookieFrom, useServer } from "./support/http";

const http = useServer();

describe("sign-in over HTTP", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and redirects where asked", async () => {
    const res = await http.fetch("/login", { form: { username: "Resident1", password: "demo1234", redirectTo: "/c/mingyue" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/c/mingyue");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; Secure is added over HTTPS
    const hall = await http.fetch("/c/mingyue", { cookie: sessionCookieFrom(res) });
    expect(hall.status).toBe(200);
  });

  it("never redirects off-site after signing in", async () => {
    const res = await http.fetch("/login", { form: { username: "resident2", password: "demo1234", redirectTo: "//evil.example/x" } });
    expect(res.headers.get("location")).toBe("/c/mingyue");
  });

  it("lands people in their hall, or the street admin on the street dashboard", async () => {
    const land = async (username: string) => (await http.fetch("/login", { form: { username, password: "demo1234" } })).headers.get("location");
    expect(await land("villager1")).toBe("/c/shiliu");
    expect(await land("street1")).toBe("/s/huacheng");
  });

  it("gives one generic message for a wrong password and for an unknown user", async () => {
    const wrong = await http.fetch("/login", { form: { username: "committee2", password: "nope-nope" } });
    const unknown = await http.fetch("/login", { form: { username: "nobody-here", password: "nope-nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("用户名或密码不正确。");
    expect(b).toContain("用户名或密码不正确。");
    expect(sessionCookieFrom(wrong)).toBeUndefined();
  });

  it("shows field errors for empty and over-long fields, in the chosen language", async () => {
    const empty = await http.fetch("/login", { form: { username: "", password: "" } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项。");
    const long = await http.fetch("/login", { form: { username: "x".repeat(500), password: "a" }, cookie: await http.english() });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Too long: at most 64 characters.");
  });

  it("slows an account down after repeated failures with a translated 429", async () => {
    // A first wait long enough that a slow machine cannot outlast it between these requests.
    process.env.LOGIN_FIRST_DELAY_MS = "60000";
    for (let i = 0; i < 5; i++) {
      expect((await http.fetch("/login", { form: { username: "executor1", password: `wrong-${i}` } })).status).toBe(401);
    }
    const locked = await http.fetch("/login", { form: { username: "executor1", password: "demo1234" } });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("Retry-After")).toMatch(/^(5\d|60)$/);
    expect(await locked.text()).toMatch(/尝试次数过多,请 \d+ 秒后再试。/);
    const lockedEn = await http.fetch("/login", { form: { username: "executor1", password: "demo1234" }, cookie: await http.english() });
    expect(await lockedEn.text()).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
    delete process.env.LOGIN_FIRST_DELAY_MS;
  });

  it("treats a tampered session cookie as signed out and clears it", async () => {
    const cookie = await http.login("resident3");
    const tampered = cookie.slice(0, -1) + (cookie.endsWith("a") ? "b" : "a");
    const res = await http.fetch("/c/mingyue", { cookie: tampered });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fc%2Fmingyue");
    expect(res.headers.getSetCookie().some((c) => /^yst_session=;.*Max-Age=0/.test(c))).toBe(true);
    const garbage = await http.fetch("/", { cookie: "yst_session=%%%<script>; other=1" });
    expect(garbage.status).toBe(200);
  });

  it("signs out: the session is deleted on the server", async () => {
    const cookie = await http.login("rep05");
    const token = cookie.split("=")[1];
    const out = await http.fetch("/logout", { method: "POST", cookie });
    expect(out.status).toBe(302);
    expect(getDb().$client.prepare("SELECT 1 FROM sessions WHERE id = ?").get(sessionIdFromToken(token))).toBeUndefined();
    expect((await http.fetch("/c/mingyue", { cookie })).status).toBe(302);
  });

  it("signs out everywhere else from the sessions page, keeping this device", async () => {
    const a = await http.login("rep06");
    const b = await http.login("rep06");
    const res = await http.fetch("/account/sessions", { form: { intent: "revokeOthers" }, cookie: a });
    expect(res.status).toBe(200);
    expect((await http.fetch("/c/mingyue", { cookie: a })).status).toBe(200);
    expect((await http.fetch("/c/mingyue", { cookie: b })).status).toBe(302);
    const bad = await http.fetch("/account/sessions", { form: { intent: "revoke", sessionId: "not-an-id" }, cookie: a });
    expect(bad.status).toBe(400);
  });
});

describe("CSRF", () => {
  it("refuses a write with a foreign Origin", async () => {
    const res = await http.fetch("/login", { form: { username: "resident1", password: "demo1234" }, headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });

  it("refuses a write with neither Origin nor Sec-Fetch-Site, and one marked cross-site", async () => {
    const none = await http.fetch("/logout", { method: "POST", headers: { "X-No-Origin": "1" } });
    expect(none.status).toBe(403);
    const cross = await http.fetch("/logout", { method: "POST", headers: { "X-No-Origin": "1", "Sec-Fetch-Site": "cross-site" } });
    expect(cross.status).toBe(403);
  });

  it("accepts Sec-Fetch-Site: same-origin when a browser sends no Origin", async () => {
    const res = await http.fetch("/login", {
      form: { username: "resident1", password: "demo1234" },
      headers: { "X-No-Origin": "1", "Sec-Fetch-Site": "same-origin" },
    });
    expect(res.status).toBe(302);
  });
});

describe("pages and bad input", () => {
  it("answers the health check", async () => {
    const res = await http.fetch("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("gives 404, not 500, for unknown and malformed places", async () => {
    const cookie = await http.login("resident1");
    for (const path of ["/c/nowhere", "/c/%E2%80%AE%00", "/c/" + "a".repeat(300), "/s/nowhere", "/c/mingyue/nothing-here", "/no/such/page"]) {
      const res = await http.fetch(path, { cookie });
      expect(res.status, path).toBe(404);
    }
  });

  it("does not fail on a malformed form body", async () => {
    const res = await http.fetch("/login", {
      method: "POST",
      body: "--broken\r\nnot multipart",
      headers: { "Content-Type": "multipart/form-data; boundary=zzz" },
    });
    expect(res.status).toBe(400);
  });

  it("switches language with a plain form post and keeps the page", async () => {
    const res = await http.fetch("/language", { form: { lng: "en", redirectTo: "/login" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login");
    const lng = res.headers.getSetCookie().find((c) => c.startsWith("lng="))!.split(";")[0];
    const page = await (await http.fetch("/login", { cookie: lng })).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain("Sign in");
    const zh = await (await http.fetch("/login")).text();
    expect(zh).toContain('<html lang="zh-CN"');
    const odd = await http.fetch("/language", { form: { lng: "xx", redirectTo: "https://evil.example" } });
    expect(odd.headers.get("location")).toBe("/");
  });

  it("joins with an invite over HTTP and refuses a wrong code with a field error", async () => {
    const admin = await http.login("street1");
    const created = await http.fetch("/s/huacheng/invites", {
      cookie: admin,
      form: { intent: "create", community: "shiliu", role: "resident", maxUses: "1", expiresInDays: "7", note: "" },
    });
    expect(created.status).toBe(200);
    const code = (await created.text()).match(/data-testid="new-invite-code">([0-9A-Z-]{14})</)![1];
    const bad = await http.fetch("/join", { form: { intent: "new", code: "ZZZZ-ZZZZ-ZZZZ", username: "joiner1", displayName: "新人", password: "longenough", confirm: "longenough" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("邀请码无效。请核对后重新输入。");
    const mismatch = await http.fetch("/join", { form: { intent: "new", code, username: "joiner1", displayName: "新人", password: "longenough", confirm: "different" } });
    expect(await mismatch.text()).toContain("两次输入的密码不一致。");
    const ok = await http.fetch("/join", { form: { intent: "new", code, username: "joiner1", displayName: "新人", password: "longenough", confirm: "longenough" } });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/c/shiliu");
    expect((await http.fetch("/c/shiliu", { cookie: sessionCookieFrom(ok) })).status).toBe(200);
    expect((await http.fetch("/c/mingyue", { cookie: sessionCookieFrom(ok) })).status).toBe(404);
  });

  it("hides a street's pages from people of another street (404) but not from its own residents (403)", async () => {
    const db = getDb().$client;
    const streetId = Number(db.prepare("INSERT INTO streets (slug, name_zh, name_en) VALUES ('other', '别的街道', 'Other') RETURNING id").pluck().get());
    const communityId = Number(
      db.prepare("INSERT INTO communities (street_id, slug, name_zh, name_en, kind) VALUES (?, 'faraway', '远方社区', 'Faraway', 'urban') RETURNING id").pluck().get(streetId),
    );
    const villager = Number(db.prepare("SELECT id FROM users WHERE username = 'villager1'").pluck().get());
    db.prepare("DELETE FROM memberships WHERE user_id = ?").run(villager);
    db.prepare("INSERT INTO memberships (community_id, user_id, role) VALUES (?, ?, 'resident')").run(communityId, villager);
    const outsider = await http.login("villager1");
    expect((await http.fetch("/s/huacheng", { cookie: outsider })).status).toBe(404);
    expect((await http.fetch("/s/other", { cookie: outsider })).status).toBe(403);
    expect((await http.fetch("/s/other", { cookie: await http.login("street1") })).status).toBe(404);
    expect((await http.fetch("/c/faraway", { cookie: await http.login("street1") })).status).toBe(404);
  });

  it("refuses an invite for a community outside the admin's street", async () => {
    const admin = await http.login("street1");
    const res = await http.fetch("/s/huacheng/invites", {
      cookie: admin,
      form: { intent: "create", community: "elsewhere", role: "resident", maxUses: "1", expiresInDays: "7" },
    });
    expect(res.status).toBe(400);
    const wrongTypes = await http.fetch("/s/huacheng/invites", {
      cookie: admin,
      form: { intent: "create", community: "mingyue", role: "king", maxUses: "-5", expiresInDays: "abc" },
    });
    expect(wrongTypes.status).toBe(400);
    const text = await wrongTypes.text();
    expect(text).toContain("请从列表中选择。");
    expect(text).toContain("请输入 1 到 500 之间的数。");
  });
});
