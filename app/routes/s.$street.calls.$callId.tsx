import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { CallActionForm, TITLE_OF } from "~/components/calls/call-forms";
import { CallFlags } from "~/components/calls/call-flags";
import { CallTimeline } from "~/components/calls/call-timeline";
import { useFormats } from "~/components/topic/formats";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { notFound, requireStreetStaff } from "~/auth/guards.server";
import { handleCallAction } from "~/actions/calls.server";
import { CALL_MAX_PHOTOS } from "~/forms/calls";
import { useTranslation } from "~/i18n/use-translation";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { getCallForStreet, queueDepartments } from "~/models/department-call-queue.server";
import { formatSize, uploadMaxBytes } from "~/models/upload.server";

export const meta = titleMeta;

const ID = /^[1-9][0-9]{0,11}$/;

function callIdOf(raw: string | undefined): number {
  if (!raw || !ID.test(raw)) notFound();
  return Number(raw);
}

/** One call for the street's admin or a contact of its department: the topic (no resident's name), its history, and what the person may do now. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, street, isAdmin } = requireStreetStaff(args, args.params.street);
  const call = getCallForStreet({ streetId: street.id, callId: callIdOf(args.params.callId), userId: user.id, isAdmin });
  if (!call) notFound();
  const departments = call.actions.includes("redispatch") ? queueDepartments({ streetId: street.id, userId: user.id, isAdmin: true }).filter((d) => d.archivedAt === null) : [];
  return json({
    title: await pageTitle(args.request, [["calls.detailTitle", { id: call.id, topic: `#${call.topicNumber} ${call.topicTitle}` }]]),
    street: { slug: street.slug },
    call,
    departments: departments.map((d) => ({ id: d.id, nameZh: d.nameZh, nameEn: d.nameEn })),
    photos: { max: CALL_MAX_PHOTOS, maxBytes: uploadMaxBytes(), sizeLabel: formatSize(uploadMaxBytes()) },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { user, street, isAdmin } = requireStreetStaff(args, args.params.street);
  return handleCallAction({ request: args.request, street, userId: user.id, isAdmin, callId: callIdOf(args.params.callId) });
}

export default function StreetCall() {
  const { street, call, departments, photos } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const formats = useFormats();
  const date = (v: string | Date) => formats.date.format(new Date(v));
  const depts = departments.map((d) => ({ id: d.id, name: en ? d.nameEn : d.nameZh }));
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <Link to={`/s/${street.slug}/calls`} className="text-sm">
        ← {t("calls.back")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold break-words">{t("calls.detailTitle", { id: call.id, topic: `#${call.topicNumber} ${call.topicTitle}` })}</h1>
        <CallFlags state={call.state} responseOverdue={call.responseOverdue} workOverdue={call.workOverdue} />
      </div>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-500">{t("calls.community")}</dt>
          <dd>{en ? call.communityNameEn : call.communityNameZh}</dd>
          <dt className="text-stone-500">{t("calls.department")}</dt>
          <dd>{en ? call.departmentNameEn : call.departmentNameZh}</dd>
          <dt className="text-stone-500">{t("calls.origin")}</dt>
          <dd>{t(`call.origins.${call.origin}`)}</dd>
          {call.taskTitle ? (
            <>
              <dt className="text-stone-500">{t("calls.task")}</dt>
              <dd>{call.taskTitle}</dd>
            </>
          ) : null}
          <dt className="text-stone-500">{t("calls.ask")}</dt>
          <dd className="whitespace-pre-wrap break-words">{call.ask}</dd>
          <dt className="text-stone-500">{t("calls.wantedBy")}</dt>
          <dd>{date(call.wantedBy)}</dd>
          <dt className="text-stone-500">{t("calls.responseDue")}</dt>
          <dd className={call.responseOverdue ? "font-medium text-red-700" : undefined}>{formats.dateTime.format(new Date(call.responseDueAt))}</dd>
          {call.promisedBy ? (
            <>
              <dt className="text-stone-500">{t("calls.promisedBy")}</dt>
              <dd className={call.workOverdue ? "font-medium text-red-700" : undefined}>
                {date(call.promisedBy)} · {t("calls.percent", { percent: call.percent })}
              </dd>
            </>
          ) : null}
          {call.declineReason ? (
            <>
              <dt className="text-stone-500">{t("calls.declineReason")}</dt>
              <dd className="whitespace-pre-wrap break-words">{call.declineReason}</dd>
            </>
          ) : null}
          {call.previousCallId ? (
            <>
              <dt className="text-stone-500">{t("calls.origin")}</dt>
              <dd>{t("calls.previous", { id: call.previousCallId })}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title={t("calls.topicCard")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-500">{t("calls.stage")}</dt>
          <dd>{t(`topic.states.${call.topic.state}`, { defaultValue: call.topic.state })}</dd>
          {call.topic.location ? (
            <>
              <dt className="text-stone-500">{t("calls.location")}</dt>
              <dd className="break-words">{call.topic.location}</dd>
            </>
          ) : null}
          {call.topic.externalRef ? (
            <>
              <dt className="text-stone-500">{t("calls.ticket")}</dt>
              <dd>{call.topic.externalRef}</dd>
            </>
          ) : null}
        </dl>
        {call.topic.description ? <p className="mt-2 whitespace-pre-wrap break-words text-sm text-stone-800">{call.topic.description}</p> : null}
      </Card>
      <Card title={t("calls.history")}>
        <CallTimeline events={call.events} photoBase={`/c/${call.communitySlug}/board/photos`} department={en ? call.departmentNameEn : call.departmentNameZh} />
      </Card>
      {data?.problem && !call.actions.some((a) => a === data.intent) ? <Alert tone="error">{t(`call.problems.${data.problem}`)}</Alert> : null}
      {call.actions.length === 0 ? <p className="text-sm text-stone-600">{t("calls.noActions")}</p> : null}
      {call.actions.map((a) => (
        <Card key={a} title={t(TITLE_OF[a])}>
          <CallActionForm
            action={a}
            callId={call.id}
            lastResult={data && data.intent === a ? ((data.result ?? null) as SubmissionResult<string[]> | null) : null}
            problem={data && data.intent === a ? data.problem : null}
            photos={photos}
            departments={depts}
          />
        </Card>
      ))}
    </main>
  );
}
