/** Caret colours, dark enough for white text on them; one per person, stable from the user id. */
const PALETTE = ["#b91c1c", "#c2410c", "#a16207", "#15803d", "#0f766e", "#1d4ed8", "#6d28d9", "#be185d"] as const;

export function colorForUser(userId: number): string {
  // A multiplicative hash so neighbouring ids get different colours.
  const h = Math.imul(userId, 2654435761) >>> 0;
  return PALETTE[h % PALETTE.length];
}
