import { Form, useNavigation } from "@remix-run/react";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { RATING_COMMENT_MAX } from "~/forms/limits";
import { translateError } from "~/forms/messages";
import { RATINGS, type Rating } from "~/workflow/execution";
import { isoOf, useFormats, type Instant } from "./formats";
import { SatisfactionBar } from "./satisfaction-bar";
import { AssistMark, type AssistedBy } from "~/components/assist/assist-mark";

export interface RatingCardData {
  opensAt: Instant;
  closesAt: Instant;
  open: boolean;
  settled: { at: Instant; outcome: string | null; pct: number | null } | null;
  counts: Record<Rating, number>;
  pct: number | null;
  thresholdPct: number;
  mine: Rating | null;
  /** 代录: staff recorded this person's rating (who and how). */
  mineAssisted?: AssistedBy | null;
  mayRate: boolean;
}

export interface RatingRefusal {
  problem: string | null;
  fieldErrors: Record<string, string[] | null | undefined>;
}

/** 满意度评价: the window, the counts so far against the threshold, a resident's three choices, and the outcome once settled. */
export function RatingCard({ rating, refusal }: { rating: RatingCardData; refusal: RatingRefusal | null }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "rate";
  const commentError = (refusal?.fieldErrors.comment ?? []).map((e) => translateError(t, e)).join(" ");
  const when = (v: Instant) => <time dateTime={isoOf(v)}>{dateTime.format(new Date(v))}</time>;
  return (
    <section id="rating" className="scroll-mt-4">
      <Card title={t("rating.title")}>
        <div className="space-y-3 text-sm" data-testid="rating-card">
          <p className="text-stone-700">
            {rating.settled ? (
              <Trans t={t} i18nKey="rating.closedAt" values={{ at: dateTime.format(new Date(rating.settled.at)) }} components={{ time: <time dateTime={isoOf(rating.settled.at)} /> }} />
            ) : (
              <>
                {t("rating.closesAt")} {when(rating.closesAt)}
              </>
            )}
          </p>
          <SatisfactionBar counts={rating.counts} pct={rating.pct} thresholdPct={rating.thresholdPct} />
          {rating.settled ? (
            <p className={`rounded-md px-3 py-2 font-medium ${rating.settled.outcome === "closed" ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-900"}`} data-testid="rating-outcome">
              {t(`rating.outcome.${rating.settled.outcome ?? "reopened"}`)}
            </p>
          ) : null}
          {rating.mine ? (
            <p className="rounded-md bg-stone-100 px-3 py-2 text-stone-800" data-testid="rating-mine">
              {t("rating.rated", { rating: t(`rating.choices.${rating.mine}`) })}
              <AssistMark assisted={rating.mineAssisted} className="ml-1" />
            </p>
          ) : null}
          {refusal?.problem ? <Alert tone="error">{t(`rating.problems.${refusal.problem}`)}</Alert> : null}
          {rating.mayRate ? (
            <Form method="post" className="space-y-3 border-t border-stone-200 pt-3" data-testid="rate-form">
              <input type="hidden" name="intent" value="rate" />
              <fieldset>
                <legend className="mb-2 font-medium text-stone-900">{t("rating.question")}</legend>
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                  {RATINGS.map((r, i) => (
                    <label key={r} className="flex min-h-[44px] cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2 has-[:checked]:border-hall-600 has-[:checked]:bg-hall-50">
                      <input type="radio" name="rating" value={r} required defaultChecked={i === 0} className="h-4 w-4" />
                      {t(`rating.choices.${r}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label htmlFor="rating-comment" className="block font-medium text-stone-800">
                {t("rating.comment")}
              </label>
              <textarea id="rating-comment" name="comment" rows={2} maxLength={RATING_COMMENT_MAX} className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base" />
              {commentError ? <p className="text-red-700">{commentError}</p> : null}
              <Button disabled={busy} className="w-full sm:w-auto">
                {t("rating.submit")}
              </Button>
            </Form>
          ) : null}
        </div>
      </Card>
    </section>
  );
}
