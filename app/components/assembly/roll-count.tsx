import { useTranslation } from "~/i18n/use-translation";
import { shareOf } from "~/components/meetings/rule-words";
import type { AssemblyFacts } from "~/workflow/assembly-meeting";
import { citeArticle } from "~/workflow/rule-packs";
import type { QuorumResult } from "~/workflow/tally";

/** The assembly's roll in figures: present / on the roll, whether the quorum is met, the rule and its article. Counts only: the screen shows it too. */
export function RollCount({ assembly, quorum, big = false }: { assembly: AssemblyFacts; quorum: Pick<QuorumResult, "present" | "members" | "met" | "minimumPresent"> | null; big?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const share = shareOf(t, i18n.language, assembly.quorum);
  const unit = t(`assembly.rule.unit.${assembly.countBy}`);
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="assembly-roll">
      <p className="text-sm font-medium text-stone-700">
        {t(`assembly.body.assembly`)} · {t(`assembly.countByShort.${assembly.countBy}`)}
      </p>
      {quorum ? (
        <>
          <p className={big ? "text-6xl font-bold tabular-nums" : "text-4xl font-bold tabular-nums"}>
            <span data-testid="assembly-present">{quorum.present}</span>
            <span className="text-stone-400"> / </span>
            <span data-testid="assembly-members">{quorum.members}</span>
            <span className="ml-2 text-base font-normal text-stone-600">{unit}</span>
          </p>
          <p className={`inline-block rounded px-2 py-1 text-sm font-semibold ${quorum.met ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`} data-testid="assembly-quorum" data-met={quorum.met ? "yes" : "no"}>
            {quorum.met ? `✓ ${t("meetings.attendance.met")}` : t("meetings.attendance.notMet")}
          </p>
          <p className="text-sm text-stone-700">{t("assembly.rule.needed", { minimum: quorum.minimumPresent, members: quorum.members, unit, share })}</p>
        </>
      ) : (
        <p className="text-sm text-stone-600">{t("assembly.roll.notStarted")}</p>
      )}
      <p className="text-xs text-stone-600" data-testid="assembly-rule">
        {t(`assembly.rule.${assembly.countBy}`, { share })} · {t("assembly.rule.basis", { article: citeArticle(assembly.article, language) })}
      </p>
    </div>
  );
}
