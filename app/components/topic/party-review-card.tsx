import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { TextareaField } from "~/components/ui/textarea-field";
import { PARTY_NOTE_MAX } from "~/forms/limits";
import type { partyReviewSchema } from "~/forms/party-review";
import type { z } from "~/forms/zod";
import { PARTY_REVIEW_OUTCOMES, type PartyReviewOutcome } from "~/workflow/meetings";
import type { PartyReviewBlock } from "~/workflow/party-review";
import type { FourTwoProblem } from "~/workflow/four-two";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

export interface PartyReviewData {
  article: ArticleKey;
  reviews: Array<{ id: number; reviewedOn: string; body: string; outcome: PartyReviewOutcome; note: string; recordedBy: string }>;
  /** A village's 四议两公开 matter whose 党组织提议 agreed: that proposal stands for the review. */
  coveredByProposal?: boolean;
  block: PartyReviewBlock | null;
  beforeVote: boolean;
  mayRecord: boolean;
  today: string;
  earliest: string;
}

const OUTCOME_TONE: Record<PartyReviewOutcome, string> = {
  agreed: "bg-green-100 text-green-800",
  agreedWithChanges: "bg-amber-100 text-amber-900",
  notAgreed: "bg-red-100 text-red-800",
};

function useCite() {
  const { i18n } = useTranslation();
  return (key: ArticleKey) => citeArticle(key, i18n.language === "en" ? "en" : "zh-CN");
}

/**
 * 党组织研究讨论 on an important matter's page, for everyone: pending, or when, by which body and with
 * what outcome it was studied; the form to record it for the party organisation's role.
 */
export function PartyReviewCard({ review, refusal }: { review: PartyReviewData; refusal: { problem: string | null; result: SubmissionResult<string[]> | null } | null }) {
  const { t } = useTranslation();
  const cite = useCite();
  const latest = review.reviews[0];
  return (
    <div id="party-review" className="scroll-mt-4" data-testid="party-review" data-block={review.block ?? "none"}>
      <Card title={t("party.title")}>
        <div className="space-y-3 text-sm">
          <p className="text-stone-600">{t("party.basis", { article: cite(review.article) })}</p>
          {latest ? (
            <p className="font-medium text-stone-900" data-testid="party-review-status">
              {t("party.done", { date: latest.reviewedOn, body: latest.body, outcome: t(`party.outcomes.${latest.outcome}`) })}
            </p>
          ) : review.coveredByProposal ? (
            <p className="font-medium text-stone-900" data-testid="party-review-status">
              {t("fourTwo.partyNote")}
            </p>
          ) : (
            <p className="font-medium text-amber-900" data-testid="party-review-status">
              {t(review.beforeVote ? "party.pending" : "party.none")}
            </p>
          )}
          {review.block ? <p className="text-amber-900">{t(`party.blocked.${review.block}`)}</p> : null}
          {review.reviews.length ? (
            <ol className="space-y-2">
              {review.reviews.map((r) => (
                <li key={r.id} className="rounded-md border border-stone-200 p-2.5" data-testid="party-review-record">
                  <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                    <span>{r.reviewedOn}</span>
                    <span>{r.body}</span>
                    <span className={`rounded px-1.5 py-0.5 font-medium ${OUTCOME_TONE[r.outcome]}`}>{t(`party.outcomes.${r.outcome}`)}</span>
                    <span>{t("party.recordedBy", { name: r.recordedBy })}</span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{r.note}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {refusal?.problem ? <Alert tone="error">{t(`party.problems.${refusal.problem}`)}</Alert> : null}
          {review.mayRecord ? <PartyReviewForm review={review} lastResult={refusal?.result ?? null} /> : null}
        </div>
      </Card>
    </div>
  );
}

function PartyReviewForm({ review, lastResult }: { review: PartyReviewData; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof partyReviewSchema>>({
    id: "party-review-form",
    lastResult,
    defaultValue: { reviewedOn: review.today, outcome: "agreed" },
    // Checked by the server (the action answers with the form's errors): a client-side schema would bring zod into every topic page's JavaScript.
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="party-review-form">
      <input type="hidden" name="intent" value="partyReview" />
      <h3 className="font-semibold text-stone-900">{t("party.form.title")}</h3>
      <Field field={fields.reviewedOn} type="date" label={t("party.form.reviewedOn")} hint={t("party.form.reviewedOnHint", { earliest: review.earliest, today: review.today })} />
      <Field field={fields.body} label={t("party.form.body")} hint={t("party.form.bodyHint")} />
      <SelectField field={fields.outcome} label={t("party.form.outcome")} options={PARTY_REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`party.outcomes.${o}`) }))} />
      <TextareaField field={fields.note} label={t("party.form.note")} rows={4} maxLength={PARTY_NOTE_MAX} />
      <Button className="w-full sm:w-auto">{t("party.form.submit")}</Button>
    </Form>
  );
}

/** The open-vote button of a meeting, disabled, with why: 重要事项 waiting for the party organisation's review. */
export function PartyBlockedOpen({ block }: { block: { problem: PartyReviewBlock | FourTwoProblem; article: ArticleKey } }) {
  const { t } = useTranslation();
  const cite = useCite();
  const id = `party-blocked-${block.problem}`;
  return (
    <div className="space-y-1" data-testid="open-blocked">
      <Button disabled aria-describedby={id} data-testid="open-disabled">
        {t("meetings.agenda.openVote")}
      </Button>
      <p id={id} className="text-sm text-amber-900">
        {t(`meetings.problems.${block.problem}`, { article: cite(block.article) })}
      </p>
    </div>
  );
}

/** 党组织研究讨论:日期,结论 — one line beside a resolution on the public board. */
export function PartyReviewLine({ review }: { review: { reviewedOn: string; body: string; outcome: PartyReviewOutcome } }) {
  const { t } = useTranslation();
  return (
    <p className="text-sm text-stone-700" data-testid="board-party-review">
      {t("party.board", { date: review.reviewedOn, body: review.body, outcome: t(`party.outcomes.${review.outcome}`) })}
    </p>
  );
}
