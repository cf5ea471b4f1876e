import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormattedText } from "~/components/topic/formatted-text";
import { Card } from "~/components/ui/card";

/** 定稿: the committee sees the draft as it stands and freezes it (the server re-reads the text). */
export function FreezeCard({ draftText, draftHtml, needsVote }: { draftText: string; draftHtml: string; needsVote: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t("consultation.freeze.title")}>
      <div className="space-y-3 text-sm">
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
        <Form method="post">
          <input type="hidden" name="intent" value="freeze" />
          <Button data-testid="freeze">{t("consultation.freeze.submit")}</Button>
        </Form>
      </div>
    </Card>
  );
}
