import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { RULE_PACKS } from "~/workflow/rule-packs";
import { Button } from "../ui/button";

/** Switch the community to a named rule pack (every number and the basis back to its defaults). */
export function PackForm({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-2" data-testid="pack-form">
      <input type="hidden" name="intent" value="pack" />
      <p className="text-sm text-stone-600">{t("rulesEdit.packHint")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 space-y-1">
          <span className="block text-sm font-medium text-stone-800">{t("rules.pack")}</span>
          <select name="pack" defaultValue={current} className="block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base">
            {Object.keys(RULE_PACKS).map((id) => (
              <option key={id} value={id}>
                {t(`rules.pack_${id}`)}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary">{t("rulesEdit.packApply")}</Button>
      </div>
    </Form>
  );
}
