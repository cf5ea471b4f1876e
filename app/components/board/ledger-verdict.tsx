import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";

export type Verdict = { ok: true; count: number; headHash: string } | { ok: false; count: number; brokenSeq: number; reason: string };

/** 核验台账: the chain's head hash and length when it holds, or the first entry that does not. */
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
          <span className="font-semibold">{t("board.verify.broken")}</span> {t("ledger.broken", { seq: verdict.brokenSeq, reason: t(`ledger.reason_${verdict.reason}`) })}
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
