import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { EvaluationFigures, type Metric } from "~/components/reports/evaluation-figures";
import { evaluationPrintCss } from "~/components/reports/evaluation-print";
import { Alert } from "~/components/ui/alert";
import { PageStyle, PrintButton } from "~/components/ui/print";
import { requireStreetAdmin } from "~/auth/guards.server";
import { now } from "~/models/clock.server";
import { listCommunityEvaluation, listDepartmentEvaluation, type CommunityRow, type DepartmentRow } from "~/models/evaluation.server";
import { DEFAULT_TIME_ZONE } from "~/i18n/time-zone";
import { monthOf, nextMonth, parsePeriod, previousMonth } from "~/models/evaluation-period";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

// The street's months are Asia/Shanghai months (the default zone of its communities).
export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  const at = now();
  const asked = new URL(args.request.url).searchParams.get("month");
  const parsed = parsePeriod(asked, at, DEFAULT_TIME_ZONE);
  const period = parsed ?? parsePeriod(null, at, DEFAULT_TIME_ZONE)!;
  return json(
    {
      title: await pageTitle(args.request, [["evaluation.title", { name: street }]]),
      street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
      badMonth: parsed === null,
      month: period.kind === "month" ? period.month : null,
      thisMonth: monthOf(at, DEFAULT_TIME_ZONE),
      departments: listDepartmentEvaluation({ streetId: street.id, period, at }),
      communities: listCommunityEvaluation({ streetId: street.id, period, at }),
    },
    { status: parsed === null ? 400 : 200 },
  );
}

const PAGE_ID = "evaluation";
const navLink = "inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-3 text-sm no-underline hover:bg-stone-100";

export default function StreetEvaluation() {
  const { street, badMonth, month, thisMonth, departments, communities } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const streetName = en ? street.nameEn : street.nameZh;
  const period = month ? t("evaluation.periodMonth", { year: month.slice(0, 4), month: String(Number(month.slice(5))) }) : t("evaluation.periodAll");
  const base = `/s/${street.slug}/evaluation`;
  const name = (r: { nameZh: string; nameEn: string }) => (en ? r.nameEn : r.nameZh);
  const deptMetrics: Metric<DepartmentRow & { key: string; name: string }>[] = [
    { key: "received", label: t("evaluation.received"), value: (r) => r.received, unit: "count", tone: "muted" },
    { key: "medianResponse", label: t("evaluation.medianResponse"), value: (r) => r.medianResponseHours, unit: "hours", tone: "warn" },
    { key: "answeredInTime", label: t("evaluation.answeredInTime"), value: (r) => r.answeredInTimePct, unit: "pct", tone: "ok" },
    { key: "resolvedByPromise", label: t("evaluation.resolvedByPromise"), value: (r) => r.resolvedByPromisePct, unit: "pct", tone: "ok" },
    { key: "satisfaction", label: t("evaluation.satisfaction"), value: (r) => r.satisfactionPct, unit: "pct", tone: "hall" },
  ];
  const communityMetrics: Metric<CommunityRow & { key: string; name: string }>[] = [
    { key: "received", label: t("evaluation.topicsReceived"), value: (r) => r.received, unit: "count", tone: "muted" },
    { key: "medianScreening", label: t("evaluation.medianScreening"), value: (r) => r.medianScreeningDays, unit: "days", tone: "warn" },
    { key: "screenedInTime", label: t("evaluation.screenedInTime"), value: (r) => r.screenedInTimePct, unit: "pct", tone: "ok" },
    { key: "satisfaction", label: t("evaluation.communitySatisfaction"), value: (r) => r.satisfactionPct, unit: "pct", tone: "hall" },
    { key: "callsMade", label: t("evaluation.callsMade"), value: (r) => r.callsMade, unit: "count", tone: "muted" },
  ];
  const shown = month ?? thisMonth;
  return (
    <main id={PAGE_ID} className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <PageStyle css={evaluationPrintCss(PAGE_ID)} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("evaluation.title", { name: streetName })}</h1>
        <Link to={`/s/${street.slug}`} className="no-print">
          {t("nav.street")}
        </Link>
      </div>
      <p className="no-print text-sm text-stone-700">{t("evaluation.intro")}</p>
      {badMonth ? <Alert tone="error">{t("evaluation.badMonth")}</Alert> : null}
      <div className="no-print flex flex-wrap items-end gap-2">
        <form method="get" action={base} className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            {t("evaluation.month")}
            <input type="month" name="month" defaultValue={shown} className="mt-1 block min-h-[44px] rounded-md border border-stone-300 px-3 py-2 text-base" />
          </label>
          <button type="submit" className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-sm text-white hover:bg-hall-700">
            {t("evaluation.show")}
          </button>
        </form>
        <Link to={`${base}?month=${previousMonth(shown)}`} className={navLink}>
          {t("evaluation.previous")}
        </Link>
        <Link to={`${base}?month=${nextMonth(shown)}`} className={navLink}>
          {t("evaluation.next")}
        </Link>
        <Link to={`${base}?month=all`} className={navLink}>
          {t("evaluation.allTime")}
        </Link>
        <PrintButton label={t("evaluation.print")} />
      </div>
      <section className="eval-section space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5" aria-labelledby="eval-departments" data-testid="eval-departments">
        <h2 id="eval-departments" className="text-lg font-semibold">
          {`${streetName} · ${period} · ${t("evaluation.departments")}`}
        </h2>
        {departments.length === 0 ? (
          <p className="text-sm text-stone-600">{t("evaluation.noDepartments")}</p>
        ) : (
          <EvaluationFigures
            id="dept"
            rows={departments.map((d) => ({ ...d, key: String(d.id), name: name(d) }))}
            metrics={deptMetrics}
            nameHeader={t("evaluation.department")}
            extra={{ header: t("evaluation.limit"), value: (r) => t("evaluation.hours", { value: r.responseHours }) }}
          />
        )}
        <p className="text-xs text-stone-600">{t("evaluation.notes")}</p>
      </section>
      <section className="eval-section space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5" aria-labelledby="eval-communities" data-testid="eval-communities">
        <h2 id="eval-communities" className="text-lg font-semibold">
          {`${streetName} · ${period} · ${t("evaluation.communities")}`}
        </h2>
        <EvaluationFigures id="comm" rows={communities.map((c) => ({ ...c, key: c.slug, name: name(c) }))} metrics={communityMetrics} nameHeader={t("evaluation.community")} />
      </section>
    </main>
  );
}
