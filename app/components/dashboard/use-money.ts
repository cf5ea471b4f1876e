import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** Money is stored in fen (分) and shown in yuan with two decimals: "1,200.00 元" / "¥1,200.00". */
export function useMoney() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (fen: number) => t("supervision.money", { amount: number.format(fen / 100) });
  }, [t, i18n.language]);
}
