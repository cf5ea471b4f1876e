import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { useTranslation } from "~/i18n/use-translation";
import { DoorSeats } from "~/components/assembly/door-seats";
import { RollCount } from "~/components/assembly/roll-count";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleDoorAction } from "~/actions/meeting.server";
import { searchDoorRoll } from "~/models/assembly-door.server";
import { getMeetingView } from "~/models/meeting-view.server";
import { parseTopicId as parseRecordId } from "~/models/topic-page.server";
import { meetingMay } from "~/workflow/meeting-lifecycle";

export const meta = titleMeta;

const Q_MAX = 40;

/** 门口签到: the assembly's roll for staff at the door (a phone), found by name, household code or group. */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "meetingDoor");
  const meetingId = parseRecordId(args.params.meetingId) ?? notFound();
  const view = getMeetingView({ communityId: community.id, meetingId }) ?? notFound();
  const url = new URL(args.request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, Q_MAX);
  const { meeting, assembly, quorum } = view;
  const open = assembly !== null && meetingMay(meeting.status, "checkIn");
  return json({
    title: await pageTitle(args.request, [["assembly.door.title", { number: meeting.number }]], community.kind),
    slug: community.slug,
    meeting: { id: meeting.id, number: meeting.number, title: meeting.title },
    assembly,
    quorum,
    open,
    q,
    done: url.searchParams.has("done"),
    roll: open ? searchDoorRoll({ communityId: community.id, meetingId, scheduledAt: meeting.scheduledAt, q }) : { seats: [], more: false },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meetingDoor");
  const meetingId = parseRecordId(args.params.meetingId) ?? notFound();
  return handleDoorAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles, meetingId });
}

export default function DoorPage() {
  const { slug, meeting, assembly, quorum, open, q, done, roll } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-3 py-4">
      <Link to={`/c/${slug}/meetings/${meeting.id}`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
        ← {t("assembly.door.back")}
      </Link>
      <h1 className="text-xl font-bold text-stone-900">{t("assembly.door.title", { number: meeting.number })}</h1>
      {data && "problem" in data && data.problem ? <Alert tone="error">{t(`meetings.problems.${data.problem}`)}</Alert> : null}
      {done && !data ? <Alert tone="success">{t("assembly.door.done")}</Alert> : null}
      {!assembly ? <Alert tone="info">{t("assembly.door.notAssembly")}</Alert> : null}
      {assembly && quorum ? <RollCount assembly={assembly} quorum={quorum} /> : null}
      {assembly && !open ? <Alert tone="info">{t("assembly.door.notInSession")}</Alert> : null}
      {open ? (
        <>
          <p className="text-sm text-stone-600">{t("assembly.door.intro")}</p>
          <Form method="get" className="flex gap-2" role="search">
            <label className="sr-only" htmlFor="door-q">
              {t("assembly.door.searchLabel")}
            </label>
            <input id="door-q" name="q" type="search" defaultValue={q} maxLength={Q_MAX} placeholder={t("assembly.door.searchLabel")} className="min-h-[52px] min-w-0 flex-1 rounded-md border border-stone-300 px-3 text-lg" />
            <Button className="min-h-[52px] px-5 text-lg">{t("assembly.door.search")}</Button>
          </Form>
          <DoorSeats seats={roll.seats} q={q} />
          {roll.more ? <p className="text-sm text-stone-600">{t("assembly.door.more")}</p> : null}
        </>
      ) : null}
    </main>
  );
}
