import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { TextareaField } from "~/components/ui/textarea-field";
import type { fourTwoStepSchema } from "~/forms/four-two";
import type { z } from "~/forms/zod";
import { FOUR_TWO_ROLES, FOUR_TWO_STEPS, STEP_OUTCOMES, type FourTwoStep, type StepOutcome } from "~/workflow/assembly";
import { FOUR_TWO_MINUTES_MAX, type FourTwoBlock } from "~/workflow/four-two";
import { citeArticle } from "~/workflow/rule-packs";
import type { Stage } from "~/workflow/stages";
import { isoOf, useFormats, type Instant } from "./formats";

interface Published {
  publishedAt: Instant;
  endsAt: Instant;
  days: number;
  meetsFloor: boolean;
}

export interface FourTwoData {
  steps: Array<{ id: number; step: FourTwoStep; heldOn: string; body: string; attended: number; expected: number; outcome: StepOutcome; minutes: string; recordedBy: string; stage: Stage | null }>;
  latest: Array<{ step: FourTwoStep; outcome: StepOutcome | null }>;
  next: FourTwoStep | null;
  block: FourTwoBlock | null;
  beforeVote: boolean;
  mayRecord: boolean;
  today: string;
  earliest: string;
  decision: { title: string; closedAt: Instant | null; passed: boolean | null } | null;
  publications: { resolution: Published | null; executionResult: Published | null };
}

const OUTCOME_TONE: Record<StepOutcome, string> = {
  agreed: "bg-green-100 text-green-800",
  agreedWithChanges: "bg-amber-100 text-amber-900",
  notAgreed: "bg-red-100 text-red-800",
};

/**
 * 四议两公开 on a village matter's page: the three deliberations (each record, latest counting), the
 * vote, both publications with their periods, what the vote waits for, and the next step's form for
 * those who hold its role.
 */
export function FourTwoCard({ fourTwo, refusal }: { fourTwo: FourTwoData; refusal: { problem: string | null; result: SubmissionResult<string[]> | null } | null }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const day = (at: Instant) => <time dateTime={isoOf(at)}>{date.format(new Date(at))}</time>;
  const published = (kind: "resolution" | "executionResult") => {
    const p = fourTwo.publications[kind];
    return (
      <li className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-testid={`four-two-${kind}`} data-days={p?.days ?? ""}>
        <span className="font-medium text-stone-900">{t(`fourTwo.steps.${kind}`)}</span>
        {p ? (
          <span className={p.meetsFloor ? "text-stone-700" : "text-red-800"}>
            {day(p.publishedAt)} – {day(p.endsAt)} · {t("fourTwo.days", { days: p.days })}
            {p.meetsFloor ? null : ` · ${t("fourTwo.belowFloor")}`}
          </span>
        ) : (
          <span className="text-stone-500">{t("fourTwo.notYet")}</span>
        )}
      </li>
    );
  };
  return (
    <div id="four-two" className="scroll-mt-4" data-testid="four-two" data-block={fourTwo.block?.problem ?? "none"} data-next={fourTwo.next ?? "none"}>
      <Card title={t("fourTwo.title")}>
        <div className="space-y-3 text-sm">
          <p className="text-stone-600">{t("fourTwo.basis", { article: citeArticle("villagers:35", i18n.language === "en" ? "en" : "zh-CN") })}</p>
          <ol className="divide-y divide-stone-100">
            {FOUR_TWO_STEPS.map((step) => {
              const records = fourTwo.steps.filter((s) => s.step === step);
              return (
                <li key={step} className="py-2" data-testid="four-two-step" data-step={step} data-outcome={fourTwo.latest.find((l) => l.step === step)?.outcome ?? "none"}>
                  <p className="font-medium text-stone-900">{t(`fourTwo.steps.${step}`)}</p>
                  {records.length === 0 ? <p className="text-stone-500">{t("fourTwo.pending")}</p> : null}
                  {records.map((r) => (
                    <div key={r.id} className="mt-1 rounded-md border border-stone-200 p-2.5" data-testid="four-two-record">
                      <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                        <span>{r.heldOn}</span>
                        <span>{r.body}</span>
                        <span>{t("fourTwo.attendance", { attended: r.attended, expected: r.expected })}</span>
                        <span className={`rounded px-1.5 py-0.5 font-medium ${OUTCOME_TONE[r.outcome]}`}>{t(`fourTwo.outcomes.${r.outcome}`)}</span>
                        {r.stage ? <span>{t("fourTwo.stage", { stage: t(`stages.${r.stage}`) })}</span> : null}
                        <span>{t("fourTwo.recordedBy", { name: r.recordedBy })}</span>
                      </p>
                      <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{r.minutes}</p>
                    </div>
                  ))}
                </li>
              );
            })}
            <li className="py-2" data-testid="four-two-decision">
              <p className="font-medium text-stone-900">{t("fourTwo.steps.decision")}</p>
              {fourTwo.decision?.closedAt ? (
                <p className="text-stone-700">
                  {day(fourTwo.decision.closedAt)} · {fourTwo.decision.title} · {t(fourTwo.decision.passed ? "fourTwo.passed" : "fourTwo.failed")}
                </p>
              ) : (
                <p className="text-stone-500">{t("fourTwo.notYet")}</p>
              )}
            </li>
          </ol>
          <ul className="divide-y divide-stone-100 border-t border-stone-100">
            {published("resolution")}
            {published("executionResult")}
          </ul>
          {fourTwo.next ? <p className="font-medium text-stone-900" data-testid="four-two-next">{t("fourTwo.next", { step: t(`fourTwo.steps.${fourTwo.next}`) })}</p> : null}
          {fourTwo.beforeVote && !fourTwo.block ? <p className="font-medium text-green-800">{t("fourTwo.allAgreed")}</p> : null}
          {fourTwo.block ? (
            <p className="text-amber-900" data-testid="four-two-blocked">
              {t(`fourTwo.blocked.${fourTwo.block.problem}`, { step: t(`fourTwo.steps.${fourTwo.block.step}`) })}
            </p>
          ) : null}
          {refusal?.problem ? <Alert tone="error">{t(`fourTwo.problems.${refusal.problem}`)}</Alert> : null}
          {fourTwo.mayRecord && fourTwo.next ? <FourTwoForm fourTwo={fourTwo} step={fourTwo.next} lastResult={refusal?.result ?? null} /> : null}
        </div>
      </Card>
    </div>
  );
}

