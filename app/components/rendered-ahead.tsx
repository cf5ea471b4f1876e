import { createContext, useContext, type HTMLAttributes, type ReactNode } from "react";

/**
 * The parts of this page the server rendered ahead (a route's loader declares them with
 * `renderAhead`, app/pages/render-ahead.server.tsx), handed to the server render by entry.server.
 * In the browser there are none.
 */
export const RenderedAheadParts = createContext<ReadonlyMap<string, string> | undefined>(undefined);

type Props = HTMLAttributes<HTMLElement> & { part: string; as?: "div" | "ol" | "ul"; children: ReactNode };

/**
 * A part of a page that is the same for every reader until a write (a hall's columns, a topic's
 * comments and co-signers). On the server, when its route rendered it ahead, its markup is put in as
 * it is; otherwise, and always in the browser, `children` are rendered, which are exactly those
 * elements, so hydration keeps the server's markup (tests/e2e/rendered-ahead.spec.ts).
 */
export function RenderedAhead({ part, as: Tag = "div", children, ...attributes }: Props) {
  const html = useContext(RenderedAheadParts)?.get(part);
  if (html !== undefined) return <Tag {...attributes} dangerouslySetInnerHTML={{ __html: html }} />;
  return <Tag {...attributes}>{children}</Tag>;
}
