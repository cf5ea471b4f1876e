import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { DEPARTMENT_CONTACT_MAX, DEPARTMENT_NAME_MAX, INVITE_NOTE_MAX, responseDays } from "~/forms/departments";
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from "~/workflow/department-call";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import type { DepartmentRow } from "./types";

const inputClass = "mt-1 block w-full min-h-[44px] rounded-md border border-stone-300 px-3 py-2 text-base";

function Hidden({ intent, id }: { intent: string; id: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="departmentId" value={id} />
    </>
  );
}

/** "响应时限 48 小时(2 天)", open and overdue calls, and 已停用. */
function Facts({ d }: { d: DepartmentRow }) {
  const { t } = useTranslation();
  const days = responseDays(d.responseHours);
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-700">
      <span>{days === null ? t("departments.limit", { hours: d.responseHours }) : t("departments.limitDays", { hours: d.responseHours, days })}</span>
      <span data-testid="open-calls">{t("departments.openCalls", { count: d.openCalls })}</span>
      <span data-testid="overdue-calls" className={d.overdueCalls > 0 ? "font-semibold text-red-700" : ""}>
        {t("departments.overdueCalls", { count: d.overdueCalls })}
      </span>
    </p>
  );
}

function Contacts({ d }: { d: DepartmentRow }) {
  const { t } = useTranslation();
  if (d.contacts.length === 0) return <p className="text-sm text-amber-800">{t("departments.noContacts")}</p>;
  return (
    <ul className="space-y-2">
      {d.contacts.map((c) => (
        <li key={c.userId} className="rounded-md border border-stone-200 p-2 text-sm">
          <span className="font-medium">{c.displayName}</span> <code className="text-stone-600">{c.username}</code>
          {d.archivedAt === null ? (
            <Form method="post" className="mt-1 flex flex-wrap items-end gap-2">
              <Hidden intent="removeContact" id={d.id} />
              <input type="hidden" name="userId" value={c.userId} />
              <ConfirmTick label={t("departments.removeConfirm", { name: c.displayName })} className="flex-1" />
              <Button variant="danger">{t("departments.remove")}</Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function EditForm({ d, open }: { d: DepartmentRow; open: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="space-y-3 rounded-md border border-stone-200 p-3" open={open}>
      <summary className="min-h-[44px] cursor-pointer py-2 text-sm font-medium">{t("departments.edit")}</summary>
      <Form method="post" className="grid gap-3 sm:grid-cols-2">
        <Hidden intent="edit" id={d.id} />
        <label className="text-sm">
          {t("departments.nameZh")}
          <input name="nameZh" defaultValue={d.nameZh} required maxLength={DEPARTMENT_NAME_MAX} className={inputClass} />
        </label>
        <label className="text-sm">
          {t("departments.nameEn")}
          <input name="nameEn" defaultValue={d.nameEn} maxLength={DEPARTMENT_NAME_MAX} className={inputClass} />
        </label>
        <label className="text-sm">
          {t("departments.contact")}
          <input name="contact" defaultValue={d.contact} maxLength={DEPARTMENT_CONTACT_MAX} className={inputClass} />
        </label>
        <label className="text-sm">
          {t("departments.responseHours")}
          <input name="responseHours" type="number" inputMode="numeric" min={RESPONSE_HOURS_MIN} max={RESPONSE_HOURS_MAX} defaultValue={d.responseHours} required className={inputClass} />
        </label>
        <div className="sm:col-span-2">
          <Button variant="secondary">{t("departments.save")}</Button>
        </div>
      </Form>
      <ArchiveForm d={d} />
    </details>
  );
}

/** Archive (ticked) or restore. */
function ArchiveForm({ d }: { d: DepartmentRow }) {
  const { t } = useTranslation();
  const archived = d.archivedAt !== null;
  return (
    <Form method="post" className="mt-3 space-y-2 border-t border-stone-200 pt-3">
      <Hidden intent={archived ? "restore" : "archive"} id={d.id} />
      {archived ? null : <ConfirmTick label={t("departments.archiveConfirm")} />}
      <Button variant={archived ? "secondary" : "danger"}>{t(archived ? "departments.restore" : "departments.archive")}</Button>
    </Form>
  );
}

function ContactForms({ d, open }: { d: DepartmentRow; open: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="rounded-md border border-stone-200 p-3" open={open || d.contacts.length === 0}>
      <summary className="min-h-[44px] cursor-pointer py-2 text-sm font-medium">{t("departments.addContactOrInvite")}</summary>
      <div className="grid gap-3 sm:grid-cols-2">
        <Form method="post" className="space-y-2">
          <Hidden intent="addContact" id={d.id} />
          <label className="block text-sm">
            {t("departments.username")}
            <input name="username" required maxLength={32} autoComplete="off" className={inputClass} />
          </label>
          <Button variant="secondary">{t("departments.addContact")}</Button>
        </Form>
        <Form method="post" className="space-y-2">
          <Hidden intent="invite" id={d.id} />
          <label className="block text-sm">
            {t("departments.inviteNote")}
            <input name="note" maxLength={INVITE_NOTE_MAX} className={inputClass} />
          </label>
          <p className="text-xs text-stone-600">{t("departments.inviteHint")}</p>
          <Button variant="secondary">{t("departments.invite")}</Button>
        </Form>
      </div>
    </details>
  );
}

/** One department: its facts, contact people, and the forms that change it (each works without JavaScript). */
export function DepartmentCard({ d, problem, code, intent }: { d: DepartmentRow; problem: string | null; code: string | null; intent: string | null }) {
  const { t, i18n } = useTranslation();
  const archived = d.archivedAt !== null;
  return (
    <li className="space-y-3 py-4" data-department={d.id}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold">{i18n.language === "en" ? d.nameEn : d.nameZh}</h3>
        <span className="text-sm text-stone-600">{i18n.language === "en" ? d.nameZh : d.nameEn}</span>
        {archived ? <span className="rounded bg-stone-200 px-2 text-sm text-stone-700">{t("departments.archivedBadge")}</span> : null}
      </div>
      <p className="text-sm text-stone-700">{d.contact || t("departments.noPublicContact")}</p>
      <Facts d={d} />
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {translateError(t, problem)}
        </p>
      ) : null}
      {code ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("departments.inviteCreated")}{" "}
          <code className="select-all rounded bg-white px-2 py-1 font-mono text-lg tracking-widest" data-testid="new-department-code">
            {code}
          </code>
        </p>
      ) : null}
      <h4 className="text-sm font-medium text-stone-700">{t("departments.contacts")}</h4>
      <Contacts d={d} />
      {archived ? <ArchiveForm d={d} /> : <ContactForms d={d} open={intent === "addContact" || intent === "invite"} />}
      {archived ? null : <EditForm d={d} open={intent === "edit" || intent === "archive"} />}
    </li>
  );
}
