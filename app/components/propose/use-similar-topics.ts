import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { SimilarTopic } from "./similar-topics";

const DEBOUNCE_MS = 350;

/**
 * Similar topics for the title being typed: the page's own loader answers `?title=…` (which is also
 * what the no-JavaScript "find similar topics" button asks), fetched here after a pause in typing.
 */
export function useSimilarTopics(path: string, initial: { query: string; topics: SimilarTopic[] }) {
  const fetcher = useFetcher<{ similarQuery: string; similar: SimilarTopic[] }>();
  const [typed, setTyped] = useState(initial.query);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { load } = fetcher;

  useEffect(() => () => clearTimeout(timer.current), []);

  const onTitleInput = (value: string) => {
    const query = value.trim();
    setTyped(query);
    clearTimeout(timer.current);
    if (Array.from(query).length < 2) return;
    timer.current = setTimeout(() => load(`${path}?title=${encodeURIComponent(query)}`), DEBOUNCE_MS);
  };

  // The latest answer stands until the next one arrives; an emptied title clears the list.
  const answer = fetcher.data ?? { similarQuery: initial.query, similar: initial.topics };
  const shown = Array.from(typed).length >= 2 && answer.similarQuery !== "";
  return { topics: shown ? answer.similar : [], query: shown ? answer.similarQuery : "", busy: fetcher.state === "loading", onTitleInput };
}
