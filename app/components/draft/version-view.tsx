import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

interface Props {
  version: { number: number; note: string; html: string; against: number | "current" | null; diff: DiffPart[] | null };
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
              {t("draft.versions.legend")} <Added text={t("draft.versions.added")} /> <Removed text={t("draft.versions.removed")} />
            </p>
            {version.diff.some((p) => p.kind !== "same") ? (
              <div className="whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-white px-3 py-2 text-sm leading-relaxed" data-testid="version-diff">
                {version.diff.map((part, i) => (part.kind === "added" ? <Added key={i} text={part.text} /> : part.kind === "removed" ? <Removed key={i} text={part.text} /> : <span key={i}>{part.text}</span>))}
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

// Not colour alone: a marker (＋ / －) and underline / strike-through say which is which.
function Added({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <ins className="rounded bg-green-100 text-green-900 underline decoration-green-700" title={t("draft.versions.added")}>
      <span aria-hidden="true" className="font-bold">[+</span>
      <span className="sr-only">{t("draft.versions.added")}: </span>
      {text}
      <span aria-hidden="true" className="font-bold">+]</span>
    </ins>
  );
}

function Removed({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <del className="rounded bg-red-100 text-red-900 line-through decoration-red-700" title={t("draft.versions.removed")}>
      <span aria-hidden="true" className="font-bold">[-</span>
      <span className="sr-only">{t("draft.versions.removed")}: </span>
      {text}
      <span aria-hidden="true" className="font-bold">-]</span>
    </del>
  );
}
