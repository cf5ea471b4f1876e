// A real SMTP server (smtp-server) inside the test process, on a free port: it keeps what it received,
// decoded enough to read (to, subject, text), and can refuse the next N messages with a 451.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  /** The next `n` messages are refused (451, a temporary failure) after their data is sent. */
  refuseNext: (n: number) => void;
  close: () => Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) to text. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : Buffer.from(decodeQpBytes(data.replace(/_/g, " "))).toString("utf8"),
  );
}

function decodeQpBytes(text: string): number[] {
  const bytes: number[] = [];
  const raw = Buffer.from(text.replace(/=\r?\n/g, ""), "utf8");
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x3d && i + 2 < raw.length) {
      bytes.push(parseInt(raw.subarray(i + 1, i + 3).toString("ascii"), 16));
      i += 2;
    } else bytes.push(raw[i]);
  }
  return bytes;
}

export function parseMessage(raw: string): Omit<Received, "to"> & { headers: Map<string, string> } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? Buffer.from(decodeQpBytes(body)).toString("utf8") : body;
  return { subject: decodeWords(headers.get("subject") ?? ""), text: text.replace(/\r\n/g, "\n"), headers };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refusing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusing > 0) {
          refusing--;
          const error = Object.assign(new Error("Try again later (test refusal)"), { responseCode: 451 });
          callback(error);
          return;
        }
        const { subject, text } = parseMessage(Buffer.concat(chunks).toString("utf8"));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuseNext: (n) => {
      refusing = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
