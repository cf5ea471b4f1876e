import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { SUMMARY_MAX, type Stance } from "~/forms/consultation";
import { AssistMark, type AssistedBy } from "~/components/assist/assist-mark";
import { AnswerForm } from "./answer-form";
import { ResultsChart } from "./results-chart";

export interface SolicitationData {
  id: number;
  question: string;
  deadline: Instant;
  open: boolean;
  counts: Record<Stance, number>;
  mine: { stance: Stance; text: string } | null;
  opinions: Array<{ key: number; name: string | null; stance: Stance; text: string; at: Instant; assisted?: AssistedBy | null }>;
}

interface Props {
  s: SolicitationData;
  mayAnswer: boolean;
  mayManage: boolean;
  lastAnswer: SubmissionResult<string[]> | null;
}

/** One solicitation: its question and deadline, the results, the answer form and the committee's controls. */
export function SolicitationCard({ s, mayAnswer, mayManage, lastAnswer }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <article id={`solicitation-${s.id}`} className="space-y-4 rounded-md border border-stone-200 p-3" data-testid="solicitation">
      <header className="space-y-1">
        <h3 className="whitespace-pre-wrap break-words font-medium text-stone-900">{s.question}</h3>
        <p className="text-sm text-stone-600">
          <span className={`mr-2 rounded px-2 py-0.5 text-xs ${s.open ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
            {s.open ? t("consultation.solicitation.running") : t("consultation.solicitation.ended")}
          </span>
          <time dateTime={isoOf(s.deadline)}>{t("consultation.solicitation.deadlineOn", { date: dateTime.format(new Date(s.deadline)) })}</time>
        </p>
      </header>
      <section className="space-y-2">
        <h4 className="text-sm font-semibold text-stone-900">{t("consultation.solicitation.results")}</h4>
        <ResultsChart counts={s.counts} />
      </section>
      {s.open && mayAnswer ? <AnswerForm consultationId={s.id} mine={s.mine} lastResult={lastAnswer} /> : null}
      {mayManage ? (
        <div className="flex flex-col gap-3 border-t border-stone-100 pt-3 sm:flex-row sm:items-end">
          {s.open ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="consultationId" value={s.id} />
              <Button variant="secondary">{t("consultation.solicitation.close")}</Button>
            </Form>
          ) : null}
          <Form method="post" className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="intent" value="summarise" />
            <input type="hidden" name="consultationId" value={s.id} />
            <label className="flex-1 text-sm text-stone-800">
              {t("consultation.solicitation.summaryNote")}
              <input name="note" maxLength={SUMMARY_MAX} className="mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 px-3 py-2 text-base" />
            </label>
            <Button variant="secondary">{t("consultation.solicitation.summarise")}</Button>
          </Form>
        </div>
      ) : null}
      <section>
        <h4 className="text-sm font-semibold text-stone-900">{t("consultation.solicitation.opinions")}</h4>
        {s.opinions.length ? (
          <ul className="mt-1 divide-y divide-stone-100" data-testid="opinions">
            {s.opinions.map((o) => (
              <li key={o.key} className="py-2 text-sm">
                <p className="text-xs text-stone-500">
                  <span className="font-medium text-stone-800">{o.name ?? t("consultation.solicitation.anonymous")}</span> · {t(`consultation.stances.${o.stance}`)}
                  <AssistMark assisted={o.assisted} className="ml-1" />
                </p>
                {o.text ? <p className="mt-1 whitespace-pre-wrap break-words text-stone-800">{o.text}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-500">{t("consultation.solicitation.noOpinions")}</p>
        )}
      </section>
    </article>
  );
}
