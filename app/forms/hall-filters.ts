import { STAGES, TOPIC_STATUSES, type Stage, type TopicStatus } from "../workflow/stages";

/**
 * The hall's filters, read from the query string. They come from a GET form anyone can edit by hand,
 * so every value is checked and anything unexpected is dropped (never an error page).
 */
export interface HallFilters {
  stage: Stage | null;
  category: number | null;
  status: TopicStatus | null;
  mine: boolean;
  q: string;
  page: number;
}

export const HALL_QUERY_MAX = 100;
const MAX_PAGE = 100_000;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInt(value: string | null, max: number): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= max ? n : null;
}

/** Control characters (including NUL) are never part of a search. */
function cleanQuery(value: string | null): string {
  return (value ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, HALL_QUERY_MAX);
}

export function parseHallFilters(params: URLSearchParams): HallFilters {
  return {
    stage: oneOf(STAGES, params.get("stage")),
    category: positiveInt(params.get("category"), Number.MAX_SAFE_INTEGER),
    status: oneOf(TOPIC_STATUSES, params.get("status")),
    mine: params.get("mine") === "1" || params.get("mine") === "on",
    q: cleanQuery(params.get("q")),
    page: positiveInt(params.get("page"), MAX_PAGE) ?? 1,
  };
}

/** Is any filter set (then the hall shows one paginated list instead of the six columns)? */
export function hasHallFilters(f: HallFilters): boolean {
  return f.stage !== null || f.category !== null || f.status !== null || f.mine || f.q !== "";
}

/** The query string for these filters (page 1 is left out), e.g. for pagination links. */
export function hallFiltersQuery(f: Partial<HallFilters>): string {
  const params = new URLSearchParams();
  if (f.stage) params.set("stage", f.stage);
  if (f.category) params.set("category", String(f.category));
  if (f.status) params.set("status", f.status);
  if (f.mine) params.set("mine", "1");
  if (f.q) params.set("q", f.q);
  if (f.page && f.page > 1) params.set("page", String(f.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
