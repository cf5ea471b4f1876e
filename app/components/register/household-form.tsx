import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { HOUSEHOLD_ADDRESS_MAX, HOUSEHOLD_CODE_MAX, HOUSEHOLD_GROUP_MAX } from "~/forms/register-limits";
import { Button } from "~/components/ui/button";
import { RegisterInput } from "./register-fields";

/** Adds a household, or (with `household`) edits one. */
export function HouseholdForm({ household }: { household?: { id: number; code: string; address: string; groupName: string } }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-3" data-testid={household ? `edit-household-${household.id}` : "add-household"}>
      <input type="hidden" name="intent" value={household ? "editHousehold" : "addHousehold"} />
      {household ? <input type="hidden" name="householdId" value={household.id} /> : null}
      <RegisterInput name="code" label={t("register.form.code")} hint={t("register.form.codeHint")} defaultValue={household?.code} required maxLength={HOUSEHOLD_CODE_MAX} />
      <RegisterInput name="address" label={t("register.form.address")} defaultValue={household?.address} maxLength={HOUSEHOLD_ADDRESS_MAX} />
      <RegisterInput name="groupName" label={t("register.form.groupName")} defaultValue={household?.groupName} maxLength={HOUSEHOLD_GROUP_MAX} />
      <Button>{household ? t("register.form.save") : t("register.form.add")}</Button>
    </Form>
  );
}
