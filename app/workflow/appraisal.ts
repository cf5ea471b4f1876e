/**
 * 民主评议 as arithmetic (no I/O): the verdict a subject's counts give, and who has been rated 不称职
 * in two consecutive appraisals (村委会组织法 Art. 38; 居委会组织法 Art. 37: "连续两次被评议不称职的,
 * 其职务终止"). The hall flags it to the street; it never removes a role itself.
 *
 * The verdict rule is LOCAL PRACTICE, not law (the laws say who appraises and how often, not how the
 * counts become a verdict): 不称职 when more than half of the ballots cast on the member say so; else
 * 称职 when more than half say 称职; else 基本称职.
 */
import { APPRAISAL_RATINGS, type AppraisalRating } from "./assembly";

export type AppraisalCounts = Record<AppraisalRating, number>;

export function isAppraisalRating(value: unknown): value is AppraisalRating {
  return typeof value === "string" && (APPRAISAL_RATINGS as readonly string[]).includes(value);
}

export function ballotsCast(c: AppraisalCounts): number {
  return c.competent + c.basicallyCompetent + c.incompetent;
}

/** The verdict of a subject's counts, by the local rule above; null when no ballot rated them. */
export function verdictOf(c: AppraisalCounts): AppraisalRating | null {
  const cast = ballotsCast(c);
  if (cast === 0) return null;
  if (c.incompetent * 2 > cast) return "incompetent";
  if (c.competent * 2 > cast) return "competent";
  return "basicallyCompetent";
}

export interface ClosedAppraisal {
  year: number;
  verdicts: ReadonlyMap<number, AppraisalRating | null>;
}

/**
 * The members rated 不称职 in two consecutive closed appraisals of one community (consecutive in the
 * community's own sequence, ordered by year), with the two years. Each member once, with the latest pair.
 */
export function twiceIncompetent(appraisals: readonly ClosedAppraisal[]): { userId: number; years: [number, number] }[] {
  const ordered = [...appraisals].sort((a, b) => a.year - b.year);
  const found = new Map<number, [number, number]>();
  for (let i = 1; i < ordered.length; i++) {
    const before = ordered[i - 1];
    const after = ordered[i];
    for (const [userId, verdict] of after.verdicts) {
      if (verdict === "incompetent" && before.verdicts.get(userId) === "incompetent") found.set(userId, [before.year, after.year]);
    }
  }
  return [...found].map(([userId, years]) => ({ userId, years }));
}
