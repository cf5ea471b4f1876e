import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { colorForUser } from "~/components/draft/colors";
import { DraftComments, type FormReply } from "~/components/draft/draft-comments";
import { DraftLive } from "~/components/draft/draft-live";
import { VersionPanel } from "~/components/draft/version-panel";
import { VersionView } from "~/components/draft/version-view";
import { Card } from "~/components/ui/card";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleDraftAction } from "~/actions/draft.server";
import { loadDraftPage, type VersionView as View } from "~/pages/draft.server";
import { getTopicForPage, parseTopicId } from "~/models/topic-page.server";

export const meta = titleMeta;

/** `?version=N&against=current|M`: read version N and compare it; anything malformed is "not found". */
function versionView(url: URL): View | null {
  const raw = url.searchParams.get("version");
  if (raw === null) return null;
  const number = parseTopicId(raw) ?? notFound();
  const against = url.searchParams.get("against");
  if (against === null || against === "") return { number, against: null };
  return { number, against: against === "current" ? "current" : (parseTopicId(against) ?? notFound()) };
}

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "draft");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const page = loadDraftPage({ communityId: community.id, topicId, roles, view: versionView(new URL(args.request.url)) }) ?? notFound();
  const title = await pageTitle(args.request, [["draft.pageTitle"], { text: `#${page.topic.number} ${page.topic.title}` }], community.kind);
  return json({ title, slug: community.slug, me: { name: user.displayName, color: colorForUser(user.id) }, ...page });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "draft");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  if (!getTopicForPage({ communityId: community.id, topicId })) notFound();
  return handleDraftAction({ request: args.request, communityId: community.id, communitySlug: community.slug, topicId, userId: user.id, roles });
}

export default function DraftPage() {
  const { slug, me, topic, html, mayEdit, mayComment, versions, version, comments } = useLoaderData<typeof loader>();
  const reply = (useActionData<typeof action>() ?? null) as FormReply | null;
  const { t } = useTranslation();
  const saveReply = reply?.intent === "saveVersion" ? reply : null;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <header className="space-y-1">
        <Link to={`/c/${slug}/topics/${topic.id}`} className="inline-flex min-h-[44px] items-center text-sm">
          ← {t("draft.backToTopic", { number: topic.number })}
        </Link>
        <h1 className="break-words text-xl font-semibold" data-testid="draft-title">
          {t("draft.pageTitle")} · #{topic.number} {topic.title}
        </h1>
        <p className="text-sm text-stone-600">
          <span className="rounded bg-hall-50 px-2 py-0.5 text-hall-800" data-testid="topic-state">
            {t(`topic.states.${topic.state}`)}
          </span>
        </p>
      </header>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t("draft.pageTitle")}>
            <div className="space-y-2">
              {mayEdit ? null : <p className="text-sm text-stone-600">{t("draft.readOnly")}</p>}
              <DraftLive topicId={topic.id} html={html} editable={mayEdit} user={me} />
            </div>
          </Card>
          {version ? <VersionView version={version} numbers={versions.map((v) => v.number)} /> : null}
          <DraftComments comments={comments} mayComment={mayComment} mayAnswer={mayEdit} reply={reply} />
        </div>
        <div className="min-w-0 space-y-4">
          <VersionPanel versions={versions} mayEdit={mayEdit} refused={saveReply?.problem === "notAllowed"} lastResult={(saveReply?.result ?? null) as SubmissionResult<string[]> | null} viewing={version?.number ?? null} />
        </div>
      </div>
    </main>
  );
}
