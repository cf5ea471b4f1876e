// What one client may hold open at once: websockets on the drafts, meeting event streams. Each costs
// memory and a share of every broadcast for as long as it stays open, so without a cap one address
// could hold thousands (docs/decisions/020-presence-and-stream-caps.md).

export interface OpenLimit {
  /**
   * Takes a slot for a session (when signed in) and an address; null when either already holds its
   * limit. The slot is held until the returned release is called (calling it again does nothing).
   */
  take: (holder: { session?: string | null; address: string }) => (() => void) | null;
  /** How many slots are held now (for tests and health checks). */
  open: () => number;
}

/** Counts per session and per address; a key whose count falls to zero is forgotten. */
export function openLimit({ perSession, perAddress }: { perSession: number; perAddress: number }): OpenLimit {
  const bySession = new Map<string, number>();
  const byAddress = new Map<string, number>();
  let total = 0;
  const change = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };
  return {
    take: ({ session, address }) => {
      if ((byAddress.get(address) ?? 0) >= perAddress) return null;
      if (session && (bySession.get(session) ?? 0) >= perSession) return null;
      change(byAddress, address, 1);
      if (session) change(bySession, session, 1);
      total++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        change(byAddress, address, -1);
        if (session) change(bySession, session, -1);
        total--;
      };
    },
    open: () => total,
  };
}
