import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { VERIFY_MAX_PHOTOS, VERIFY_NOTES_MAX } from "~/forms/supervision";

/**
 * 核实: the supervisor's on-site check, with photos; a plain multipart form, so it works without
 * JavaScript. `errors` are the field errors of this topic's last refused post.
 */
export function VerifyForm({ topicId, sizeLabel, errors }: { topicId: number; sizeLabel: string; errors: Record<string, string[] | undefined> }) {
  const { t } = useTranslation();
  const id = (name: string) => `verify-${topicId}-${name}`;
  const error = (name: string) => (errors[name]?.length ? <p className="text-sm text-red-700">{errors[name]!.map((e) => translateError(t, e)).join(" ")}</p> : null);
  return (
    <Form method="post" encType="multipart/form-data" className="no-print space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid={`verify-form-${topicId}`}>
      <h4 className="text-sm font-semibold text-stone-900">{t("supervision.verify.title")}</h4>
      <input type="hidden" name="intent" value="verify" />
      <input type="hidden" name="topicId" value={topicId} />
      <div className="space-y-1">
        <label htmlFor={id("notes")} className="block text-sm font-medium text-stone-800">
          {t("supervision.verify.notes")}
        </label>
        <textarea id={id("notes")} name="notes" required maxLength={VERIFY_NOTES_MAX} rows={3} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-base" aria-describedby={id("notes-hint")} />
        <p id={id("notes-hint")} className="text-xs text-stone-500">
          {t("supervision.verify.notesHint")}
        </p>
        {error("notes")}
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{t("supervision.verify.verdict")}</legend>
        {(["yes", "no"] as const).map((v) => (
          <label key={v} className="flex min-h-[44px] items-center gap-2 text-sm">
            <input type="radio" name="verified" value={v} required className="h-5 w-5" />
            {t(`supervision.verify.${v}`)}
          </label>
        ))}
        {error("verified")}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={id("photos")} className="block text-sm font-medium text-stone-800">
          {t("supervision.verify.photos")}
        </label>
        <input
          id={id("photos")}
          name="photos"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp"
          className="block min-h-[44px] w-full max-w-full text-sm file:mr-3 file:min-h-[44px] file:cursor-pointer file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:text-sm file:text-stone-800"
        />
        <p className="text-xs text-stone-500">{t("supervision.verify.photosHint", { max: VERIFY_MAX_PHOTOS, size: sizeLabel })}</p>
        {error("photos")}
      </div>
      <button type="submit" className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-white hover:bg-hall-700">
        {t("supervision.verify.submit")}
      </button>
    </Form>
  );
}
