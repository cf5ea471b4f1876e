import { useTranslation } from "~/i18n/use-translation";
import { CsvProblems, CsvUploadForm } from "~/components/csv-import";
import { REGISTER_MAX_ROWS } from "~/forms/register-limits";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";

export type RegisterImportOutcome =
  | { ok: true; households: number; members: number; created: number; replaced: number }
  | { ok: false; problems: Array<{ line: number; column: string | null; message: string }> };

function ImportOutcome({ outcome }: { outcome: RegisterImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.ok) {
    return (
      <Alert tone="success">
        <span data-testid="register-imported">{t("register.import.imported", outcome)}</span>
      </Alert>
    );
  }
  return <CsvProblems problems={outcome.problems} title={t("register.import.problemsTitle", { count: outcome.problems.length })} lineKey="register.import.line" column={(c) => c} testId="import-problems" />;
}

/** The CSV import: its rules, the template, the file, and what the last import did. */
export function RegisterImport({ slug, outcome }: { slug: string; outcome: RegisterImportOutcome | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t("register.import.title")}>
      <div className="space-y-3">
        {outcome ? <ImportOutcome outcome={outcome} /> : null}
        <p className="text-sm text-stone-600">{t("register.import.intro")}</p>
        <p className="text-sm text-stone-600">{t("register.import.columns", { max: REGISTER_MAX_ROWS })}</p>
        <a href={`/c/${slug}/register/template.csv`} download="register-template.csv" className="inline-block min-h-[44px] py-2 text-sm">
          {t("register.import.template")}
        </a>
        <CsvUploadForm name="register" label={t("register.import.file")} submit={t("register.import.submit")} />
      </div>
    </Card>
  );
}
