import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** At most one re-read of the page per this many milliseconds, however busy the meeting. */
const MIN_GAP_MS = 3_000;

/**
 * While a meeting is in session, re-reads the page when something in it changes: the meeting's event
 * stream (`…/events`, the projector's feed) says when, and the page is re-read at most every few
 * seconds, only when the tab is visible and nothing is being submitted. A quiet meeting costs no
 * requests; a vote storm costs each phone one re-read per few seconds. Without JavaScript the page
 * is reloaded by hand.
 */
export function useLiveMeeting(active: boolean, eventsUrl: string) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, idle: true });
  latest.current = { revalidator, idle: revalidator.state === "idle" && navigation.state === "idle" };
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let timer: number | undefined;
    let first = true;
    const reread = () => {
      timer = undefined;
      const { revalidator: r, idle } = latest.current;
      if (!idle || document.visibilityState !== "visible") {
        timer = window.setTimeout(reread, MIN_GAP_MS);
        return;
      }
      last = Date.now();
      r.revalidate();
    };
    const source = new EventSource(eventsUrl);
    source.onmessage = () => {
      // The stream starts with the state as it is: the page already shows that.
      if (first) {
        first = false;
        return;
      }
      if (timer !== undefined) return;
      timer = window.setTimeout(reread, Math.max(0, last + MIN_GAP_MS - Date.now()));
    };
    return () => {
      source.close();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [active, eventsUrl]);
}
