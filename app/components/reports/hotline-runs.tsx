import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "./format-day";

export interface RunRow {
  id: number;
  format: "csv" | "json";
  tickets: number;
  since: number | null;
  at: number;
  userName: string | null;
  tokenLabel: string | null;
  tokenHint: string | null;
}

/** The record of export runs, newest first: when, in which format, by whom (an admin or a token), how many tickets. */
export function HotlineRuns({ runs, shown }: { runs: RunRow[]; shown: number }) {
  const { t, i18n } = useTranslation();
  if (runs.length === 0) return <p className="text-sm text-stone-600">{t("hotlineExport.noRuns")}</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t("hotlineExport.runsIntro", { count: shown })}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="hotline-runs">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="whitespace-nowrap py-2 pr-3">{t("hotlineExport.runAt")}</th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3">{t("hotlineExport.runFormat")}</th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3">{t("hotlineExport.runBy")}</th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">{t("hotlineExport.runTickets")}</th>
              <th scope="col" className="whitespace-nowrap py-2">{t("hotlineExport.runSince")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className="border-b border-stone-100">
                <td className="whitespace-nowrap py-2 pr-3">{formatDay(r.at, i18n.language, true)}</td>
                <td className="py-2 pr-3 uppercase">{r.format}</td>
                <td className="py-2 pr-3">{r.tokenLabel !== null ? t("hotlineExport.byToken", { label: r.tokenLabel, hint: r.tokenHint }) : (r.userName ?? "")}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{r.tickets}</td>
                <td className="py-2">{r.since !== null ? formatDay(r.since, i18n.language) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
