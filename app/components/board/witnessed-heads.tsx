import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/components/topic/formats";

export interface WitnessedHeadView {
  at: string;
  seq: number;
  hash: string;
}

/** The latest heads witnessed outside the database, newest first: anyone may copy them and check later. */
export function WitnessedHeads({ heads }: { heads: readonly WitnessedHeadView[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <div data-testid="witnessed-heads">
      {heads.length === 0 ? (
        <p className="text-sm text-stone-600">{t("board.verify.witnessedNone")}</p>
      ) : (
        <ul className="space-y-1">
          {heads.map((h) => (
            <li key={`${h.at}-${h.seq}`} className="text-sm">
              <span className="text-stone-700">{t("board.verify.witnessedAt", { at: dateTime.format(new Date(h.at)), seq: h.seq })}</span>
              <code className="block break-all font-mono text-xs text-stone-900">{h.hash}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
