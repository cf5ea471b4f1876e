import { i18nFor } from "../i18n/instances.server";
import { kindVariables } from "../i18n/kind-words";
import type { InviteLetter } from "../models/roster-letters.server";
import type { Letter } from "../components/roster/invite-letters";

/** What one printed letter says, already in words: the shape the letters page renders. */
export type LetterText = Letter;

/**
 * The letters' words, always in Chinese (whatever language the staff member's pages are in: the
 * letters are for the residents), in the words of each community's kind (居民 / 村民, 居委会 / 村委会).
 */
export async function chineseLetters(letters: InviteLetter[]): Promise<LetterText[]> {
  return Promise.all(
    letters.map(async (l) => {
      const i18n = await i18nFor("zh-CN", l.communityKind);
      const words = kindVariables(i18n, l.communityKind);
      const t = (key: string, values: Record<string, string> = {}) => i18n.t(key, { ...words, ...values });
      const community = l.communityNameZh;
      const [y, m, d] = l.expiresOn.split("-").map(Number);
      return {
        code: l.code,
        qrSvg: l.qrSvg,
        heading: t("roster.letter.heading", { community }),
        greeting: t("roster.letter.greeting", { name: l.name }),
        registered: t("roster.letter.registered", { community, roles: l.roles.map((r) => t(`roles.${r}`)).join("、") }),
        codeLabel: t("roster.letter.code"),
        steps: [t("roster.letter.step1", { url: l.url }), t("roster.letter.step2"), t("roster.letter.step3")],
        once: t("roster.letter.once", { date: `${y}年${m}月${d}日` }),
        help: t("roster.letter.help", { community }),
      };
    }),
  );
}
