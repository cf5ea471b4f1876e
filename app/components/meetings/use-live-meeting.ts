import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

const EVERY_MS = 5_000;

/**
 * While a meeting is in session, re-reads the page every few seconds (only when the tab is visible
 * and nothing is being submitted or loaded), so a representative sees the vote open and the count
 * move without reloading. Without JavaScript the page is simply reloaded by hand.
 */
export function useLiveMeeting(active: boolean) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, idle: true });
  latest.current = { revalidator, idle: revalidator.state === "idle" && navigation.state === "idle" };
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      const { revalidator: r, idle } = latest.current;
      if (idle && document.visibilityState === "visible") r.revalidate();
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [active]);
}
