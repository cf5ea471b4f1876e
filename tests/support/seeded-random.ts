// One seeded generator for the test and benchmark tooling (mulberry32: small, fast, and the same
// sequence on every run and every machine), so a generated city, an edit storm or a fuzz run can be
// replayed from its seed. Not for anything secret.

/** A seeded generator: `random()` in [0, 1), and the helpers the generators use. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [0, n). */
  const below = (n: number) => Math.floor(random() * n);
  /** An integer in [lo, hi], both included. */
  const int = (lo: number, hi: number) => lo + below(hi - lo + 1);
  const pick = <T>(items: readonly T[] | string): T => items[below(items.length)] as T;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => below(256));
  return { random, below, int, pick, bytes };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
