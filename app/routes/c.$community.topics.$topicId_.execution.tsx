import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CompleteForm } from "~/components/execution/complete-form";
import { ResultsSection } from "~/components/execution/results-section";
import { TaskCard } from "~/components/execution/task-card";
import { TaskForm } from "~/components/execution/task-form";
import { asResult, fieldErrorsOf, hasFormFor } from "~/components/execution/types";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { notFound, requireAccess } from "~/auth/guards.server";
import { handleExecutionAction } from "~/actions/execution.server";
import { REPORT_MAX_PHOTOS } from "~/forms/execution";
import { completionOf, executionMay, getExecutionView, listUnitsWithContacts, myUnitIds } from "~/models/execution-view.server";
import { getTopicForPage, parseTopicId } from "~/models/topic-page.server";
import { formatSize, uploadMaxBytes } from "~/models/upload.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "execution");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const view = getExecutionView({ communityId: community.id, topicId }) ?? notFound();
  const may = executionMay(view, { roles, unitIds: myUnitIds({ communityId: community.id, userId: user.id }) });
  return json({
    title: await pageTitle(args.request, [["execution.page.title", { number: view.topic.number, title: view.topic.title }]], community.kind),
    slug: community.slug,
    ...view,
    may,
    completion: may.complete ? completionOf(view) : null,
    units: may.plan ? listUnitsWithContacts({ communityId: community.id }).map(({ id, name }) => ({ id, name })) : [],
    photos: { max: REPORT_MAX_PHOTOS, maxBytes: uploadMaxBytes(), sizeLabel: formatSize(uploadMaxBytes()) },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "execution");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  if (!getTopicForPage({ communityId: community.id, topicId })) notFound();
  return handleExecutionAction({ request: args.request, communityId: community.id, communitySlug: community.slug, topicId, userId: user.id, roles });
}

export default function ExecutionPage() {
  const { slug, topic, tasks, results, may, completion, units, photos } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const resultOf = (intent: string, id: number | null = null) => (data?.intent === intent && (id === null || data.id === id) ? data.result : null);
  const stateNote = topic.state === "executing" ? null : ["verifying", "closed"].includes(topic.state) ? t(`execution.page.state.${topic.state}`) : t("execution.page.notYet");
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <Link to={`/c/${slug}/topics/${topic.id}`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
        ← {t("execution.page.back")}
      </Link>
      <h1 className="break-words text-xl font-semibold text-stone-900">{t("execution.page.title", { number: topic.number, title: topic.title })}</h1>
      {data?.problem ? <Alert tone="error">{[t(`execution.problems.${data.problem}`), ...data.blockers.map((b) => t(`topic.blockers.${b}`))].join(" ")}</Alert> : null}
      {data && !data.problem && !hasFormFor(may, tasks.map((task) => task.id), data) ? <Alert tone="error">{t("errors.altered")}</Alert> : null}
      {stateNote ? <Alert tone="info">{stateNote}</Alert> : null}
      <section className="space-y-3" aria-labelledby="plan-title">
        <h2 id="plan-title" className="text-base font-semibold text-stone-900">
          {t("execution.page.plan")}
        </h2>
        {tasks.length === 0 ? <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("execution.page.noTasks")}</p> : null}
        {tasks.map((task) => (
          <TaskCard key={task.id} topicId={topic.id} task={task} slug={slug} may={may} photos={photos} units={units} resultOf={resultOf} />
        ))}
      </section>
      {completion ? <CompleteForm completion={completion} confirmErrors={fieldErrorsOf(resultOf("complete"), "confirm")} /> : null}
      {may.plan ? (
        <Card title={t("execution.task.formTitle")}>
          <TaskForm units={units} slug={slug} lastResult={asResult(resultOf("task"))} />
        </Card>
      ) : null}
      <ResultsSection results={results} mayPublish={may.publish} lastResult={resultOf("publishResult")} />
    </main>
  );
}
