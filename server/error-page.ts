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

/**
 * An error page for answers given before the Remix app is reached (it cannot render them: the body it
 * would read is the problem). Plain HTML in the visitor's language from the app's own translations,
 * no script or style, so the fallback policy (default-src 'none') holds.
 */
export async function sendErrorPage(req: Request, res: Response, status: number, kind: ErrorKind, values: Record<string, string> = {}): Promise<void> {
  const lang = await requestLanguage(req);
  const errors = resources[lang].translation.errors;
  const title = escapeHtml(errors[`${kind}Title`]);
  const message = escapeHtml(fill(errors[kind], values));
  const html =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${status} ${title}</title></head><body><main id="main"><p>${status}</p><h1>${title}</h1><p>${message}</p>` +
    `<p><a href="/">${escapeHtml(errors.backHome)}</a></p></main></body></html>`;
  if (!res.headersSent) res.status(status).type("text/html; charset=utf-8").send(html);
}
