import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { useFormats } from "~/components/topic/formats";

/** verifyLedger's verdict as the page receives it (app/models/ledger.server.ts). */
export type Verdict =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      count: number;
      brokenSeq: number | null;
      reason: string;
      record?: { check: string; why: string; record: string };
      witnessedAt?: string;
      witnessedSeq?: number;
      line?: number;
    };

type Broken = Extract<Verdict, { ok: false }>;

/** What broke, in words: the entry, the record, the rewrite or the truncation, and where. */
export function LedgerBreakText({ verdict }: { verdict: Broken }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const at = verdict.witnessedAt ? dateTime.format(new Date(verdict.witnessedAt)) : "";
  const seq = verdict.brokenSeq;
  let text: string;
  if (verdict.reason === "record" && verdict.record) {
    text = t(`ledger.record_${verdict.record.why}`, { seq, record: verdict.record.record, kind: t(`ledger.check_${verdict.record.check}`) });
  } else if (verdict.reason === "rewritten") text = t("ledger.rewritten", { seq, at });
  else if (verdict.reason === "truncated") text = t("ledger.truncated", { seq, at, witnessed: verdict.witnessedSeq });
  else if (verdict.reason === "witnessLog") text = t("ledger.witnessLog", { line: verdict.line });
  else text = t("ledger.broken", { seq, reason: t(`ledger.reason_${verdict.reason}`) });
  return <span data-testid="ledger-break">{text}</span>;
}

/** 核验台账: the chain's head hash and length when it holds, or the first thing that does not. */
export function LedgerVerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="verify-verdict" data-ok={verdict.ok}>
      {verdict.ok ? (
        <Alert tone="success">
          <span className="font-semibold">{t("board.verify.ok")}</span> {t("board.verify.count", { count: verdict.count })}
        </Alert>
      ) : (
        <Alert tone="error">
          <span className="font-semibold">{t("board.verify.broken")}</span> <LedgerBreakText verdict={verdict} />
        </Alert>
      )}
      {verdict.ok ? (
        <div>
          <p className="text-sm font-medium text-stone-800">{t("board.verify.head")}</p>
          <code className="mt-1 block break-all rounded bg-stone-100 px-2 py-1.5 font-mono text-xs text-stone-900" data-testid="verify-head">
            {verdict.headHash}
          </code>
        </div>
      ) : null}
      <p className="text-sm text-stone-600">{t("board.verify.how")}</p>
    </div>
  );
}
