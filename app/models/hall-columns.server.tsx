import type { i18n as I18n } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { untilNextWrite } from "../../db/prepared";
import { StageColumnList, type HallColumns } from "~/components/hall/stage-columns";
import { listHallTopics } from "./topic.server";

/** Rendered columns are kept at most this long: their "N days in this stage" counts from when they were rendered. */
const FRESH_MS = 60_000;

export interface RenderedColumns {
  byStage: HallColumns;
  /** The moment the days in each stage were counted from; the page counts from it too. */
  now: number;
  /** The columns' server markup (StageColumnList), for the load context's fragments. */
  html: string;
}

interface ColumnsOf {
  communityId: number;
  communitySlug: string;
  /** The request's language's shared i18next instance (app/i18n/instances.server.ts). */
  i18n: I18n;
  at: number;
}

/**
 * The hall's six columns as everyone in a community sees them in one language, read and rendered
 * once until the next write (or for a minute): the cards are most of the hall's rendering, and a
 * hall is viewed far more often than its topics change. The data goes to the browser as usual; the
 * markup goes into the server render as it is (app/components/server-fragments.tsx).
 */
const remembered = untilNextWrite(renderColumns, {
  key: ({ communityId, i18n, at }) => `${communityId}:${i18n.language}:${Math.floor(at / FRESH_MS)}`,
  max: 200,
});

function renderColumns({ communityId, communitySlug, i18n, at }: ColumnsOf): RenderedColumns {
  const byStage = listHallTopics({ communityId });
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <StageColumnList byStage={byStage} now={at} communitySlug={communitySlug} />
    </I18nextProvider>,
  );
  return { byStage, now: at, html };
}

export function renderedHallColumns(of: Omit<ColumnsOf, "at">): RenderedColumns {
  return remembered({ ...of, at: Date.now() });
}
