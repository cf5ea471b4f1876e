import { useEffect, useState } from "react";

/**
 * Printed, a record stands alone: the site header, the community bar and anything marked `.no-print`
 * go; the record (`#<id>`) prints black on white.
 */
export function printCss(id: string): string {
  return `@media print {
  body > header, body > a, div:has(> nav > [data-testid="community-name"]), .no-print { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  #${id}, #${id} * { color: #000 !important; background: #fff !important; border-color: #000 !important; box-shadow: none !important; }
  #${id} { max-width: none; padding: 0; }
}`;
}

/**
 * A page's own style sheet. React escapes a <style> element's text ("body > header" would arrive as
 * "body &gt; header" and the rule would be dropped), so the constant CSS goes in as it is.
 */
export function PageStyle({ css }: { css: string }) {
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

/** A print button once the page runs scripts (without them, the browser's own print does the same). */
export function PrintButton({ label }: { label: string }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 text-sm" data-testid="print">
      {label}
    </button>
  );
}
