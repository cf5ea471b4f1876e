// 计票: an assembly's motion counted by hand (举手 or paper ballots). The convener records the tally
// the tellers (计票人 / 监票人) give; it settles the motion as a representatives' closing does.
import { and, eq } from "drizzle-orm";
import { motions } from "../../db/schema";
import { motionRefusal } from "../workflow/motion-lifecycle";
import { tallyProblem } from "../workflow/assembly-meeting";
import type { MotionResult } from "../workflow/tally";
import { settleMotion } from "./ballot.server";
import { CONVENER, meetingRefused, meetingRow, meetingWrite, quorumOf, requireRoleIn, type MeetingActor, type MeetingResult } from "./meeting.server";

export interface CountedTally {
  yes: number;
  no: number;
  abstain: number;
  /** 计票人、监票人, as the minutes name them. */
  countedBy: string;
}

/**
 * 宣布表决结果: the convener records the counted yes / no / abstain of the motion whose vote is open.
 * Refused unless the meeting is an assembly, the quorum of its count mode is met now, and the hands
 * counted are no more than those present; passes by more than half of those present (or the
 * category's higher share), counted by the basis frozen at the opening.
 */
export function recordCountedTally(input: MeetingActor & { meetingId: number; motionId: number } & CountedTally): MeetingResult<{ result: MotionResult; resolutionId: number | null }> {
  return meetingWrite(
    { communityId: input.communityId, meetingId: input.meetingId },
    (tx, publish) => {
      requireRoleIn(input, CONVENER);
      const meeting = meetingRow(tx, input.communityId, input.meetingId);
      if (meeting.body !== "assembly") throw meetingRefused("notAssembly");
      const motion = tx.select().from(motions).where(and(eq(motions.id, input.motionId), eq(motions.meetingId, meeting.id))).get();
      if (!motion) throw meetingRefused("notFound");
      // The quorum first: without it no count is taken, whatever the motion's state.
      const quorum = quorumOf(tx, input.communityId, meeting);
      if (!quorum.met) throw meetingRefused("quorumNotMet");
      const refused = motionRefusal(motion.status, "close");
      if (refused) throw meetingRefused(refused);
      const counts = { yes: input.yes, no: input.no, abstain: input.abstain };
      const problem = tallyProblem({ ...counts, present: quorum.present });
      if (problem) throw meetingRefused(problem);
      const countedBy = input.countedBy.trim();
      const settled = settleMotion(tx, { communityId: input.communityId, actorId: input.userId, meetingId: meeting.id, motion, counts, present: quorum.present, countedBy, record: { countedBy } });
      publish(settled.moved);
      return { result: settled.result, resolutionId: settled.resolutionId };
    },
    () => ({ ok: false, problem: "wrongStatus" }),
  );
}
