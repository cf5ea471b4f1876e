import { useTranslation } from "~/i18n/use-translation";
import { CsvProblems, CsvUploadForm } from "~/components/csv-import";
import { ROSTER_MAX_ROWS } from "~/forms/roster-limits";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";

export type RosterImportOutcome =
  | { ok: true; importId: number; people: number; created: number; matched: number; roles: number }
  | { ok: false; problems: Array<{ line: number; column: string | null; message: string }> };

function ImportOutcome({ outcome }: { outcome: RosterImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.ok) {
    return (
      <Alert tone="success">
        <span data-testid="roster-imported">{t("roster.import.imported", outcome)}</span>
      </Alert>
    );
  }
  return <CsvProblems problems={outcome.problems} title={t("roster.import.problemsTitle", { count: outcome.problems.length })} lineKey="roster.import.line" column={(c) => t(`roster.columns.${c}`)} testId="roster-problems" />;
}

/** The roster CSV import: its columns and role words, the template, the file, what the last import did. */
export function RosterImport({ templateHref, street, outcome }: { templateHref: string; street: boolean; outcome: RosterImportOutcome | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t("roster.import.title")}>
      <div className="space-y-3">
        {outcome ? <ImportOutcome outcome={outcome} /> : null}
        <p className="text-sm text-stone-600">{t("roster.import.intro")}</p>
        <p className="text-sm text-stone-600">{t(street ? "roster.import.columnsStreet" : "roster.import.columnsCommunity", { max: ROSTER_MAX_ROWS })}</p>
        <p className="text-sm text-stone-600">{t("roster.import.roleWords")}</p>
        <p className="text-sm text-stone-600">{t("roster.import.matching")}</p>
        <a href={templateHref} download="roster-template.csv" className="inline-block min-h-[44px] py-2 text-sm">
          {t("roster.import.template")}
        </a>
        <CsvUploadForm name="roster" label={t("roster.import.file")} submit={t("roster.import.submit")} />
      </div>
    </Card>
  );
}
