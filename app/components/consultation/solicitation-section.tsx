import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { OpenSolicitationForm } from "./open-form";
import { SolicitationCard, type SolicitationData } from "./solicitation-card";

interface Props {
  solicitations: SolicitationData[];
  may: { open: boolean; answer: boolean; manage: boolean };
  notice: "answered" | "summarised" | null;
  lastOpen: SubmissionResult<string[]> | null;
  lastAnswer: SubmissionResult<string[]> | null;
}

/** 征求意见: every solicitation of the topic (newest first) and, for the committee, the form to open one. */
export function SolicitationSection({ solicitations, may, notice, lastOpen, lastAnswer }: Props) {
  const { t } = useTranslation();
  const running = solicitations.some((s) => s.open);
  return (
    <Card title={t("consultation.solicitation.title")}>
      <div className="space-y-4">
        {notice ? <Alert tone="success">{t(`consultation.solicitation.${notice}`)}</Alert> : null}
        {solicitations.length ? (
          solicitations.map((s) => <SolicitationCard key={s.id} s={s} mayAnswer={may.answer} mayManage={may.manage} lastAnswer={lastAnswer} />)
        ) : (
          <p className="text-sm text-stone-500">{t("consultation.solicitation.none")}</p>
        )}
        {running && !may.answer && !may.manage ? <p className="text-sm text-stone-500">{t("consultation.solicitation.mayNotAnswer")}</p> : null}
        {may.open && !running ? <OpenSolicitationForm lastResult={lastOpen} /> : null}
      </div>
    </Card>
  );
}
