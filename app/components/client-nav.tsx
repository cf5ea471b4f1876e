import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/**
 * One click handler for a region full of plain links (the hall's cards, the community bar): a plain
 * left click on a same-origin link inside it navigates in the app, as a router link would; anything
 * else (new tab, modifier keys, download, another site, no JavaScript yet) is the browser's.
 * A router link resolves its path, location and navigation state on every render — ~45 µs each on
 * the server, a third of the community bar's rendering — so busy pages use plain links and this.
 */
export function useClientNavigation(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor || !event.currentTarget.contains(anchor)) return;
      if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download") || anchor.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(anchor.pathname + anchor.search + anchor.hash);
    },
    [navigate],
  );
}
