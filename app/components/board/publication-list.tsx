import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import type { PublicationKind } from "~/workflow/meetings";

export interface BoardPublicationData {
  key: string;
  kind: PublicationKind;
  title: string;
  topicNumber: number | null;
  publishedAt: Instant;
  endsAt: Instant;
  current: boolean;
  /** 四议两公开: labelled 决议公开 / 实施结果公开. */
  fourTwo?: boolean;
}

/** 公示: each thing on the board with what it is, its 公示期 (start – end) and whether it is still running. */
export function PublicationList({ items }: { items: BoardPublicationData[] }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  if (items.length === 0) return <p className="text-sm text-stone-600">{t("board.publications.none")}</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {items.map((p) => (
        <li key={p.key} className="flex flex-col gap-1 py-2.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-3" data-testid="board-publication" data-kind={p.kind} data-four-two={p.fourTwo ? "" : undefined}>
          <div className="min-w-0">
            <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-700">{t(p.fourTwo ? `fourTwo.board.${p.kind}` : `board.publications.kind.${p.kind}`)}</span>
            <span className="break-words text-sm text-stone-900">{p.topicNumber === null ? p.title : t("board.topic", { number: p.topicNumber, title: p.title })}</span>
          </div>
          <p className="shrink-0 text-sm text-stone-600" data-testid="board-publication-period">
            {t("board.publications.period")}{" "}
            <time dateTime={isoOf(p.publishedAt)}>{date.format(new Date(p.publishedAt))}</time>
            {t("board.publications.to")}
            <time dateTime={isoOf(p.endsAt)}>{date.format(new Date(p.endsAt))}</time>
            {" · "}
            <span className={p.current ? "font-medium text-emerald-800" : "text-stone-500"} data-testid="board-publication-status">
              {t(p.current ? "board.publications.current" : "board.publications.ended")}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
