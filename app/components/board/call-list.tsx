import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import type { CallState } from "~/workflow/department-call";

/** A department's response as the public board shows it: no person's name anywhere. */
export interface BoardCall {
  id: number;
  departmentNameZh: string;
  departmentNameEn: string;
  topicNumber: number;
  topicTitle: string;
  state: CallState;
  sentAt: Instant;
  answeredAt: Instant | null;
  resolvedAt: Instant | null;
  /** Answered within the response limit; null while it still may be. */
  answeredInTime: boolean | null;
  declineReason: string | null;
  result: string | null;
  photoIds: number[];
}

/** 部门响应: which department answered which topic, how, how soon, and its result with evidence photos. */
export function CallList({ items, slug }: { items: BoardCall[]; slug: string }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const en = i18n.language === "en";
  const day = (label: string, v: Instant | null) =>
    v ? (
      <span>
        {label} <time dateTime={isoOf(v)}>{date.format(new Date(v))}</time>
      </span>
    ) : null;
  if (items.length === 0) return <p className="text-sm text-stone-600">{t("callsCommunity.board.none")}</p>;
  return (
    <ul className="space-y-3">
      {items.map((c) => {
        const department = en ? c.departmentNameEn : c.departmentNameZh;
        return (
          <li key={c.id} className="space-y-2 rounded-md border border-stone-200 p-3" data-testid="board-call">
            <h3 className="font-semibold leading-snug text-stone-900">
              {department} · {t("board.topic", { number: c.topicNumber, title: c.topicTitle })}
            </h3>
            <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-600">
              <span className="font-medium text-stone-800" data-testid="board-call-state">
                {t(`call.states.${c.state}`)}
              </span>
              {day(t("callsCommunity.board.sent"), c.sentAt)}
              {day(t("callsCommunity.board.answered"), c.answeredAt)}
              {day(t("callsCommunity.board.resolved"), c.resolvedAt)}
              {c.answeredInTime !== null || c.state === "sent" ? (
                <span className={c.answeredInTime === false ? "font-medium text-red-700" : c.answeredInTime ? "text-green-800" : undefined} data-testid="board-call-timeliness">
                  {t(c.answeredInTime === null ? "callsCommunity.board.waiting" : c.answeredInTime ? "callsCommunity.board.onTime" : "callsCommunity.board.late")}
                </span>
              ) : null}
            </p>
            {c.declineReason ? (
              <p className="whitespace-pre-wrap break-words text-sm text-stone-800">
                {t("callsCommunity.reasonLabel")}
                {c.declineReason}
              </p>
            ) : null}
            {c.result ? (
              <p className="whitespace-pre-wrap break-words text-sm text-stone-800">
                <span className="font-medium">{t("callsCommunity.board.result")}:</span> {c.result}
              </p>
            ) : null}
            {c.photoIds.length ? (
              <ul className="flex flex-wrap gap-2">
                {c.photoIds.map((id, i) => (
                  <li key={id}>
                    <a href={`/c/${slug}/board/photos/${id}`} className="block h-20 w-20 overflow-hidden rounded-md border border-stone-200" target="_blank" rel="noreferrer">
                      <img src={`/c/${slug}/board/photos/${id}`} alt={t("callsCommunity.photoAlt", { n: i + 1, department })} loading="lazy" className="h-full w-full object-cover" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
