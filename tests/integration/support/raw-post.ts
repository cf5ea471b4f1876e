// A POST whose body is written by hand, as large as asked, with or without a Content-Length (chunked),
// on a connection of its own: for the body-limit tests, which must see how much the server reads.
import fs from "node:fs";
import http from "node:http";

export interface RawAnswer {
  /** 0 when no answer came (reset, timed out). */
  status: number;
  body: string;
  /** Body bytes the socket took before the answer came or the connection closed. */
  sent: number;
  error?: string;
}

export interface RawPost {
  headers: Record<string, string>;
  /** Body bytes to send; they are zero bytes unless `fill` says otherwise. */
  total: number;
  /** Sent as Content-Length (it may lie); absent: chunked. */
  declared?: number;
  /** Bytes to repeat as the body ("a" for a form field's text). */
  fill?: string;
  timeoutMs?: number;
}

const CHUNK = 64 * 1024;

export function rawPost(url: string, path: string, { headers, total, declared, fill = "a", timeoutMs = 15_000 }: RawPost): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const chunk = Buffer.alloc(CHUNK, fill);
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const done = (answer: Omit<RawAnswer, "sent">) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...answer, sent });
    };
    const req = http.request({
      host: hostname,
      port,
      method: "POST",
      path,
      agent: false,
      headers: { ...headers, ...(declared === undefined ? {} : { "Content-Length": String(declared) }) },
    });
    const timer = setTimeout(() => done({ status: 0, body: "", error: "timeout" }), timeoutMs);
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", (error: NodeJS.ErrnoException) => done({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), error: error.code }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => done({ status: 0, body: "", error: error.code ?? error.message }));
    req.flushHeaders();
    const write = () => {
      while (!answered && sent < total) {
        const piece = total - sent < CHUNK ? chunk.subarray(0, total - sent) : chunk;
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      // A declared length longer than what was sent leaves the body open, as a slow client would.
      if (!answered && (declared === undefined || declared <= sent)) req.end();
    };
    write();
  });
}

/** Resident set size of a process, in MiB (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}
