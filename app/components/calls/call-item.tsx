import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import { isOpenCall } from "~/workflow/department-call";
import { CallTimeline } from "./call-timeline";
import { AnswerForm, RedispatchForm, WithdrawForm } from "./community-call-forms";
import { refusalFor, type CallRefusal, type CallRow, type DepartmentOption } from "./types";

const STATE_TONE: Record<CallRow["state"], string> = {
  sent: "bg-amber-100 text-amber-900",
  infoRequested: "bg-amber-100 text-amber-900",
  accepted: "bg-hall-50 text-hall-800",
  resolved: "bg-green-100 text-green-800",
  declined: "bg-red-100 text-red-800",
  withdrawn: "bg-stone-200 text-stone-700",
};

/** A call may be sent elsewhere once declined, or while its response is overdue and still unanswered. */
export const mayRedispatch = (call: Pick<CallRow, "state" | "responseOverdue">) => call.state === "declined" || (call.state === "sent" && call.responseOverdue);

/** Which of the committee's forms a call shows now (a refusal for a form not shown is said at the card's top). */
export function showsForm(call: Pick<CallRow, "state" | "responseOverdue">, intent: string | null): boolean {
  if (intent === "answerCall") return call.state === "infoRequested";
  if (intent === "redispatchCall") return mayRedispatch(call);
  if (intent === "withdrawCall") return isOpenCall(call.state);
  return false;
}

/** One call: department, state, what was asked and by when, its flags, its history, and the committee's forms. */
export function CallItem({ call, slug, mayAct, departments, refusal }: { call: CallRow; slug: string; mayAct: boolean; departments: DepartmentOption[]; refusal: CallRefusal | null }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const department = i18n.language === "en" ? call.departmentNameEn : call.departmentNameZh;
  const day = (v: string | Date) => <time dateTime={isoOf(v)}>{date.format(new Date(v))}</time>;
  return (
    <li id={`call-${call.id}`} className="scroll-mt-4 space-y-3 rounded-lg border border-stone-200 p-3" data-testid="call-item">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold text-stone-900">{department}</h3>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_TONE[call.state]}`} data-testid="call-state">
          {t(`call.states.${call.state}`)}
        </span>
        {call.responseOverdue ? <span className="rounded bg-red-600 px-2 py-0.5 text-xs font-medium text-white">{t("callsCommunity.flags.responseOverdue")}</span> : null}
        {call.workOverdue ? <span className="rounded bg-red-600 px-2 py-0.5 text-xs font-medium text-white">{t("callsCommunity.flags.workOverdue")}</span> : null}
        <span className="text-xs text-stone-500">{t(`call.origins.${call.origin}`)}</span>
      </div>
      <p className="text-sm text-stone-700">{call.taskTitle ? t("callsCommunity.task", { title: call.taskTitle }) : t("callsCommunity.wholeTopic")}</p>
      <p className="whitespace-pre-wrap break-words text-sm text-stone-900" data-testid="call-ask">
        {call.ask}
      </p>
      {call.previousCallId ? <p className="text-xs text-stone-500">{t("callsCommunity.previous")}</p> : null}
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-500">{t("callsCommunity.wantedBy")}</dt>
          <dd>{day(call.wantedBy)}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("callsCommunity.responseDue")}</dt>
          <dd>{day(call.responseDueAt)}</dd>
        </div>
        {call.promisedBy ? (
          <div>
            <dt className="text-xs text-stone-500">{t("callsCommunity.promisedBy")}</dt>
            <dd>{day(call.promisedBy)}</dd>
          </div>
        ) : null}
      </dl>
      <CallTimeline events={call.events.map((e) => (e.kind === "sent" && e.body === call.ask ? { ...e, body: "" } : e))} photoBase={`/c/${slug}/photos`} department={department} />
      {mayAct && showsForm(call, "answerCall") ? <AnswerForm callId={call.id} refusal={refusalFor(refusal, "answerCall", call.id)} /> : null}
      {mayAct && showsForm(call, "redispatchCall") ? <RedispatchForm callId={call.id} departments={departments} refusal={refusalFor(refusal, "redispatchCall", call.id)} /> : null}
      {mayAct && showsForm(call, "withdrawCall") ? <WithdrawForm callId={call.id} refusal={refusalFor(refusal, "withdrawCall", call.id)} /> : null}
    </li>
  );
}
