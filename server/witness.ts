import { onCommitted } from "../app/models/committed-events.server";
import { witnessHeads } from "../app/models/ledger-witness.server";
import type { TopicState } from "../app/workflow/states";
import { logger } from "./logger";

/**
 * A topic's move that publishes, enacts or revokes a resolution: passing the vote (to 公示, or
 * straight to execution when its category needs no 公示), or leaving 公示 (it took effect, or an
 * objection was upheld). The move is announced after its transaction committed.
 */
export function movesResolution({ from, to }: { from: TopicState; to: TopicState }): boolean {
  // …and the street's correction order of a resolution in force (executing → back before the meeting).
  return from === "publicity" || (from === "onAgenda" && (to === "publicity" || to === "executing")) || (from === "executing" && to === "onAgenda");
}

/**
 * Writes the heads to the witness log at start-up (every community whose head it has not seen),
 * after every resolution (that community), and every `intervalMs` (each head that moved).
 * LEDGER_WITNESS_INTERVAL_MS (default one hour) sets the interval.
 */
export function startWitness({ intervalMs = Number(process.env.LEDGER_WITNESS_INTERVAL_MS ?? 3_600_000) } = {}) {
  const witness = (communityIds?: number[]) => {
    try {
      const heads = witnessHeads({ communityIds });
      if (heads.length > 0) logger.info({ heads: heads.length }, "ledger heads witnessed");
    } catch (error) {
      logger.error({ err: error }, "witnessing the ledger heads failed");
    }
  };
  witness();
  const unsubscribe = onCommitted("topicMoved", (move) => {
    if (movesResolution(move)) witness([move.communityId]);
  });
  const timer = setInterval(() => witness(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
