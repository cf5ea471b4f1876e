import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BlockerList } from "~/components/topic/blocker-list";
import { Button } from "~/components/ui/button";
import { FormattedText } from "~/components/topic/formatted-text";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { translateError } from "~/forms/messages";

interface Props {
  draftText: string;
  draftHtml: string;
  needsVote: boolean;
  /** What the freeze's step gate finds missing now: the button is disabled and the list says where to do it. */
  blockers: readonly string[];
  slug: string;
  topicId: number;
  /** A refused freeze: its form errors (the unticked box) and, refused by a step gate, what was missing. */
  refusal: { result: SubmissionResult<string[]> | null; blockers: readonly string[] } | null;
}

/** 定稿: the committee sees the draft as it stands and freezes it, ticking that it cannot be undone (the server re-reads the text). */
export function FreezeCard({ draftText, draftHtml, needsVote, blockers, slug, topicId, refusal }: Props) {
  const { t } = useTranslation();
  const confirmError = (refusal?.result?.error?.confirm ?? []).map((e) => translateError(t, e)).join(" ");
  const refused = refusal?.blockers ?? [];
  return (
    <Card title={t("consultation.freeze.title")}>
      <div className="space-y-3 text-sm" id="freeze">
        <p className="text-stone-700">{t("consultation.freeze.explain")}</p>
        <p className="text-stone-700">{needsVote ? t("consultation.freeze.toVote") : t("consultation.freeze.toExecution")}</p>
        <details>
          <summary className="min-h-[44px] cursor-pointer py-2 text-hall-700">{t("consultation.freeze.current")}</summary>
          {draftText ? (
            <FormattedText html={draftHtml} text={draftText} testId="draft-text" canonical={false} />
          ) : (
            <p className="rounded bg-stone-50 p-3 text-stone-800" data-testid="draft-text">
              {t("consultation.freeze.emptyText")}
            </p>
          )}
        </details>
        {refused.length ? (
          <BlockerList blockers={refused} slug={slug} topicId={topicId} title={t("consultation.problems.blocked")} tone="error" onConsultationPage />
        ) : (
          <BlockerList blockers={blockers} slug={slug} topicId={topicId} title={t("consultation.blockersTitle")} onConsultationPage />
        )}
        <Form method="post" className="space-y-2" data-testid="freeze-form">
          <input type="hidden" name="intent" value="freeze" />
          <ConfirmTick label={t("consultation.freeze.confirm")} error={confirmError || null} />
          <Button data-testid="freeze" disabled={blockers.length > 0}>
            {t("consultation.freeze.submit")}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
