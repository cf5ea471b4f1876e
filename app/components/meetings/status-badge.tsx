import { useTranslation } from "~/i18n/use-translation";
import type { MeetingStatus } from "~/workflow/meetings";

const TONE: Record<MeetingStatus, string> = {
  scheduled: "bg-amber-100 text-amber-900",
  inSession: "bg-green-100 text-green-800",
  ended: "bg-stone-200 text-stone-800",
  inquorate: "bg-rose-100 text-rose-900",
  cancelled: "bg-stone-100 text-stone-600 line-through",
};

/** 待召开 / 进行中 / 已散会 / 流会 / 已取消; a scheduled meeting whose time has passed: 已过期未召开. */
export function MeetingStatusBadge({ status, overdue = false }: { status: MeetingStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const late = overdue && status === "scheduled";
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ${late ? "bg-orange-100 text-orange-900" : TONE[status]}`} data-testid="meeting-status" data-status={late ? "overdue" : status}>
      {status === "inSession" ? <span className="h-2 w-2 rounded-full bg-green-600" aria-hidden="true" /> : null}
      {late ? t("meetings.overdue") : t(`meetings.status.${status}`)}
    </span>
  );
}
