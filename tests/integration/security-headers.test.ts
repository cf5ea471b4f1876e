// Every page is sent with a Content-Security-Policy whose nonce is fresh per response and carried by
// each inline script Remix renders (and by nothing else), plus the usual security headers.
import { describe, expect, it } from "vitest";
import { createTopic } from "~/models/topic-create.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();

function nonceOf(res: Response): string {
  const csp = res.headers.get("content-security-policy") ?? "";
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  expect(match, csp).not.toBeNull();
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  return match![1];
}

describe("security headers", () => {
  it("sends a fresh nonce with every page and puts it on every script, and the usual headers", async () => {
    const cookie = await http.login("committee1");
    const pages = ["/", "/login", "/c/mingyue/board/verify", "/c/mingyue", "/c/mingyue/topics/1", "/c/mingyue/topics/3/draft", "/c/mingyue/meetings", "/c/mingyue/board", "/c/mingyue/supervision", "/c/mingyue/ledger"];
    const seen = new Set<string>();
    for (const path of pages) {
      // The login page is for those signed out (the signed-in are sent on).
      const res = await http.fetch(path, { cookie: path === "/login" ? undefined : cookie });
      expect(res.status, path).toBe(200);
      const nonce = nonceOf(res);
      seen.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
    }
    expect(seen.size).toBe(pages.length);
  });

  it("shows hostile text inert: a title full of markup is escaped, no script of its own runs", async () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const topic = createTopic({ communityId: communityId("mingyue"), proposerId: userId("resident1"), title: hostile.slice(0, 80), description: hostile, location: "", categoryId: null, source: "resident" });
    const res = await http.fetch(`/c/mingyue/topics/${topic.id}`, { cookie: await http.login("resident2") });
    const html = await res.text();
    expect(html).not.toContain(`<script>alert("x")</script>`);
    expect(html).not.toContain("<img src=x onerror");
    expect(html).toContain("&lt;script&gt;");
    const nonce = nonceOf(res);
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) expect(tag[0]).toContain(`nonce="${nonce}"`);
  });
});
