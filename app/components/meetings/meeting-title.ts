import enKinds from "~/i18n/en/kinds";
import { isCommunityKind, DEFAULT_KIND } from "~/i18n/kind-words";
import zhKinds from "~/i18n/zh-CN/kinds";

interface RootData {
  locale?: string;
  kind?: string;
}

/**
 * The `<title>` of a meetings page, in the reader's language and with the community's own meeting
 * (居民代表会议 / 村民代表会议, residents' / villagers' representatives' meeting): `meta` runs outside
 * React, so it reads the root loader's language and kind and the kind words from the resources.
 */
export function meetingsTitle(matches: ReadonlyArray<{ id: string; data?: unknown }>, parts: (words: { en: boolean; repMeeting: string; number: (n: number) => string }) => string[]): string {
  const root = (matches.find((m) => m.id === "root")?.data ?? {}) as RootData;
  const en = root.locale === "en";
  const kind = isCommunityKind(root.kind) ? root.kind : DEFAULT_KIND;
  const word = (en ? enKinds : zhKinds).kinds[kind].repMeeting;
  const repMeeting = en ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  const number = (n: number) => (en ? `${repMeeting} no. ${n}` : `第${n}次${word}`);
  return [...parts({ en, repMeeting, number }), en ? "Yishiting" : "议事厅"].join(" · ");
}
