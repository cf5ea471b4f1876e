import { printCss } from "~/components/ui/print";

/**
 * The evaluation printed for the street's monthly report: A4 portrait, each section on its own page
 * under its header (street, period), the charts two by two, in grey.
 */
export function evaluationPrintCss(id: string): string {
  return `${printCss(id)}
@page { size: A4 portrait; margin: 14mm; }
@media print {
  #${id} .eval-section { break-after: page; page-break-after: always; border: none !important; padding: 0 !important; }
  #${id} .eval-section:last-of-type { break-after: auto; page-break-after: auto; }
  #${id} svg rect { filter: grayscale(1); }
  #${id} table { font-size: 10pt; }
  #${id} figure { break-inside: avoid; }
}`;
}
