import { useEffect, useState } from "react";
import type { ScreenState } from "~/models/meeting-screen";

export type FeedStatus = "connecting" | "live" | "reconnecting";

/**
 * The screen's state, replaced by each event of the meeting's stream. EventSource reconnects by
 * itself after a drop (the stream asks for 3 s); the status says whether the numbers are live.
 * Without scripts none of this runs and the page refreshes itself instead.
 */
export function useScreenFeed(initial: ScreenState, url: string) {
  const [state, setState] = useState(initial);
  const [status, setStatus] = useState<FeedStatus>("connecting");
  useEffect(() => setState(initial), [initial]);
  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus("reconnecting");
    source.onmessage = (event: MessageEvent<string>) => {
      setState(JSON.parse(event.data) as ScreenState);
      setStatus("live");
    };
    return () => source.close();
  }, [url]);
  return { state, status };
}
