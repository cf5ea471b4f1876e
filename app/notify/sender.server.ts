// How a message leaves the site. One interface, so an SMS or WeChat sender can stand beside the
// e-mail one later; the outbox (outbox.server.ts) only knows `send`, and a send that throws is retried.
import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingMessage {
  /** The address on the channel (an e-mail address today). */
  to: string;
  subject: string;
  /** Plain text. */
  text: string;
}

export interface Sender {
  channel: "email";
  /** Resolves when the channel accepted the message; throws (with a reason) when it did not. */
  send(message: OutgoingMessage): Promise<void>;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** E-mail over SMTP (nodemailer): one pooled transport, reused by every send. */
export class SmtpSender implements Sender {
  readonly channel = "email" as const;
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(config: SmtpConfig) {
    this.from = config.from;
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
      // A slow or silent server must not hold the worker: a send gives up and is retried later.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * The SMTP settings from the environment, or null when SMTP_HOST is unset (e-mail off): SMTP_PORT
 * (default 587, or 465 when SMTP_SECURE=1), SMTP_SECURE (1/true: TLS from the first byte), SMTP_USER,
 * SMTP_PASSWORD, SMTP_FROM (default yishiting@<host>).
 */
export function smtpConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = env.SMTP_SECURE === "1" || env.SMTP_SECURE?.toLowerCase() === "true";
  const port = Number(env.SMTP_PORT || (secure ? 465 : 587));
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`SMTP_PORT is not a port: ${env.SMTP_PORT}`);
  return { host, port, secure, user: env.SMTP_USER || undefined, password: env.SMTP_PASSWORD || undefined, from: env.SMTP_FROM || `yishiting@${host}` };
}
