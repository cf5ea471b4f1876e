import { useTranslation } from "~/i18n/use-translation";
import { renderStored, type StoredMessage } from "~/i18n/stored-message";
import { useYuan } from "~/components/board/yuan";
import { Card } from "~/components/ui/card";
import type { Stage } from "~/workflow/stages";
import { isoOf, useFormats, type Instant } from "./formats";

export interface HistoryItem {
  key: string;
  at: Instant;
  kind: string;
  action?: string;
  actor: string | null;
  text: string;
  /** A system-made text (a reopening's reason), said in the reader's language. */
  message?: StoredMessage | null;
  params: Record<string, string | number | boolean | null>;
  href?: string;
}

export interface HistoryGroup {
  stage: Stage;
  items: HistoryItem[];
}

/** What one item says in a line: a move's name, or the document's kind with its figures. */
function useHeadline() {
  const { t } = useTranslation();
  const { date } = useFormats();
  const yuan = useYuan();
  return (item: HistoryItem): string => {
    if (item.kind === "move") return t(`topic.actions.${item.action}`);
    const p = item.params;
    const values: Record<string, string | number> = {
      task: String(p.task ?? ""),
      unit: String(p.unit ?? ""),
      percent: Number(p.percent ?? 0),
      pct: p.pct === null || p.pct === undefined ? "—" : Number(p.pct),
      meeting: Number(p.meeting ?? 0),
      yes: Number(p.yes ?? 0),
      no: Number(p.no ?? 0),
      abstain: Number(p.abstain ?? 0),
      satisfied: Number(p.satisfied ?? 0),
      fair: Number(p.fair ?? 0),
      unsatisfied: Number(p.unsatisfied ?? 0),
      sha256: String(p.sha256 ?? ""),
      dueAt: p.dueAt ? date.format(new Date(String(p.dueAt))) : "",
      closesAt: p.closesAt ? date.format(new Date(String(p.closesAt))) : "",
      budget: typeof p.budgetFen === "number" ? t("life.budget", { amount: yuan(p.budgetFen) }) : "",
      spent: typeof p.spentFen === "number" && p.spentFen > 0 ? t("life.spent", { amount: yuan(p.spentFen) }) : "",
      date: String(p.date ?? ""),
      body: String(p.body ?? ""),
      outcome: p.partyOutcome ? t(`party.outcomes.${String(p.partyOutcome)}`) : "",
    };
    if (item.kind === "fourTwo.stepRecorded") return t("fourTwo.life", { ...values, step: t(`fourTwo.steps.${String(p.step)}`), attended: Number(p.attended ?? 0), expected: Number(p.expected ?? 0) });
    if (item.kind === "owners.decided") return t(p.passed ? "life.kinds.ownersPassed" : "life.kinds.ownersFailed", values);
    if (item.kind === "lapsed") return t(p.inquorate ? "life.kinds.lapsedInquorate" : "life.kinds.lapsed", values);
    if (item.kind === "vote") return t(p.passed ? "life.kinds.votePassed" : "life.kinds.voteFailed", values);
    if (item.kind === "verification.recorded") return t(p.verified ? "life.kinds.verified" : "life.kinds.notVerified", values);
    if (item.kind === "rating.windowSettled") return t(`life.kinds.settled.${p.outcome === "closed" ? "closed" : "reopened"}`, values);
    return t(`life.kinds.${item.kind.replace(".", "_")}`, values);
  };
}

/** 议题全程记录: everything that happened to the topic, under the six stages, with its time, who did it and the words. */
export function TopicHistory({ groups }: { groups: HistoryGroup[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const headline = useHeadline();
  return (
    <Card title={t("topic.history.title")}>
      {groups.length ? (
        <div className="space-y-4" data-testid="topic-history">
          {groups.map((g) => (
            <section key={g.stage} aria-label={t(`stages.${g.stage}`)} data-stage={g.stage}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-hall-700">{t(`stages.${g.stage}`)}</h3>
              <ol className="space-y-3 border-l-2 border-stone-200 pl-3">
                {g.items.map((e) => (
                  <li key={e.key} className="text-sm" data-kind={e.kind}>
                    <p className="text-xs text-stone-500">
                      <time dateTime={isoOf(e.at)}>{dateTime.format(new Date(e.at))}</time>
                    </p>
                    <p className="break-words">
                      <span className="font-medium text-stone-900">{headline(e)}</span>
                      {e.kind === "vote" || e.kind === "lapsed" ? null : <span className="text-stone-600"> · {e.actor ?? t("topic.system")}</span>}
                    </p>
                    {e.text ? (
                      <p className="mt-0.5 whitespace-pre-wrap break-words text-stone-700">
                        {e.kind === "move" ? `${t("topic.reasonLabel")}: ` : ""}
                        {renderStored(t, e.message, e.text)}
                      </p>
                    ) : null}
                    {e.href ? (
                      <a href={e.href} className="inline-flex min-h-[44px] items-center text-hall-700 underline-offset-2 hover:underline sm:min-h-0">
                        {t(`life.see.${e.href.slice(1)}`)}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      ) : (
        <p className="text-sm text-stone-500">{t("topic.history.none")}</p>
      )}
    </Card>
  );
}
