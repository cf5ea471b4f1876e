import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BoardSection } from "~/components/board/board-section";
import { LedgerVerdictView } from "~/components/board/ledger-verdict";
import { WitnessedHeads } from "~/components/board/witnessed-heads";
import { requirePublicAccess } from "~/auth/guards.server";
import { verifyLedger } from "~/models/ledger.server";
import { latestWitnessedHeads } from "~/models/ledger-witness.server";

export const meta = titleMeta;

// Public: anyone may have the chain recomputed; only its verdict is shown, never the entries.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "boardVerify");
  return json({
    title: await pageTitle(args.request, [["board.verify.title"], community], community.kind),
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    verdict: verifyLedger({ communityId: community.id }),
    witnessed: latestWitnessedHeads({ communityId: community.id, limit: 5 }).map(({ at, seq, hash }) => ({ at, seq, hash })),
  });
}

export default function BoardVerify() {
  const { community, verdict, witnessed } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const name = i18n.language === "en" ? community.nameEn : community.nameZh;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <div>
        <Link to={`/c/${community.slug}/board`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline-offset-2 hover:underline">
          ← {t("board.title", { name })}
        </Link>
        <h1 className="text-2xl font-bold">{t("board.verify.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("board.verify.intro")}</p>
      </div>
      <BoardSection id="verify" title={t("board.verify.result")}>
        <LedgerVerdictView verdict={verdict} />
      </BoardSection>
      <BoardSection id="witnessed" title={t("board.verify.witnessed")} hint={t("board.verify.witnessedHint")}>
        <WitnessedHeads heads={witnessed} />
      </BoardSection>
    </main>
  );
}
