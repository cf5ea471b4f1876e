import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { MEMBER_NAME_MAX } from "~/forms/register-limits";
import { Button } from "~/components/ui/button";
import { AccountSelect, RegisterInput } from "./register-fields";

export interface MemberFormValues {
  id: number;
  name: string;
  birthDate: string;
  representative: boolean;
  userId: number | null;
}

/** Adds a member to household `householdId`, or (with `member`) edits one. */
export function MemberForm({ householdId, member, accounts }: { householdId: number; member?: MemberFormValues; accounts: ReadonlyArray<{ id: number; name: string }> }) {
  const { t } = useTranslation();
  const tickId = useId();
  return (
    <Form method="post" className="space-y-3" data-testid={member ? `edit-member-${member.id}` : `add-member-${householdId}`}>
      <input type="hidden" name="intent" value={member ? "editMember" : "addMember"} />
      {member ? <input type="hidden" name="memberId" value={member.id} /> : <input type="hidden" name="householdId" value={householdId} />}
      <RegisterInput name="name" label={t("register.form.name")} defaultValue={member?.name} required maxLength={MEMBER_NAME_MAX} />
      <RegisterInput name="birthDate" type="date" label={t("register.form.birthDate")} defaultValue={member?.birthDate} required />
      <label htmlFor={tickId} className="flex min-h-[44px] cursor-pointer items-start gap-3 py-1 text-sm text-stone-800">
        <input id={tickId} type="checkbox" name="representative" value="on" defaultChecked={member?.representative} className="mt-0.5 h-5 w-5 shrink-0" />
        <span>{t("register.form.representative")}</span>
      </label>
      <AccountSelect label={t("register.form.account")} none={t("register.form.noAccount")} accounts={accounts} defaultValue={member?.userId ?? null} />
      <Button>{member ? t("register.form.save") : t("register.form.add")}</Button>
    </Form>
  );
}
