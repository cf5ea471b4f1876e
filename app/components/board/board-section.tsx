import type { ReactNode } from "react";

/** One section of the public board (screening decisions today; resolutions, votes and execution later). */
export function BoardSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`board-${id}`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5" data-testid={`board-${id}`}>
      <h2 id={`board-${id}`} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {hint ? <p className="mt-1 text-sm text-stone-600">{hint}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}
