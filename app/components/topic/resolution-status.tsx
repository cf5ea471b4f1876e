import { useTranslation } from "~/i18n/use-translation";
import type { ResolutionStatus } from "~/workflow/meetings";
import { isoOf, useFormats, type Instant } from "./formats";

/** A resolution's number and where it stands in its 公示 period (the days are counted on the server's clock). */
export interface ResolutionStatusData {
  year: number;
  number: number;
  status: ResolutionStatus;
  publishedAt: Instant;
  publicityEndsAt: Instant;
  effectiveAt: Instant | null;
  /** 暂缓执行 / 责令改正: when, and the public reason. */
  statusAt?: Instant | null;
  statusReason?: string | null;
  periodOver: boolean;
  daysLeft: number | null;
  openObjections: number;
  /** 已撤销 / 已变更: the assembly's resolution that undid it (powers-undo.server.ts). */
  undoneBy?: { year: number; number: number; topicId: number; topicNumber: number } | null;
}

const TONE: Record<ResolutionStatus, string> = {
  publicity: "bg-amber-100 text-amber-900",
  effective: "bg-green-100 text-green-800",
  suspended: "bg-orange-100 text-orange-900",
  correctionOrdered: "bg-red-100 text-red-800",
  revoked: "bg-red-100 text-red-800",
  changed: "bg-red-100 text-red-800",
};

/** 决议〔2025〕第 1 号 · 公示中 · 公示至 … (还剩 N 天) */
export function ResolutionHeading({ resolution: r, undoneHref }: { resolution: ResolutionStatusData; undoneHref?: (undoneBy: NonNullable<ResolutionStatusData["undoneBy"]>) => string }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  return (
    <div className="space-y-1" data-testid="resolution-status" data-status={r.status}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-base font-semibold text-stone-900">{t("resolutions.number", { year: r.year, number: r.number })}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[r.status]}`}>{t(`resolutions.status.${r.status}`)}</span>
      </p>
      <p className="text-sm text-stone-600">
        <time dateTime={isoOf(r.publishedAt)}>{t("resolutions.publishedOn", { date: date.format(new Date(r.publishedAt)) })}</time>
        {r.status === "effective" && r.effectiveAt ? <> · {t("resolutions.effectiveOn", { date: date.format(new Date(r.effectiveAt)) })}</> : null}
      </p>
      {(r.status === "suspended" || r.status === "correctionOrdered") && r.statusAt ? (
        <p className="text-sm font-medium text-orange-900" data-testid="resolution-status-reason">
          <time dateTime={isoOf(r.statusAt)}>{t(`resolutions.statusSince.${r.status}`, { date: date.format(new Date(r.statusAt)) })}</time>
          {r.statusReason ? ` ${t("resolutions.statusReason", { reason: r.statusReason })}` : null}
        </p>
      ) : null}
      {(r.status === "revoked" || r.status === "changed") && r.undoneBy ? (
        <p className="text-sm font-medium text-red-800" data-testid="resolution-undone">
          <a href={undoneHref ? undoneHref(r.undoneBy) : `#resolution-${r.undoneBy.year}-${r.undoneBy.number}`} className="underline">
            {t(`powers.undoneBy.${r.status}`, { year: r.undoneBy.year, number: r.undoneBy.number })}
          </a>
          {r.statusAt ? <time dateTime={isoOf(r.statusAt)}>{t("powers.undoneBy.on", { date: date.format(new Date(r.statusAt)) })}</time> : null}
        </p>
      ) : null}
      {r.status === "publicity" ? (
        <p className="text-sm font-medium text-amber-900" data-testid="publicity-period">
          {r.periodOver
            ? t("resolutions.awaitingAnswers")
            : `${t("resolutions.publicityUntil", { date: date.format(new Date(r.publicityEndsAt)) })} · ${t("resolutions.daysLeft", { count: r.daysLeft ?? 0 })}`}
        </p>
      ) : null}
    </div>
  );
}
