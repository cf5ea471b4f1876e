import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { HouseholdForm } from "./household-form";
import { MemberForm, type MemberFormValues } from "./member-form";
import { Disclosure } from "./register-fields";

export interface HouseholdView {
  id: number;
  code: string;
  address: string;
  groupName: string;
  members: Array<MemberFormValues & { adult: boolean; userName: string | null }>;
}

function RemoveForm({ intent, idName, id, label, confirm, submit }: { intent: string; idName: string; id: number; label: string; confirm: string; submit: string }) {
  return (
    <Disclosure summary={label} danger>
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={idName} value={id} />
        <ConfirmTick label={confirm} />
        <Button variant="danger">{submit}</Button>
      </Form>
    </Disclosure>
  );
}

/** One household: its members (adults and the representative marked) and, for its editors, the forms to change it. */
export function HouseholdCard({ household, canEdit, editing, accounts }: { household: HouseholdView; canEdit: boolean; editing: boolean; accounts: ReadonlyArray<{ id: number; name: string }> }) {
  const { t } = useTranslation();
  const hasAdult = household.members.some((m) => m.adult);
  const hasRepresentative = household.members.some((m) => m.representative);
  return (
    <li id={`household-${household.id}`} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-testid="household">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-stone-900">{t("register.household.code", { code: household.code })}</h3>
        <span className="text-xs text-stone-500">{t("register.household.members", { count: household.members.length })}</span>
      </div>
      {household.address ? <p className="break-words text-sm text-stone-600">{household.address}</p> : null}
      {household.members.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t("register.household.noMembers")}</p> : null}
      {household.members.length > 0 && !hasAdult ? <p className="mt-2 text-sm text-amber-800">{t("register.household.noAdult")}</p> : null}
      {hasAdult && !hasRepresentative ? <p className="mt-2 text-sm text-amber-800">{t("register.household.noRepresentative")}</p> : null}
      <ul className="mt-2 divide-y divide-stone-100">
        {household.members.map((m) => (
          <li key={m.id} id={`member-${m.id}`} className="space-y-2 py-2" data-testid="member">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-stone-900">{m.name}</span>
              <span className="text-stone-500">{t("register.member.born", { date: m.birthDate })}</span>
              <span className={`rounded px-1.5 text-xs ${m.adult ? "bg-hall-50 text-hall-700" : "bg-stone-100 text-stone-600"}`}>{m.adult ? t("register.member.adult") : t("register.member.minor")}</span>
              {m.representative ? (
                <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900" data-testid="representative">
                  {t("register.member.representative")}
                </span>
              ) : null}
              {m.userName ? <span className="text-xs text-stone-500">{t("register.member.linked", { name: m.userName })}</span> : null}
            </div>
            {editing ? (
              <div className="space-y-2">
                <Disclosure summary={t("register.form.editMember")}>
                  <MemberForm householdId={household.id} member={m} accounts={accounts} />
                </Disclosure>
                <RemoveForm intent="removeMember" idName="memberId" id={m.id} label={t("register.form.removeMember")} confirm={t("register.form.removeMemberConfirm", { name: m.name })} submit={t("register.form.remove")} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && !editing ? (
        // The forms of one household at a time: a register of thousands stays a light page.
        <a href={`?edit=${household.id}#household-${household.id}`} className="mt-2 inline-block min-h-[44px] py-2 text-sm" data-testid="edit-household-link">
          {t("register.form.open")}
        </a>
      ) : null}
      {editing ? (
        <div className="mt-2 space-y-2">
          <Disclosure summary={t("register.form.addMember")}>
            <MemberForm householdId={household.id} accounts={accounts} />
          </Disclosure>
          <Disclosure summary={t("register.form.editHousehold")}>
            <HouseholdForm household={household} />
          </Disclosure>
          <RemoveForm intent="removeHousehold" idName="householdId" id={household.id} label={t("register.form.removeHousehold")} confirm={t("register.form.removeHouseholdConfirm", { code: household.code })} submit={t("register.form.removeHouseholdSubmit")} />
        </div>
      ) : null}
    </li>
  );
}
