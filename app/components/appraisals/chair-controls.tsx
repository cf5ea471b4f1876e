import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { APPRAISAL_RATINGS } from "~/workflow/assembly";
import type { SubjectRow } from "./results-table";

/** The chair's paper counts at an assembly: three whole numbers per appraised member. */
export function TallyForm({ appraisalId, subjects }: { appraisalId: number; subjects: SubjectRow[] }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-3" data-testid="appraisal-tally">
      <input type="hidden" name="intent" value="tally" />
      <input type="hidden" name="appraisalId" value={appraisalId} />
      <h3 className="text-sm font-semibold">{t("appraisal.tally.title")}</h3>
      {subjects.map((s) => (
        <fieldset key={s.userId} className="rounded border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">{s.name}</legend>
          <div className="grid grid-cols-3 gap-2">
            {APPRAISAL_RATINGS.map((r) => (
              <label key={r} className="text-xs text-stone-700">
                {t(`appraisal.ratings.${r}`)}
                <input type="number" min={0} step={1} inputMode="numeric" name={`${r}.${s.userId}`} defaultValue={s[r]} required className="mt-1 block min-h-[44px] w-full rounded border border-stone-300 px-2" />
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <Button variant="secondary">{t("appraisal.tally.submit")}</Button>
    </Form>
  );
}

/** Closing, confirmed: the verdicts are given by the rule shown, and the results go on the board. */
export function CloseForm({ appraisalId }: { appraisalId: number }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-2" data-testid="appraisal-close">
      <input type="hidden" name="intent" value="close" />
      <input type="hidden" name="appraisalId" value={appraisalId} />
      <h3 className="text-sm font-semibold">{t("appraisal.close.title")}</h3>
      <p className="text-xs text-stone-600">{t("appraisal.close.rule")}</p>
      <ConfirmTick label={t("appraisal.close.confirm")} />
      <Button variant="danger">{t("appraisal.close.submit")}</Button>
    </Form>
  );
}

/** Opening: the supervisor picks the meeting in session. */
export function OpenForm({ sittings }: { sittings: { id: number; number: number; title: string; body: "representatives" | "assembly" }[] }) {
  const { t } = useTranslation();
  if (sittings.length === 0) return <p className="text-sm text-stone-600">{t("appraisal.open.noSitting")}</p>;
  return (
    <Form method="post" className="space-y-2" data-testid="appraisal-open">
      <input type="hidden" name="intent" value="open" />
      <p className="text-xs text-stone-600">{t("appraisal.open.hint")}</p>
      <label className="block text-sm">
        {t("appraisal.open.meeting")}
        <select name="meetingId" required className="mt-1 block min-h-[44px] w-full rounded border border-stone-300 px-2">
          {sittings.map((m) => (
            <option key={m.id} value={m.id}>
              {t("appraisal.at", { number: m.number, title: m.title, body: t(`appraisal.body.${m.body}`) })}
            </option>
          ))}
        </select>
      </label>
      <Button>{t("appraisal.open.submit")}</Button>
    </Form>
  );
}
