import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { APPRAISAL_RATINGS } from "~/workflow/assembly";

/** The secret ballot: one radio group per appraised member, every one required; plain HTML, works without script. */
export function BallotForm({ appraisalId, subjects }: { appraisalId: number; subjects: { userId: number; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-3" data-testid="appraisal-ballot">
      <input type="hidden" name="intent" value="ballot" />
      <input type="hidden" name="appraisalId" value={appraisalId} />
      <p className="text-xs text-stone-600">{t("appraisal.secret")}</p>
      {subjects.map((s) => (
        <fieldset key={s.userId} className="rounded border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">{s.name}</legend>
          <div className="flex flex-wrap gap-x-4">
            {APPRAISAL_RATINGS.map((r) => (
              <label key={r} className="flex min-h-[44px] cursor-pointer items-center gap-2 text-sm">
                <input type="radio" name={`rating.${s.userId}`} value={r} required className="h-5 w-5" />
                {t(`appraisal.ratings.${r}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="text-xs text-stone-500">{t("appraisal.ballot.confirm")}</p>
      <Button>{t("appraisal.ballot.submit")}</Button>
    </Form>
  );
}
