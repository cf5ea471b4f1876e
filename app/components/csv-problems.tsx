import type { ReactNode } from "react";
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
