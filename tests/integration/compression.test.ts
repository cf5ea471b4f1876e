// Responses are compressed when the browser accepts it: pages and data fast (gzip 1, brotli 3: every
// request pays for it), built scripts hard, even the small ones (gzip 9, brotli 6: fetched once, kept).
import nodeHttp from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useServer } from "./support/http";

const http = useServer();

/** The bytes on the wire and the decoded body of a GET that accepts `accept` (gzip unless said). */
function getGzip(path: string, cookie?: string, accept = "gzip"): Promise<{ encoding: string | undefined; wire: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = nodeHttp.get(`${http.url}${path}`, { headers: { "accept-encoding": accept, ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        resolve({ encoding, wire: raw.length, body: encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "br" ? zlib.brotliDecompressSync(raw) : raw });
      });
    });
    req.on("error", reject);
  });
}

describe("compression", () => {
  it("compresses a page fast (gzip 1, brotli 3) and every built script hard (gzip 9)", async () => {
    const cookie = await http.login("resident1");
    const page = await getGzip("/c/mingyue", cookie);
    expect(page.encoding).toBe("gzip");
    expect(page.body.toString("utf8")).toContain("明月社区");
    // Level 1's size, not level 6's: the page was not compressed harder than asked.
    expect(page.wire).toBeGreaterThan(zlib.gzipSync(page.body, { level: 6 }).length);

    // Brotli, as browsers ask for it: quality 3, not the middleware's default 4.
    const brotli = await getGzip("/c/mingyue", cookie, "br, gzip");
    expect(brotli.encoding).toBe("br");
    const quality = (q: number) => zlib.brotliCompressSync(brotli.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q } }).length;
    expect(brotli.wire).toBeGreaterThan(quality(4));

    const scripts = [...page.body.toString("utf8").matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(3);
    const files = await Promise.all(scripts.map((script) => getGzip(script)));
    // Every script is compressed, the small ones too (the middleware skips those under 1 KB by default).
    expect(files.map((f) => f.encoding)).toEqual(scripts.map(() => "gzip"));
    expect(files.some((f) => f.body.length < 1024)).toBe(true);
    const largest = files.reduce((a, b) => (b.body.length > a.body.length ? b : a));
    expect(largest.wire).toBeLessThan(zlib.gzipSync(largest.body, { level: 1 }).length);
    expect(largest.wire).toBeLessThanOrEqual(zlib.gzipSync(largest.body, { level: 9 }).length + 32);
  });
});
