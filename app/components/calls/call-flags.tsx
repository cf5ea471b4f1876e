import { useTranslation } from "~/i18n/use-translation";
import type { CallState } from "~/workflow/department-call";

const TONE: Record<CallState, string> = {
  sent: "bg-amber-50 text-amber-800",
  infoRequested: "bg-sky-50 text-sky-800",
  accepted: "bg-hall-50 text-hall-800",
  resolved: "bg-green-50 text-green-800",
  declined: "bg-stone-100 text-stone-700",
  withdrawn: "bg-stone-100 text-stone-600",
};

/** The call's state and its overdue flags (an answer still owed, or work past its promised date). */
export function CallFlags({ state, responseOverdue, workOverdue }: { state: CallState; responseOverdue: boolean; workOverdue: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[state]}`} data-testid="call-state">
        {t(`call.states.${state}`)}
      </span>
      {responseOverdue && state === "sent" ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700" data-testid="call-response-overdue">{t("calls.responseOverdue")}</span> : null}
      {workOverdue && state === "accepted" ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700" data-testid="call-work-overdue">{t("calls.workOverdue")}</span> : null}
    </span>
  );
}
