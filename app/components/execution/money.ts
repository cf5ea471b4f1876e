/** Fen as yuan with two decimals, in the reader's language ("1,200.00"). */
export function formatYuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100);
}
