/** A positive whole number from the environment; anything else (unset, 0, "abc", 1.5) gives the fallback. */
export function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
