import type { TFunction } from "i18next";

/**
 * Schemas carry message keys, not sentences, so one schema serves both languages and both sides.
 * A key may carry parameters after a bar: "errors.tooLong|max=32".
 */
export function msg(key: string, params?: Record<string, string | number>): string {
  if (!params) return key;
  return `${key}|${Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join("&")}`;
}

export function translateError(t: TFunction, message: string): string {
  const [key, query] = message.split("|");
  const params = Object.fromEntries(new URLSearchParams(query ?? ""));
  const text = t(key, params);
  return typeof text === "string" ? text : key;
}
