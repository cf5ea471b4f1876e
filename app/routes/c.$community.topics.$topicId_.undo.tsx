import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { useTranslation } from "~/i18n/use-translation";
import { Labeled } from "~/components/powers/assembly-requests";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { notFound, requireAccess } from "~/auth/guards.server";
import { readForm } from "~/actions/read-form.server";
import { handleUndoPost } from "~/actions/powers.server";
import { getTopicUndo, listUndoableResolutions } from "~/models/powers-undo.server";
import { getTopicForPage, parseTopicId } from "~/models/topic-page.server";
import { UNDO_KINDS } from "~/workflow/assembly";
import { undoArticle, UNDO_NAMEABLE_STATES } from "~/workflow/powers";
import { citeArticle } from "~/workflow/rule-packs";

export const meta = titleMeta;

// 撤销 / 变更 (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3): the committee names the resolution a topic
// proposes to revoke or change, before its text is frozen. Its own page keeps the topic page's script lean.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "topicUndo");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const topic = getTopicForPage({ communityId: community.id, topicId }) ?? notFound();
  return json({
    title: await pageTitle(args.request, [["powers.undo.title"], { text: `#${topic.number} ${topic.title}` }], community.kind),
    slug: community.slug,
    topic: { id: topic.id, number: topic.number, title: topic.title },
    mayName: UNDO_NAMEABLE_STATES.includes(topic.state),
    current: getTopicUndo({ communityId: community.id, topicId }),
    resolutions: listUndoableResolutions({ communityId: community.id, exceptTopicId: topicId }),
    article: undoArticle(community.kind),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "topicUndo");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  if (!getTopicForPage({ communityId: community.id, topicId })) notFound();
  const formData = await readForm(args.request);
  return handleUndoPost({ formData, actor: { communityId: community.id, userId: user.id, roles }, topicId, topicPath: `/c/${community.slug}/topics/${topicId}` });
}

const control = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500";

export default function TopicUndoPage() {
  const { slug, topic, mayName, current, resolutions, article } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const problem = data && "powersProblem" in data ? data.powersProblem : null;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <Link to={`/c/${slug}/topics/${topic.id}`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
        ← {t("powers.undo.back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {t("powers.undo.title")} · #{topic.number} {topic.title}
      </h1>
      {problem ? <Alert tone="error">{t(`powers.problems.${problem}`)}</Alert> : null}
      <Card title={t("powers.undo.name")}>
        <div className="space-y-3 text-sm">
          <p className="text-stone-600">{t("powers.undo.intro", { article: citeArticle(article, i18n.language === "en" ? "en" : "zh-CN") })}</p>
          {current ? <p className="font-medium text-stone-900">{t(`powers.undo.proposes.${current.kind}`, { ...current.resolution })}</p> : null}
          {!mayName ? <p className="text-stone-600">{t("powers.undo.locked")}</p> : null}
          {mayName && resolutions.length === 0 ? <p className="text-stone-600">{t("powers.undo.noneAvailable")}</p> : null}
          {mayName ? (
            <Form method="post" className="space-y-3" data-testid="undo-form">
              <input type="hidden" name="intent" value="nameUndo" />
              <Labeled label={t("powers.undo.resolution")}>
                <select name="resolutionId" defaultValue={current?.resolution.id ?? ""} className={control}>
                  <option value="">{t("powers.undo.none")}</option>
                  {resolutions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {t("powers.undo.option", { ...r })}
                    </option>
                  ))}
                </select>
              </Labeled>
              <fieldset className="space-y-1">
                <legend className="text-sm font-medium text-stone-800">{t("powers.undo.kindLabel")}</legend>
                {UNDO_KINDS.map((k) => (
                  <label key={k} className="mr-4 inline-flex min-h-[44px] items-center gap-2">
                    <input type="radio" name="kind" value={k} defaultChecked={(current?.kind ?? "revoke") === k} className="h-5 w-5" />
                    {t(`powers.undo.kind.${k}`)}
                  </label>
                ))}
              </fieldset>
              <Button>{t("powers.undo.save")}</Button>
            </Form>
          ) : null}
        </div>
      </Card>
    </main>
  );
}
