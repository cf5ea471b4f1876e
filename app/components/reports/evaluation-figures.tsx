import { BarChart } from "~/components/dashboard/bar-chart";
import type { Tone } from "~/components/dashboard/chart-frame";
import { useTranslation } from "~/i18n/use-translation";
import { chartLabel } from "~/workflow/evaluation";

/** One figure of a row: its label, its number (null: no data) and how the number reads. */
export interface Metric<R> {
  key: string;
  label: string;
  value: (row: R) => number | null;
  unit: "count" | "hours" | "days" | "pct";
  tone?: Tone;
}

/** A section's rows as bar charts (one per figure) and the same numbers as a table. */
export function EvaluationFigures<R extends { key: string; name: string }>({ id, rows, metrics, nameHeader, extra }: { id: string; rows: R[]; metrics: Metric<R>[]; nameHeader: string; extra?: { header: string; value: (row: R) => string } }) {
  const { t } = useTranslation();
  const show = (m: Metric<R>, v: number | null) => (v === null ? t("evaluation.none") : m.unit === "count" ? String(v) : t(`evaluation.${m.unit}`, { value: v }));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        {metrics.map((m) => {
          const bars = rows.map((r) => ({ key: r.key, label: r.name, value: m.value(r), display: show(m, m.value(r)), tone: m.tone }));
          const drawn = bars.map((b) => ({ ...b, label: chartLabel(b.label) }));
          return (
            <BarChart
              key={m.key}
              id={`${id}-${m.key}`}
              testId={`${id}-${m.key}`}
              title={m.label}
              desc={bars.map((b) => `${b.label} ${b.display}`).join(", ")}
              bars={drawn}
              max={m.unit === "pct" ? 100 : undefined}
            />
          );
        })}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full whitespace-nowrap text-left text-sm" data-testid={`${id}-table`}>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">{nameHeader}</th>
              {extra ? <th scope="col" className="py-2 pr-3 text-right">{extra.header}</th> : null}
              {metrics.map((m) => (
                <th key={m.key} scope="col" className="py-2 pr-3 text-right">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-stone-100" data-row={r.key}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {r.name}
                </th>
                {extra ? <td className="py-2 pr-3 text-right tabular-nums">{extra.value(r)}</td> : null}
                {metrics.map((m) => (
                  <td key={m.key} className="py-2 pr-3 text-right tabular-nums" data-cell={m.key}>
                    {show(m, m.value(r))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
