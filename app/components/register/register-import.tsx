import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CsvProblems } from "~/components/csv-problems";
import { REGISTER_MAX_ROWS } from "~/forms/register-limits";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
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
  const navigation = useNavigation();
  return (
    <Card title={t("register.import.title")}>
      <div className="space-y-3">
        {outcome ? <ImportOutcome outcome={outcome} /> : null}
        <p className="text-sm text-stone-600">{t("register.import.intro")}</p>
        <p className="text-sm text-stone-600">{t("register.import.columns", { max: REGISTER_MAX_ROWS })}</p>
        <a href={`/c/${slug}/register/template.csv`} download="register-template.csv" className="inline-block min-h-[44px] py-2 text-sm">
          {t("register.import.template")}
        </a>
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="import" />
          <label htmlFor="register-file" className="block text-sm font-medium text-stone-800">
            {t("register.import.file")}
          </label>
          <input id="register-file" name="file" type="file" accept=".csv,text/csv" required className="block min-h-[44px] w-full max-w-full text-sm file:mr-3 file:min-h-[44px] file:cursor-pointer file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:text-stone-800" />
          <Button disabled={navigation.state === "submitting"} data-testid="register-import-submit">
            {t("register.import.submit")}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
