import { createContext, useContext } from "react";

/**
 * HTML a loader rendered ahead for this request (the load context's `fragments`), handed to the
 * server render by entry.server. A page puts a fragment in as it is instead of rendering the same
 * elements again; in the browser there are none, and the page renders those elements from its data,
 * which hydrate against the fragment's markup because it is exactly their server rendering.
 */
export const ServerFragments = createContext<ReadonlyMap<string, string> | undefined>(undefined);

export function useServerFragment(name: string): string | undefined {
  return useContext(ServerFragments)?.get(name);
}
