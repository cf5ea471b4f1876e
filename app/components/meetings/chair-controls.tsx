import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { useFormats, type Instant } from "~/components/topic/formats";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { cancelSchema } from "~/forms/meetings";
import { meetingMay } from "~/workflow/meeting-lifecycle";
import type { MeetingStatus } from "~/workflow/meetings";

interface Props {
  status: MeetingStatus;
  lastCancel: SubmissionResult<string[]> | null;
  /** The server's clock is before the announced time: starting needs the recorded confirmation. */
  early: boolean;
  scheduledAt: Instant;
}

/**
 * 主持会议 (convener): start a scheduled meeting (before its announced time only with the ticked
 * "会议提前于公告时间开始") or call it off with a reason; close a session (散会, ticked: it cannot be undone).
 */
export function ChairControls({ status, lastCancel, early, scheduledAt }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const [form, fields] = useForm({
    id: "cancel-meeting",
    lastResult: lastCancel,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelSchema }),
    shouldValidate: "onBlur",
  });
  const mayStart = meetingMay(status, "start");
  const mayEnd = meetingMay(status, "end");
  if (!mayStart && !mayEnd) return null;
  return (
    <Card title={t("meetings.chair.title")}>
      <div className="space-y-3 text-sm" data-testid="chair">
        {mayStart ? (
          <>
            <Form method="post" className="space-y-1">
              <input type="hidden" name="intent" value="start" />
              {early ? (
                <div className="rounded-md border border-amber-400 bg-amber-50 p-2 text-amber-950" data-testid="start-early">
                  <p className="text-xs">{t("meetings.chair.earlyHint", { at: dateTime.format(new Date(scheduledAt)) })}</p>
                  <ConfirmTick name="early" label={t("meetings.chair.early")} />
                </div>
              ) : null}
              <Button className="w-full" data-testid="start">
                {t("meetings.chair.start")}
              </Button>
              <p className="text-xs text-stone-500">{t("meetings.chair.startHint")}</p>
            </Form>
            <details className="rounded-md border border-stone-200 p-3" open={Boolean(lastCancel)}>
              <summary className="min-h-[28px] cursor-pointer font-medium text-red-700">{t("meetings.chair.cancel")}</summary>
              <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
                <input type="hidden" name="intent" value="cancel" />
                <Field field={fields.reason} label={t("meetings.chair.cancelReason")} />
                <Button variant="danger">{t("meetings.chair.cancel")}</Button>
              </Form>
            </details>
          </>
        ) : null}
        {mayEnd ? (
          <Form method="post" className="space-y-1">
            <input type="hidden" name="intent" value="end" />
            <ConfirmTick label={t("meetings.chair.endConfirm")} />
            <Button variant="secondary" className="w-full" data-testid="end">
              {t("meetings.chair.end")}
            </Button>
            <p className="text-xs text-stone-500">{t("meetings.chair.endHint")}</p>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
