import { useTranslation } from "~/i18n/use-translation";

/** Who recorded an act for its person (代录) and how: staff's name and the channel. */
export interface AssistedBy {
  by: string;
  channel: string;
}

/** "由某某代录(电话)" / "Recorded by X (phone)", wherever an act staff recorded is shown (decision 040). */
export function AssistMark({ assisted, className = "" }: { assisted: AssistedBy | null | undefined; className?: string }) {
  const { t } = useTranslation();
  if (!assisted) return null;
  return (
    <span className={`text-xs text-amber-800 ${className}`} data-testid="assist-mark">
      {t("assist.mark", { name: assisted.by, channel: t(`assist.channels.${assisted.channel}`, { defaultValue: assisted.channel }) })}
    </span>
  );
}
