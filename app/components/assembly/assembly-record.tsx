import { useTranslation } from "~/i18n/use-translation";
import { shareOf } from "~/components/meetings/rule-words";
import type { AssemblyFacts } from "~/workflow/assembly-meeting";
import { citeArticle } from "~/workflow/rule-packs";
import type { QuorumResult } from "~/workflow/tally";

/** The minutes of an assembly: the body and count mode, the roll in figures, the quorum's rule and article. The count of those present, never their names. */
export function AssemblyRecord({ assembly, quorum }: { assembly: AssemblyFacts; quorum: Pick<QuorumResult, "present" | "members" | "met" | "minimumPresent"> | null }) {
  const { t, i18n } = useTranslation();
  const unit = t(`assembly.rule.unit.${assembly.countBy}`);
  const share = shareOf(t, i18n.language, assembly.quorum);
  return (
    <section className="space-y-1 text-sm" data-testid="minutes-assembly">
      <h2 className="text-lg font-semibold">{t("assembly.roll.title")}</h2>
      <p>{t("assembly.minutes.body", { body: t("assembly.body.assembly"), countBy: t(`assembly.countBy.${assembly.countBy}`) })}</p>
      {quorum ? <p data-testid="minutes-roll">{t("assembly.minutes.roll", { members: quorum.members, present: quorum.present, unit })}</p> : null}
      {quorum ? <p>{quorum.met ? t("meetings.attendance.met") : t("meetings.attendance.notMet")} · {t("assembly.rule.needed", { minimum: quorum.minimumPresent, members: quorum.members, unit, share })}</p> : null}
      <p>
        {t(`assembly.rule.${assembly.countBy}`, { share })} · {t("assembly.rule.basis", { article: citeArticle(assembly.article, i18n.language === "en" ? "en" : "zh-CN") })}
      </p>
      <p className="text-stone-600">{t("assembly.minutes.presentOnly")}</p>
    </section>
  );
}
