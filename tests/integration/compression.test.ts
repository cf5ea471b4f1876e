// Responses are gzip-compressed when the browser accepts it: pages and data at level 1 (every
// request pays for it), built scripts at gzip's default level (fetched once, then kept).
import nodeHttp from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useServer } from "./support/http";

const http = useServer();

/** The bytes on the wire and the decoded body of a GET that accepts gzip. */
function getGzip(path: string, cookie?: string): Promise<{ encoding: string | undefined; wire: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = nodeHttp.get(`${http.url}${path}`, { headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        resolve({ encoding, wire: raw.length, body: encoding === "gzip" ? zlib.gunzipSync(raw) : raw });
      });
    });
    req.on("error", reject);
  });
}

describe("compression", () => {
  it("compresses a page fast (level 1) and a built script well (default level)", async () => {
    const cookie = await http.login("resident1");
    const page = await getGzip("/c/mingyue", cookie);
    expect(page.encoding).toBe("gzip");
    expect(page.body.toString("utf8")).toContain("明月社区");
    // Level 1's size, not level 6's: the page was not compressed harder than asked.
    expect(page.wire).toBeGreaterThan(zlib.gzipSync(page.body, { level: 6 }).length);

    const script = /<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/.exec(page.body.toString("utf8"))?.[1];
    expect(script).toBeDefined();
    const file = await getGzip(script!);
    expect(file.encoding).toBe("gzip");
    expect(file.wire).toBeLessThan(zlib.gzipSync(file.body, { level: 1 }).length);
  });
});
