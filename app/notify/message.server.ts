// The words of an e-mail: one notification (sent at once) or a person's day of them (the digest),
// said with the notifications page's own words (components/topic/notification-words.ts) in the
// community's kind (居民/村民…) and time zone. Plain text; links use PUBLIC_ORIGIN.
import type { TFunction } from "i18next";
import { describe, type NotificationData, type Translate } from "../components/topic/notification-words";
import { formatsFor } from "../components/topic/formats";
import { DEFAULT_LANGUAGE } from "../i18n/config";
import { i18nFor } from "../i18n/instances.server";
import { publicOrigin } from "../security/public-origin.server";

export interface MailItem extends NotificationData {
  communityName: string;
}

export interface Rendered {
  subject: string;
  text: string;
}

// Users have no stored language (the site's language is a cookie of the browser): mail speaks zh-CN.
const LANGUAGE = DEFAULT_LANGUAGE;
const SUBJECT_MAX = 120;

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

async function say(item: MailItem): Promise<{ what: string; detail: string; url: string | null; at: string; t: TFunction }> {
  const i18n = await i18nFor(LANGUAGE, item.communityKind);
  const t = i18n.t.bind(i18n) as TFunction;
  const { dateTime } = formatsFor(LANGUAGE, item.timeZone);
  const { what, detail, link } = describe(item, t as unknown as Translate, (iso) => dateTime.format(new Date(iso)));
  return { what, detail, url: link ? `${publicOrigin()}${link.to}` : null, at: dateTime.format(new Date(item.createdAt)), t };
}

function footer(t: TFunction): string {
  return `--\n${t("mail.footer", { url: `${publicOrigin()}/account/notifications` })}`;
}

/** One notification, e-mailed at once. */
export async function renderOne(name: string, item: MailItem): Promise<Rendered> {
  const { what, detail, url, t } = await say(item);
  const lines = [t("mail.greeting", { name }), "", what];
  if (detail) lines.push("", detail);
  if (url) lines.push("", t("mail.link", { url }));
  lines.push("", footer(t));
  return { subject: clip(oneLine(t("mail.subject", { community: item.communityName, what })), SUBJECT_MAX), text: lines.join("\n") };
}

/** The day's digest: every notification not yet e-mailed, oldest first, in one message. */
export async function renderDigest(name: string, items: readonly MailItem[], date: string): Promise<Rendered> {
  const i18n = await i18nFor(LANGUAGE);
  const t = i18n.t.bind(i18n) as TFunction;
  const lines = [t("mail.greeting", { name }), "", t("mail.digestIntro", { count: items.length })];
  for (const item of items) {
    const said = await say(item);
    lines.push("", `· ${said.at}  ${item.communityName}`, `  ${said.what}`);
    if (said.detail) lines.push(...said.detail.split("\n").map((l) => `  ${l}`));
    if (said.url) lines.push(`  ${said.url}`);
  }
  lines.push("", footer(t));
  return { subject: t("mail.digestSubject", { count: items.length, date }), text: lines.join("\n") };
}
