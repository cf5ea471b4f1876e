// The board's Atom feed builds its links from PUBLIC_ORIGIN, never from the Host header a client
// writes: whatever Host a request names, the feed is byte for byte the same, so a shared cache that
// keeps it (it is public for 5 minutes) cannot be handed one pointing elsewhere.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { useServer } from "./support/http";

const server = useServer();
const FEED = "/c/mingyue/board/feed.xml";

function feedWithHost(host: string): Promise<{ status: number; body: string; cacheControl: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: FEED, headers: { Host: host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, cacheControl: String(res.headers["cache-control"]) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const links = (xml: string) => [...xml.matchAll(/href="([^"]+)"|<id>([^<]+)<\/id>/g)].map((m) => m[1] ?? m[2]);

afterEach(() => {
  delete process.env.PUBLIC_ORIGIN;
});

describe("the feed's links", () => {
  it("come from PUBLIC_ORIGIN whatever Host says, the same bytes for every Host", async () => {
    process.env.PUBLIC_ORIGIN = "https://yishiting.example";
    const ours = await feedWithHost("yishiting.example");
    const evil = await feedWithHost("evil.example");
    expect(ours.status).toBe(200);
    expect(evil.body).toBe(ours.body);
    expect(evil.body).not.toContain("evil.example");
    const found = links(evil.body);
    expect(found.length).toBeGreaterThan(2);
    for (const link of found) expect(link.startsWith("https://yishiting.example/") || link.startsWith("tag:yishiting.example,")).toBe(true);
    expect(found).toContain("https://yishiting.example/c/mingyue/board/feed.xml");
  });

  it("without PUBLIC_ORIGIN point at localhost, never at Host", async () => {
    const evil = await feedWithHost("evil.example:8080");
    expect(evil.status).toBe(200);
    expect(evil.body).not.toContain("evil.example");
    for (const link of links(evil.body)) expect(link).toMatch(/^(http:\/\/localhost:\d+\/|tag:localhost,)/);
  });
});
