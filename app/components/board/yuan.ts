import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** Money is stored in fen (分) and shown in yuan with two decimals, in the page's language. */
export function useYuan() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "CNY", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (fen: number) => format.format(fen / 100);
  }, [i18n.language]);
}
