import type { ReactNode } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";

/** Why an imported CSV was refused: every problem with its line and column (the register's and the roster's imports). */
export function CsvProblems({ problems, title, lineKey, column, testId }: { problems: Array<{ line: number; column: string | null; message: string }>; title: ReactNode; lineKey: string; column: (name: string) => ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <ul className="mt-2 space-y-1" data-testid={testId}>
        {problems.map((p, i) => (
          <li key={i} className="break-words">
            <span className="tabular-nums">{t(lineKey, { line: p.line })}</span>
            {p.column ? <span className="font-mono text-xs"> · {column(p.column)}</span> : null}: {translateError(t, p.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The upload form of a CSV import (intent "import", field "file"): plain multipart, no script needed. */
export function CsvUploadForm({ name, label, submit }: { name: string; label: string; submit: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="intent" value="import" />
      <label htmlFor={`${name}-file`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input id={`${name}-file`} name="file" type="file" accept=".csv,text/csv" required className="block min-h-[44px] w-full max-w-full text-sm file:mr-3 file:min-h-[44px] file:cursor-pointer file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:text-stone-800" />
      <Button disabled={navigation.state === "submitting"} data-testid={`${name}-import-submit`}>
        {submit}
      </Button>
    </Form>
  );
}
