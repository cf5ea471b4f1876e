import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";

export interface RosterImportRow {
  id: number;
  fileName: string;
  people: number;
  importedOn: string;
  importedBy: string;
}

/** Printing invite letters: paper size, whose letters, and the tick that says earlier letters stop working. */
export function LettersForm({ imports, pending }: { imports: RosterImportRow[]; pending: number }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Card title={t("roster.letters.title")}>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="letters" />
        <p className="text-sm text-stone-600">{t("roster.letters.intro", { pending })}</p>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-stone-800">{t("roster.letters.size")}</legend>
          {(["a4", "a6"] as const).map((size) => (
            <label key={size} className="flex min-h-[44px] items-center gap-2 text-sm">
              <input type="radio" name="size" value={size} defaultChecked={size === "a4"} className="h-5 w-5" />
              {t(`roster.letters.${size}`)}
            </label>
          ))}
        </fieldset>
        <label className="block text-sm font-medium text-stone-800">
          {t("roster.letters.which")}
          <select name="importId" className="mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-2 text-sm" defaultValue="">
            <option value="">{t("roster.letters.everyone")}</option>
            {imports.map((i) => (
              <option key={i.id} value={String(i.id)}>
                {t("roster.letters.oneImport", { id: i.id, file: i.fileName || "—", people: i.people, date: i.importedOn, by: i.importedBy })}
              </option>
            ))}
          </select>
        </label>
        <ConfirmTick label={t("roster.letters.confirm")} />
        <Button disabled={navigation.state === "submitting"} data-testid="roster-letters-submit">
          {t("roster.letters.submit")}
        </Button>
      </Form>
    </Card>
  );
}
