import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";

export interface DiffBlock {
  kind: "same" | "added" | "removed";
  /** Formatted on the server (renderMarkdown): escaped text in known tags only. */
  html: string;
}

interface Props {
  version: { number: number; note: string; html: string; against: number | "current" | null; diff: DiffBlock[] | null };
  numbers: number[];
}

/** One saved version, read-only, with its difference from another version or the current text. */
export function VersionView({ version, numbers }: Props) {
  const { t } = useTranslation();
  const other = version.against === "current" ? t("draft.versions.diffCurrent") : t("draft.versions.diffOther", { number: version.against });
  return (
    <Card title={<span id="version">{t("draft.versions.viewing", { number: version.number })}</span>} actions={<Link to="." className="inline-flex min-h-[44px] items-center text-sm">{t("draft.versions.close")}</Link>}>
      <div className="space-y-4">
        {version.note ? <p className="break-words text-sm text-stone-700">{version.note}</p> : null}
        <div className="draft-prose rounded-md border border-stone-200 bg-stone-50 px-3 py-2" data-testid="version-text" dangerouslySetInnerHTML={{ __html: version.html }} />
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="version" value={version.number} />
          <label className="text-sm">
            <span className="block font-medium">{t("draft.versions.against")}</span>
            <select name="against" defaultValue={String(version.against ?? "")} className="mt-1 min-h-[44px] rounded-md border border-stone-300 bg-white px-2">
              <option value="current">{t("draft.versions.current")}</option>
              {numbers.filter((n) => n !== version.number).map((n) => (
                <option key={n} value={n}>
                  {t("draft.versions.number", { number: n })}
                </option>
              ))}
            </select>
          </label>
          <Button variant="secondary">{t("draft.versions.compare")}</Button>
        </Form>
        {version.diff ? (
          <section aria-labelledby="diff-title" className="space-y-2">
            <h3 id="diff-title" className="text-sm font-semibold">
              {t("draft.versions.diffTitle", { number: version.number, other })}
            </h3>
            <p className="text-xs text-stone-600">
              {t("draft.versions.legend")} <ins className="rounded border-l-4 border-green-700 bg-green-50 px-1 text-green-950">＋ {t("draft.versions.added")}</ins>{" "}
              <del className="rounded border-l-4 border-red-700 bg-red-50 px-1 text-red-950">－ {t("draft.versions.removed")}</del>
            </p>
            {version.diff.some((p) => p.kind !== "same") ? (
              <div className="space-y-1 rounded-md border border-stone-200 bg-white px-3 py-2" data-testid="version-diff">
                {version.diff.map((block, i) => (block.kind === "added" ? <Added key={i} html={block.html} /> : block.kind === "removed" ? <Removed key={i} html={block.html} /> : <div key={i} className="draft-prose text-stone-600" dangerouslySetInnerHTML={{ __html: block.html }} />))}
              </div>
            ) : (
              <p className="text-sm text-stone-600" data-testid="version-diff">{t("draft.versions.same")}</p>
            )}
          </section>
        ) : null}
      </div>
    </Card>
  );
}

// Not colour alone: a marker in the margin (＋ / －), a rule and underline / strike-through say which is which.
function Added({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <ins className="relative block rounded border-l-4 border-green-700 bg-green-50 pl-6 pr-2 text-green-950 no-underline" title={t("draft.versions.added")} data-diff="added">
      <span aria-hidden="true" className="absolute left-1 top-1 font-bold text-green-800">＋</span>
      <span className="sr-only">{t("draft.versions.added")}: </span>
      <div className="draft-prose underline decoration-green-700" dangerouslySetInnerHTML={{ __html: html }} />
    </ins>
  );
}

function Removed({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <del className="relative block rounded border-l-4 border-red-700 bg-red-50 pl-6 pr-2 text-red-950 no-underline" title={t("draft.versions.removed")} data-diff="removed">
      <span aria-hidden="true" className="absolute left-1 top-1 font-bold text-red-800">－</span>
      <span className="sr-only">{t("draft.versions.removed")}: </span>
      <div className="draft-prose line-through decoration-red-700" dangerouslySetInnerHTML={{ __html: html }} />
    </del>
  );
}
