import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { controlClass, describedBy, FieldShell } from "~/components/ui/field-shell";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { scheduleSchema } from "~/forms/meetings";
import { noticeDays } from "~/workflow/meetings";
import { instantOfWallTime } from "~/i18n/time-zone";
import { useTimeZone, useZoneName } from "~/components/time-zone";

interface Props {
  lastResult: SubmissionResult<string[]> | null;
  /** The server refused the last submit for short notice: ask for the confirmation. */
  refusedShort: boolean;
  /** The server's clock when the page was made (ms): short notice is counted from it, never from the browser's clock. */
  serverNow: number;
  noticeDaysRequired: number;
  pendingRequests: Array<{ id: number; reason: string }>;
  answering: number | null;
  /** The assembly's notice (10 days) and the article that sets it (村委会组织法 Art. 25; 居委会组织法 Art. 26). */
  assembly: { noticeDays: number; article: string };
}

/** Whether a "YYYY-MM-DDTHH:MM" (the community's time) gives less notice than the rules ask, seen from the server's now. */
function isShort(value: string, required: number, zone: string, serverNow: number): boolean {
  const at = instantOfWallTime(value, zone).getTime();
  return !Number.isNaN(at) && noticeDays(new Date(serverNow), new Date(at)) < required;
}

/**
 * The server's clock as this page sees it: the loader's `serverNow` plus the time since the page
 * was made (measured on the browser's clock, whose offset from the server's does not matter).
 */
function useServerClock(serverNow: number) {
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  useEffect(() => setLoadedAt(Date.now()), [serverNow]);
  return () => serverNow + (loadedAt === null ? 0 : Math.max(0, Date.now() - loadedAt));
}

/** 召集会议: title, time (China time), place, and the pending request it answers; short notice needs a confirmation. */
export function ScheduleForm({ lastResult, refusedShort, serverNow, noticeDaysRequired: repsNotice, pendingRequests, answering, assembly }: Props) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "schedule-meeting",
    lastResult,
    defaultValue: answering ? { requestId: String(answering) } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scheduleSchema }),
    shouldValidate: "onBlur",
  });
  // With scripts, warn as soon as the date is chosen (by the server's clock); without, the server's
  // refusal says it. Once the server refused for short notice, the box stays whatever the script thinks.
  const [liveShort, setLiveShort] = useState<boolean | null>(null);
  const [body, setBody] = useState<string>(typeof fields.body.initialValue === "string" ? fields.body.initialValue : "representatives");
  const noticeDaysRequired = body === "assembly" ? assembly.noticeDays : repsNotice;
  const serverClock = useServerClock(serverNow);
  const short = refusedShort || liveShort === true;
  const at = fields.scheduledAt;
  const zone = useTimeZone();
  const zoneName = useZoneName();
  const hint = t("meetings.schedule.noticeHint", { days: noticeDaysRequired });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="schedule-form">
      <input type="hidden" name="intent" value="schedule" />
      <fieldset className="space-y-1" data-testid="schedule-body">
        <legend className="text-sm font-medium text-stone-800">{t("assembly.schedule.body")}</legend>
        {(["representatives", "assembly"] as const).map((b) => (
          <label key={b} className="flex min-h-[44px] items-center gap-3 text-sm">
            <input type="radio" name="body" value={b} defaultChecked={body === b} onChange={() => setBody(b)} className="h-5 w-5 accent-hall-600" />
            {t(`assembly.body.${b}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1" data-testid="schedule-count-by">
        <legend className="text-sm font-medium text-stone-800">{t("assembly.schedule.countBy")}</legend>
        <p className="text-xs text-stone-500">{t("assembly.schedule.countByHint")}</p>
        {(["persons", "households"] as const).map((c) => (
          <label key={c} className="flex min-h-[44px] items-center gap-3 text-sm">
            <input type="radio" name="countBy" value={c} defaultChecked={fields.countBy.initialValue === c} className="h-5 w-5 accent-hall-600" />
            {t(`assembly.countBy.${c}`)}
          </label>
        ))}
        <p className="text-xs text-stone-600">{t("assembly.schedule.notice", { days: assembly.noticeDays, article: assembly.article })}</p>
      </fieldset>
      <Field field={fields.title} label={t("meetings.schedule.meetingTitle")} />
      <FieldShell field={at} label={t("meetings.schedule.scheduledAt", { zone: zoneName })} hint={hint}>
        <input
          {...getInputProps(at, { type: "datetime-local", ariaDescribedBy: describedBy(at, hint) })}
          key={at.key}
          onChange={(event) => setLiveShort(event.currentTarget.value ? isShort(event.currentTarget.value, noticeDaysRequired, zone, serverClock()) : null)}
          className={controlClass(at)}
        />
      </FieldShell>
      <Field field={fields.place} label={t("meetings.schedule.place")} />
      {pendingRequests.length ? (
        <SelectField
          field={fields.requestId}
          label={t("meetings.schedule.request")}
          options={[{ value: "", label: t("meetings.schedule.noRequest") }, ...pendingRequests.map((r) => ({ value: String(r.id), label: t("meetings.schedule.requestOption", { id: r.id, reason: r.reason.slice(0, 40) }) }))]}
        />
      ) : null}
      {short ? (
        <div className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" role="alert" data-testid="short-notice">
          <p>{refusedShort ? t("meetings.problems.shortNotice") : t("meetings.schedule.shortWarning", { required: noticeDaysRequired })}</p>
          <label className="flex min-h-[44px] items-center gap-3 font-medium">
            <input type="checkbox" name="acceptShortNotice" value="on" className="h-5 w-5 accent-hall-600" />
            {t("meetings.schedule.acceptShortNotice")}
          </label>
        </div>
      ) : null}
      <Button>{t("meetings.schedule.submit")}</Button>
    </Form>
  );
}