function FourTwoForm({ fourTwo, step, lastResult }: { fourTwo: FourTwoData; step: FourTwoStep; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof fourTwoStepSchema>>({
    id: `four-two-form-${step}`,
    lastResult,
    defaultValue: { heldOn: fourTwo.today, outcome: "agreed" },
    // Checked by the server (the action answers with the form's errors): a client-side schema would bring zod into every topic page's JavaScript.
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="four-two-form">
      <input type="hidden" name="intent" value="fourTwoStep" />
      <input type="hidden" name="step" value={step} />
      <h3 className="font-semibold text-stone-900">{t("fourTwo.form.title", { step: t(`fourTwo.steps.${step}`) })}</h3>
      <p className="text-xs text-stone-600">{t("fourTwo.form.roles", { roles: FOUR_TWO_ROLES[step].map((r) => t(`fourTwo.roles.${r}`)).join(t("fourTwo.form.or")) })}</p>
      <Field field={fields.heldOn} type="date" label={t("fourTwo.form.heldOn")} hint={t("fourTwo.form.heldOnHint", { earliest: fourTwo.earliest, today: fourTwo.today })} />
      <Field field={fields.body} label={t("fourTwo.form.body")} hint={t("fourTwo.form.bodyHint")} />
      <div className="grid grid-cols-2 gap-3">
        <Field field={fields.expected} type="number" inputMode="numeric" label={t("fourTwo.form.expected")} />
        <Field field={fields.attended} type="number" inputMode="numeric" label={t("fourTwo.form.attended")} />
      </div>
      <SelectField field={fields.outcome} label={t("fourTwo.form.outcome")} options={STEP_OUTCOMES.map((o) => ({ value: o, label: t(`fourTwo.outcomes.${o}`) }))} />
      <TextareaField field={fields.minutes} label={t("fourTwo.form.minutes")} rows={4} maxLength={FOUR_TWO_MINUTES_MAX} />
      <Button className="w-full sm:w-auto">{t("fourTwo.form.submit")}</Button>
    </Form>
  );
}
