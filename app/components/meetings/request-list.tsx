import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { AssemblyRequestShares, type AssemblyCounts, type AssemblyShares } from "~/components/powers/assembly-requests";
import { requestMay } from "~/workflow/meeting-lifecycle";
import type { MeetingRequestStatus } from "~/workflow/meetings";

export interface RequestItem {
  id: number;
  /** The representatives' meeting, or the assembly (its shares: AssemblyRequestShares). */
  body?: "representatives" | "assembly";
  reason: string;
  status: MeetingRequestStatus;
  createdAt: Instant;
  meetingId: number | null;
  author: string;
  signatures: number;
  signers: string[];
  signed: boolean;
}

export interface RequestThreshold {
  needed: number;
  num: number;
  den: number;
}

const STATUS_KEY = { collecting: "statusCollecting", pending: "statusPending", answered: "statusAnswered" } as const;

/** 代表提议: each request with its signatures against the legal share; sign buttons for representatives. */
export function RequestList({
  requests,
  threshold,
  slug,
  mayAnswer,
  maySign,
  assembly,
}: {
  requests: RequestItem[];
  threshold: RequestThreshold;
  slug: string;
  mayAnswer: boolean;
  maySign: boolean;
  assembly?: { shares: AssemblyShares; counts: Record<string, AssemblyCounts> };
}) {
  const { t } = useTranslation();
  const { date } = useFormats();
  if (!requests.length) return <p className="text-sm text-stone-500">{t("meetings.requests.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="requests">
      {requests.map((r) => {
        const pending = r.status === "pending";
        const share = Math.min(1, r.signatures / Math.max(threshold.needed, 1));
        return (
          <li
            key={r.id}
            id={`request-${r.id}`}
            className={`rounded-md border p-3 text-sm ${pending ? "border-amber-400 bg-amber-50" : "border-stone-200"}`}
            data-testid="request"
            data-status={r.status}
          >
            <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
              <span className="text-stone-500">
                {t("meetings.requests.by", { name: r.author })} · <time dateTime={isoOf(r.createdAt)}>{date.format(new Date(r.createdAt))}</time>
              </span>
              <span className={`rounded px-2 py-0.5 font-medium ${pending ? "bg-amber-200 text-amber-900" : r.status === "answered" ? "bg-stone-200 text-stone-700" : "bg-sky-100 text-sky-900"}`}>
                {t(`meetings.requests.${STATUS_KEY[r.status]}`)}
              </span>
            </div>
            <p className="mt-2 whitespace-pre-wrap break-words text-stone-900">{r.reason}</p>
            {r.body === "assembly" && assembly ? (
              <AssemblyRequestShares shares={assembly.shares} counts={assembly.counts[r.id] ?? { signatures: r.signatures, persons: 0, households: 0 }} />
            ) : (
              <>
                <div className="mt-2 h-2 overflow-hidden rounded bg-stone-200" aria-hidden="true">
                  <div className={`h-full ${share >= 1 ? "bg-green-600" : "bg-hall-500"}`} style={{ width: `${Math.round(share * 100)}%` }} />
                </div>
                <p className="mt-1 text-stone-700" data-testid="request-signatures">
                  {t("meetings.requests.signatures", { signatures: r.signatures, needed: threshold.needed, num: threshold.num, den: threshold.den })}
                </p>
              </>
            )}
            <p className="mt-1 break-words text-xs text-stone-500">{t("meetings.requests.signers", { names: r.signers.join("、") })}</p>
            <div className="mt-2 flex flex-wrap items-center gap-3">
              {requestMay(r.status, "sign") && maySign && !r.signed ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="sign" />
                  <input type="hidden" name="requestId" value={r.id} />
                  <Button variant="secondary">{t("meetings.requests.sign")}</Button>
                </Form>
              ) : null}
              {r.signed ? <span className="text-sm text-green-800">✓ {t("meetings.requests.signed")}</span> : null}
              {requestMay(r.status, "answer") && mayAnswer ? (
                <Link to={`?answer=${r.id}#schedule`} className="inline-flex min-h-[44px] items-center font-medium text-hall-700 underline">
                  {t("meetings.requests.answerThis")}
                </Link>
              ) : null}
              {r.meetingId ? (
                <Link to={`/c/${slug}/meetings/${r.meetingId}`} className="inline-flex min-h-[44px] items-center text-hall-700 underline">
                  {t("meetings.requests.answeredLink")}
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
