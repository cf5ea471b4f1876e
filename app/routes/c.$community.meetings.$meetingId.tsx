// Stand-in for the meeting page so its posts can be tested over HTTP: the guard, the community
// scope and the action are the real ones; the page shows only the meeting's title and a refusal.
// The meeting page proper (roster, agenda, forms) replaces this file.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleMeetingAction } from "~/forms/meeting-actions.server";
import { getMeetingView } from "~/models/meeting-view.server";
import { parseTopicId } from "~/models/topic-page.server";

export async function loader(args: LoaderFunctionArgs) {
  const { community, user } = requireAccess(args, args.params.community, "meeting");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const view = getMeetingView({ communityId: community.id, meetingId, forUserId: user.id }) ?? notFound();
  return json({ title: view.meeting.title });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "meeting");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  return handleMeetingAction({ request: args.request, communityId: community.id, communitySlug: community.slug, userId: user.id, roles, meetingId });
}

export default function MeetingPage() {
  const { title } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <h1 className="break-words text-xl font-semibold text-stone-900">{title}</h1>
      {data && "problem" in data && data.problem ? <Alert tone="error">{t(`meetings.problems.${data.problem}`)}</Alert> : null}
    </main>
  );
}
