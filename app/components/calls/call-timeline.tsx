import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import type { CallEventRow } from "./types";

// The scheduler's flags and refusals stand out; the department's answers read as progress.
const TONE: Partial<Record<CallEventRow["kind"], string>> = {
  responseOverdue: "border-red-400",
  workOverdue: "border-red-400",
  declined: "border-amber-500",
  withdrawn: "border-stone-400",
  resolved: "border-green-600",
  accepted: "border-hall-500",
};

/** Every step of a call, oldest first: who (or the system), when, what was said, the promised date, the percent, the evidence. */
export function CallTimeline({ events, photoBase, department }: { events: CallEventRow[]; photoBase: string; department: string }) {
  const { t } = useTranslation();
  const { dateTime, date } = useFormats();
  return (
    <ol className="space-y-2" aria-label={t("callsCommunity.historyOf", { department })}>
      {events.map((e) => (
        <li key={e.id} className={`border-l-4 pl-3 ${TONE[e.kind] ?? "border-stone-200"}`} data-testid={`call-event-${e.kind}`}>
          <p className="text-sm font-medium text-stone-900">
            {t(`call.events.${e.kind}`)}
            {e.percent !== null && e.kind === "progress" ? <span className="ml-2 text-stone-600">{t("callsCommunity.percent", { percent: e.percent })}</span> : null}
          </p>
          <p className="text-xs text-stone-500">
            <time dateTime={isoOf(e.at)}>{dateTime.format(new Date(e.at))}</time> · {e.actorName ?? t("callsCommunity.system")}
          </p>
          {e.dueAt && e.kind === "accepted" ? <p className="text-sm text-stone-700">{t("callsCommunity.promisedOn", { date: date.format(new Date(e.dueAt)) })}</p> : null}
          {e.body ? (
            <p className="whitespace-pre-wrap break-words text-sm text-stone-800">
              {e.kind === "declined" || e.kind === "withdrawn" ? t("callsCommunity.reasonLabel") : null}
              {e.body}
            </p>
          ) : null}
          {e.photoIds.length ? (
            <ul className="mt-1 flex flex-wrap gap-2">
              {e.photoIds.map((id, i) => (
                <li key={id}>
                  <a href={`${photoBase}/${id}`} className="block h-20 w-20 overflow-hidden rounded-md border border-stone-200" target="_blank" rel="noreferrer">
                    <img src={`${photoBase}/${id}`} alt={t("callsCommunity.photoAlt", { n: i + 1, department })} loading="lazy" className="h-full w-full object-cover" />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
