import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { LedgerBreakText } from "~/components/board/ledger-verdict";
import { useFormats } from "~/components/topic/formats";
import { useZoneLabel } from "~/components/time-zone";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { now } from "~/models/clock.server";
import { listLedgerEntries, verifyLedger } from "~/models/ledger.server";
import { ledgerAssistMarks } from "~/models/assist-marks.server";
import { AssistMark } from "~/components/assist/assist-mark";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

const PAGE = 50;

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "ledger");
  const before = new URL(args.request.url).searchParams.get("before");
  const beforeSeq = before && /^\d{1,12}$/.test(before) ? Number(before) : undefined;
  const entries = listLedgerEntries({ communityId: community.id, limit: PAGE, beforeSeq });
  const title = await pageTitle(args.request, [["ledger.title"], community], community.kind);
  return json({
    title,
    verdict: verifyLedger({ communityId: community.id }),
    entries,
    assisted: ledgerAssistMarks(entries),
    beforeSeq: beforeSeq ?? null,
    hasOlder: entries.length === PAGE && entries[PAGE - 1].seq > 1,
    // The zone's offset is named once, as it is now (the layout gives the zone itself).
    now: now().toISOString(),
  });
}

export default function Ledger() {
  const { verdict, entries, assisted, beforeSeq, hasOlder, now: at } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { stamp: format } = useFormats();
  const zone = useZoneLabel(new Date(at));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("ledger.title")}</h1>
      <p className="text-stone-600">{t("ledger.intro")}</p>
      <p className="text-sm text-stone-600" data-testid="ledger-zone">
        {t("timeZone.ledgerNote", { zone })}
      </p>
      <Card title={t("ledger.verify")}>
        {verdict.ok ? (
          <Alert tone="success">
            <span data-testid="ledger-verdict">{t("ledger.intact", { count: verdict.count })}</span>{" "}
            <code className="break-all font-mono text-xs">{verdict.headHash}</code>
          </Alert>
        ) : (
          <Alert tone="error">
            <span data-testid="ledger-verdict">
              <LedgerBreakText verdict={verdict} />
            </span>
          </Alert>
        )}
      </Card>
      <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="ledger-entries">
        {entries.map((e) => (
          <li key={e.seq} className="grid grid-cols-[3.5rem_1fr] gap-x-3 px-3 py-2 text-sm sm:grid-cols-[3.5rem_11rem_1fr_8rem_9rem]">
            <span className="tabular-nums text-stone-500">#{e.seq}</span>
            <time className="text-stone-600 sm:order-none" dateTime={e.createdAt}>
              {format.format(new Date(e.createdAt))}
            </time>
            <span className="col-start-2 sm:col-start-auto">
              <span className="font-medium">{t(`ledgerTypes.${e.type}`, { defaultValue: e.type })}</span>{" "}
              <span className="font-mono text-xs text-stone-500">{e.subject}</span>
            </span>
            <span className="col-start-2 text-stone-700 sm:col-start-auto">
              {e.actorName ?? t("ledger.system")}
              <AssistMark assisted={assisted[e.seq]} className="block" />
            </span>
            <span className="col-start-2 truncate font-mono text-xs text-stone-500 sm:col-start-auto" title={e.hash}>
              {e.hash.slice(0, 16)}…
            </span>
          </li>
        ))}
      </ol>
      <nav className="flex justify-between text-sm" aria-label={t("hall.pagination")}>
        {beforeSeq ? <Link to="?">{t("ledger.newer")}</Link> : <span />}
        {hasOlder ? <Link to={`?before=${entries[entries.length - 1].seq}`}>{t("ledger.older")}</Link> : null}
      </nav>
    </main>
  );
}
