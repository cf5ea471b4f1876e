import { useTranslation } from "~/i18n/use-translation";
import type { BoardDecision } from "~/models/board-decision";
import { useFormats } from "~/components/topic/formats";


/** Screening decisions: what was accepted (and where it stands) and what was not (and why). */
export function DecisionList({ items }: { items: BoardDecision[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { date } = useFormats();
  if (items.length === 0) return <p className="text-sm text-stone-600">{t("board.none")}</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {items.map((item) => {
        const category = en ? item.categoryEn : item.categoryZh;
        const accepted = item.kind === "accepted";
        return (
          <li key={item.number} className="py-3" data-testid="board-decision" data-kind={item.kind}>
            <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
              <span>{t("hall.number", { number: item.number })}</span>
              {category ? <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">{category}</span> : null}
              <span className={`rounded px-1.5 py-0.5 font-medium ${accepted ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}>
                {t(accepted ? "board.accepted" : "board.rejected")}
              </span>
            </div>
            <h3 className="mt-1 font-semibold leading-snug text-stone-900">{item.title}</h3>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
              <dt className="text-stone-500">{t(accepted ? "board.acceptedOn" : "board.rejectedOn")}</dt>
              <dd>
                <time dateTime={item.decidedAt}>{date.format(new Date(item.decidedAt))}</time>
              </dd>
              <dt className="text-stone-500">{t("board.proposer")}</dt>
              <dd data-testid="board-proposer">{item.proposer}</dd>
            </dl>
            {accepted ? (
              <p className="mt-1 text-sm text-stone-700">
                {item.status === "active" ? t("board.currentStage", { stage: t(`stages.${item.stage}`) }) : t(`status.${item.status}`)}
              </p>
            ) : (
              <p className="mt-1 rounded-md bg-stone-50 p-2 text-sm text-stone-800">
                <span className="font-medium">{t("board.reason")}:</span> {item.reason}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
