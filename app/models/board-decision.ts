import type { Stage, TopicStatus } from "../workflow/stages";

/** A public line of the board: nothing personal but the proposer's name, masked unless they chose otherwise. */
export interface BoardDecision {
  number: number;
  title: string;
  kind: "accepted" | "rejected";
  stage: Stage;
  status: TopicStatus;
  reason: string;
  decidedAt: string;
  proposer: string;
  categoryZh: string | null;
  categoryEn: string | null;
}
