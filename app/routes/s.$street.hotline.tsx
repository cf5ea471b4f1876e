import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { HotlineColumns } from "~/components/reports/hotline-columns";
import { HotlineRuns } from "~/components/reports/hotline-runs";
import { HotlineTokens } from "~/components/reports/hotline-tokens";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { notFound, requireStreetAdmin } from "~/auth/guards.server";
import { parseForm } from "~/actions/parse-form.server";
import { readForm } from "~/actions/read-form.server";
import { createTokenSchema, revokeTokenSchema } from "~/forms/hotline-tokens";
import { translateError } from "~/forms/messages";
import { createHotlineToken, EXPORT_RUNS_SHOWN, listHotlineExports, listHotlineTokens, revokeHotlineToken } from "~/models/hotline-token.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

const ms = (d: Date | null) => (d ? d.getTime() : null);

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  return json({
    title: await pageTitle(args.request, [["hotlineExport.title", { name: street }]]),
    street: { slug: street.slug, nameZh: street.nameZh, nameEn: street.nameEn },
    tokens: listHotlineTokens({ streetId: street.id }).map((tk) => ({ ...tk, createdAt: tk.createdAt.getTime(), lastUsedAt: ms(tk.lastUsedAt), revokedAt: ms(tk.revokedAt) })),
    runsShown: EXPORT_RUNS_SHOWN,
    runs: listHotlineExports({ streetId: street.id }).map((r) => ({ ...r, at: r.at.getTime(), since: ms(r.since) })),
  });
}

type ActionData = { created: { token: string; label: string } | null; revoked: boolean; labelError: string | null; problem: { tokenId: number; key: string } | null };
const answer = (data: Partial<ActionData>, status = 200) => json<ActionData>({ created: null, revoked: false, labelError: null, problem: null, ...data }, { status, headers: { "Cache-Control": "no-store" } });

export async function action(args: ActionFunctionArgs) {
  const { user, street } = requireStreetAdmin(args, args.params.street);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  if (intent === "createToken") {
    const submission = parseForm(formData, createTokenSchema);
    if (submission.status !== "success") return answer({ labelError: submission.error?.label?.[0] ?? "errors.required" }, 400);
    const made = createHotlineToken({ streetId: street.id, actorId: user.id, label: submission.value.label });
    return answer({ created: { token: made.token, label: submission.value.label } });
  }
  if (intent !== "revokeToken") throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  const submission = parseForm(formData, revokeTokenSchema);
  if (submission.status !== "success") {
    return answer({ problem: { tokenId: Number(formData.get("tokenId")), key: Object.values(submission.error ?? {}).flat()[0] ?? "errors.required" } }, 400);
  }
  const result = revokeHotlineToken({ streetId: street.id, tokenId: submission.value.tokenId });
  if (!result.ok && result.problem === "notFound") notFound();
  if (!result.ok) return answer({ problem: { tokenId: submission.value.tokenId, key: `hotlineExport.problems.${result.problem}` } }, 409);
  return answer({ revoked: true });
}

export default function StreetHotline() {
  const { street, tokens, runs, runsShown } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const base = `/s/${street.slug}/hotline`;
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("hotlineExport.title", { name: en ? street.nameEn : street.nameZh })}</h1>
        <Link to={`/s/${street.slug}`}>{t("nav.street")}</Link>
      </div>
      <p className="text-sm text-stone-700">{t("hotlineExport.intro")}</p>
      {data?.created ? (
        <Alert tone="success">
          <p>{t("hotlineExport.created")}</p>
          <p className="mt-1 font-semibold">{data.created.label}</p>
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 text-sm text-stone-900" data-testid="new-token">
            {data.created.token}
          </code>
        </Alert>
      ) : null}
      {data?.revoked ? <Alert tone="success">{t("hotlineExport.revoked")}</Alert> : null}
      {/* A problem with a token no row shows (a post from an older page): said at the top. */}
      {data?.problem && !tokens.some((tk) => tk.id === data.problem?.tokenId) ? <Alert tone="error">{translateError(t, data.problem.key)}</Alert> : null}
      <Card title={t("hotlineExport.download")}>
        <div className="space-y-4">
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/export.csv`} download className="inline-flex min-h-[44px] items-center rounded-md bg-hall-600 px-4 text-white no-underline hover:bg-hall-700">
              {t("hotlineExport.downloadCsv")}
            </a>
            <a href={`${base}/export.json`} className="inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-4 no-underline hover:bg-stone-100">
              {t("hotlineExport.downloadJson")}
            </a>
          </div>
          {/* A plain GET form: the browser downloads the file, with or without scripts. */}
          <form method="get" action={`${base}/export.csv`} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
            <label className="text-sm">
              {t("hotlineExport.since")}
              <input type="date" name="since" className="mt-1 block w-full min-h-[44px] rounded-md border border-stone-300 px-3 py-2 text-base" aria-describedby="since-hint" />
              <span id="since-hint" className="mt-1 block text-stone-600">
                {t("hotlineExport.sinceHint")}
              </span>
            </label>
            <button type="submit" className="inline-flex min-h-[44px] items-center justify-center rounded-md border border-stone-300 bg-white px-4 text-sm hover:bg-stone-100">
              {t("hotlineExport.downloadSince")}
            </button>
          </form>
        </div>
      </Card>
      <Card title={t("hotlineExport.columns")}>
        <HotlineColumns />
      </Card>
      <Card title={t("hotlineExport.tokens")}>
        <HotlineTokens tokens={tokens} problem={data?.problem ?? null} labelError={data?.labelError ?? null} />
      </Card>
      <Card title={t("hotlineExport.runs")}>
        <HotlineRuns runs={runs} shown={runsShown} />
      </Card>
    </main>
  );
}
