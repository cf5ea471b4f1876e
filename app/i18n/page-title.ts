import type { MetaFunction } from "@remix-run/node";

const titleIn = (data: unknown): string | undefined =>
  typeof data === "object" && data !== null && "title" in data && typeof data.title === "string" ? data.title : undefined;

/**
 * A page's <title>, translated by its loader (`title` in its data, from pageTitle in
 * page-title.server.ts). A page whose loader refused (404…) has no data: the root's title, the app's
 * name in the reader's language, stands in.
 */
export const titleMeta: MetaFunction = ({ data, matches }) => [{ title: titleIn(data) ?? titleIn(matches.find((m) => m.id === "root")?.data) ?? "议事厅" }];
