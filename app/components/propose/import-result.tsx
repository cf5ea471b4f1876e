import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { translateError } from "~/forms/messages";

export type ImportOutcome =
  | { ok: true; created: Array<{ id: number; number: number; title: string; ticket: string }> }
  | { ok: false; problems: Array<{ line: number; column: string | null; message: string }> };

/** What an import did: the topics it made, or every problem of the file by CSV line. */
export function ImportResult({ slug, outcome }: { slug: string; outcome: ImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.ok) {
    return (
      <Alert tone="success">
        <p data-testid="import-count">{t("propose.import.imported", { count: outcome.created.length })}</p>
        <ul className="mt-2 space-y-1" data-testid="imported-topics">
          {outcome.created.map((topic) => (
            <li key={topic.id} className="break-words">
              <span className="font-mono text-xs">{topic.ticket}</span>{" "}
              <Link to={`/c/${slug}/topics/${topic.id}`}>
                {t("hall.number", { number: topic.number })} {topic.title}
              </Link>
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">{t("propose.import.problemsTitle", { count: outcome.problems.length })}</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left" data-testid="import-problems">
          <thead>
            <tr className="border-b border-red-200">
              <th scope="col" className="py-1 pr-3 font-medium">{t("propose.import.line")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("propose.import.column")}</th>
              <th scope="col" className="py-1 font-medium">{t("propose.import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.problems.map((p, i) => (
              <tr key={i} className="border-b border-red-100 align-top">
                <td className="py-1 pr-3 tabular-nums">{p.line}</td>
                <td className="py-1 pr-3 font-mono text-xs">{p.column ?? "—"}</td>
                <td className="py-1 break-words">{translateError(t, p.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
