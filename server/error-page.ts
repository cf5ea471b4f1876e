import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { DEFAULT_LANGUAGE, isLanguage, resources, type Language } from "../app/i18n/config";
import { languageCookie } from "../app/i18n/i18next.server";

/** The visitor's language as the pages choose it: the language switch's cookie, else zh-CN. */
export async function requestLanguage(req: Request): Promise<Language> {
  try {
    const chosen: unknown = await languageCookie.parse(req.headers.cookie ?? null);
    return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

type ErrorKind = "tooLarge" | "methodNotAllowed";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");

// The site's look in a few lines (red header bar, a card), allowed by its hash alone: the page has no
// script, loads nothing, and may not be framed or post anywhere.
const STYLE =
  "body{margin:0;font-family:system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;background:#faf9f7;color:#1c1917}" +
  "header{background:#a93226;color:#fff;padding:14px 20px;font-weight:700;font-size:20px}" +
  "main{max-width:560px;margin:32px auto;padding:24px;background:#fff;border:1px solid #e7e5e4;border-radius:8px}" +
  "h1{font-size:22px;margin:4px 0 12px}p{line-height:1.6}.status{color:#78716c;font-size:14px;margin:0}a{color:#a93226}" +
  "@media (max-width:600px){main{margin:16px;padding:18px}}";
const POLICY = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/**
 * An error page for answers given before the Remix app is reached (it cannot render them: the body it
 * would read is the problem). Plain HTML in the visitor's language from the app's own translations,
 * with the site's look and no script.
 */
export async function sendErrorPage(req: Request, res: Response, status: number, kind: ErrorKind, values: Record<string, string> = {}): Promise<void> {
  const lang = await requestLanguage(req);
  const { app } = resources[lang].translation;
  const errors = resources[lang].translation.errors;
  const title = escapeHtml(errors[`${kind}Title`]);
  const message = escapeHtml(fill(errors[kind], values));
  const html =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${status} ${title}</title><style>${STYLE}</style></head><body><header>${escapeHtml(app.name)}</header>` +
    `<main id="main"><p class="status">${status}</p><h1>${title}</h1><p>${message}</p>` +
    `<p><a href="/">${escapeHtml(errors.backHome)}</a></p></main></body></html>`;
  if (!res.headersSent) res.status(status).set("Content-Security-Policy", POLICY).type("text/html; charset=utf-8").send(html);
}
