import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { QueueList } from "~/components/calls/queue-list";
import { Card } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { requireStreetStaff } from "~/auth/guards.server";
import { useTranslation } from "~/i18n/use-translation";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { listDepartmentQueue, queueDepartments, type QueueFilter } from "~/models/department-call-queue.server";
import { CALL_STATES, type CallState } from "~/workflow/department-call";

export const meta = titleMeta;

const STATE_FILTERS = ["open", "overdue", ...CALL_STATES] as const;
const ID = /^[1-9][0-9]{0,11}$/;

/** The filter from the address: a value that is not one (typed or stale) is no filter, never an error page. */
function filterOf(url: URL, departmentIds: number[]): QueueFilter {
  const state = url.searchParams.get("state");
  const department = url.searchParams.get("department");
  return {
    ...((STATE_FILTERS as readonly string[]).includes(state ?? "") ? { state: state as CallState | "open" | "overdue" } : {}),
    ...(department && ID.test(department) && departmentIds.includes(Number(department)) ? { departmentId: Number(department) } : {}),
  };
}

/** 部门呼叫: a department's contact sees the calls to their department(s); the street admin all of the street's. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, street, isAdmin } = requireStreetStaff(args, args.params.street);
  const departments = queueDepartments({ streetId: street.id, userId: user.id, isAdmin });
  const filter = filterOf(new URL(args.request.url), departments.map((d) => d.id));
  return json({
    title: await pageTitle(args.request, [["calls.title", { name: street }]]),
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    isAdmin,
    departments: departments.map(({ archivedAt: _, ...d }) => d),
    filter,
    calls: listDepartmentQueue({ streetId: street.id, userId: user.id, isAdmin, filter }),
  });
}

export default function StreetCalls() {
  const { street, isAdmin, departments, filter, calls } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const select = "mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("calls.title", { name: en ? street.nameEn : street.nameZh })}</h1>
        {isAdmin ? <Link to={`/s/${street.slug}`}>{t("nav.street")}</Link> : null}
      </div>
      <p className="text-sm text-stone-700">{t(isAdmin ? "calls.intro" : "calls.introContact")}</p>
      <Card title={t("calls.filters")}>
        <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <label className="block text-sm font-medium text-stone-800">
            {t("calls.filterState")}
            <select name="state" defaultValue={filter.state ?? ""} className={select}>
              <option value="">{t("calls.all")}</option>
              <option value="open">{t("calls.open")}</option>
              <option value="overdue">{t("calls.overdue")}</option>
              {CALL_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`call.states.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-stone-800">
            {t("calls.filterDepartment")}
            <select name="department" defaultValue={filter.departmentId ?? ""} className={select}>
              <option value="">{t("calls.all")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {en ? d.nameEn : d.nameZh}
                </option>
              ))}
            </select>
          </label>
          <Button>{t("calls.apply")}</Button>
        </Form>
      </Card>
      <Card>
        <QueueList street={street.slug} calls={calls} />
      </Card>
    </main>
  );
}
