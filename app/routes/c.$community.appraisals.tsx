import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BallotForm } from "~/components/appraisals/ballot-form";
import { CloseForm, OpenForm, TallyForm } from "~/components/appraisals/chair-controls";
import { ResultsTable } from "~/components/appraisals/results-table";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { handleAppraisalAction } from "~/actions/appraisal.server";
import { getAppraisalPage } from "~/models/appraisal-view.server";
import { citeArticle } from "~/workflow/rule-packs";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "appraisals");
  return json({
    title: await pageTitle(args.request, [["appraisal.title"], community], community.kind),
    ...getAppraisalPage({ communityId: community.id, kind: community.kind, userId: user.id, roles }),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { community, user, roles } = requireAccess(args, args.params.community, "appraisals");
  return handleAppraisalAction({ request: args.request, communityId: community.id, userId: user.id, roles, back: `/c/${community.slug}/appraisals` });
}

export default function AppraisalsPage() {
  const { year, article, current, sittings, supervises, closed, flagged } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const cite = citeArticle(article, i18n.language === "en" ? "en" : "zh-CN");
  const bodyOf = (body: "representatives" | "assembly") => t(`appraisal.body.${body}`);
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-stone-900">{t("appraisal.title")}</h1>
        <p className="text-sm text-stone-600">{t("appraisal.intro", { article: cite })}</p>
      </header>
      {data?.problem ? <Alert tone="error">{t(`appraisal.problems.${data.problem}`)}</Alert> : null}
      {flagged.map((f) => (
        <Alert key={f.userId} tone="error">
          <span data-testid="appraisal-flagged">{t("appraisal.flagged", { name: f.name, years: f.years.join("、"), article: cite })}</span>
        </Alert>
      ))}
      <Card title={<span id="current">{t("appraisal.year", { year })}</span>}>
        {!current ? (
          <div className="space-y-3">
            <p className="text-sm text-stone-600">{t("appraisal.none", { year })}</p>
            {supervises ? <OpenForm sittings={sittings} /> : null}
          </div>
        ) : (
          <div className="space-y-4" data-testid="appraisal-current">
            <div className="space-y-1 text-sm">
              <p className="font-medium">
                {t(`appraisal.status.${current.status}`)} · {t("appraisal.at", { number: current.meetingNumber, title: current.meetingTitle, body: bodyOf(current.body) })}
              </p>
              <p className="text-stone-600">
                {t("appraisal.chair", { name: current.chair })} · {current.body === "assembly" ? t("appraisal.present", { count: current.present ?? 0 }) : t("appraisal.voters", { count: current.voters })}
              </p>
              {current.body === "assembly" ? <p className="text-xs text-stone-500">{t("appraisal.paper")}</p> : null}
            </div>
            {current.voted ? <Alert tone="success">{t("appraisal.voted")}</Alert> : null}
            {current.mayVote ? <BallotForm appraisalId={current.id} subjects={current.subjects} /> : null}
            {current.countsShown ? <ResultsTable subjects={current.subjects} testId="appraisal-counts" /> : <p className="text-xs text-stone-500">{t("appraisal.countsHidden")}</p>}
            {current.mayTally ? <TallyForm appraisalId={current.id} subjects={current.subjects} /> : null}
            {current.mayClose ? <CloseForm appraisalId={current.id} /> : null}
          </div>
        )}
      </Card>
      <Card title={<span id="results">{t("appraisal.results")}</span>}>
        {closed.length === 0 ? (
          <p className="text-sm text-stone-600">{t("appraisal.noResults")}</p>
        ) : (
          <div className="space-y-4">
            {closed.map((a) => (
              <section key={a.id} className="space-y-2">
                <h3 className="text-sm font-semibold">{t("appraisal.resultsOf", { year: a.year, body: bodyOf(a.body), count: a.body === "assembly" ? a.subjects.reduce((m, s) => Math.max(m, s.competent + s.basicallyCompetent + s.incompetent), 0) : a.voters })}</h3>
                <ResultsTable subjects={a.subjects} testId={`appraisal-results-${a.year}`} />
              </section>
            ))}
          </div>
        )}
      </Card>
    </main>
  );
}
