import type { Instant } from "~/components/topic/formats";
import type { BallotChoice, MeetingStatus, MotionStatus, ResolutionStatus } from "~/workflow/meetings";
import type { MakeUpData } from "~/components/meetings/roster-make-up";
import type { MotionBasis } from "~/workflow/motion-basis";
import type { Ratio } from "~/workflow/rule-packs";
import type { AssemblyFacts } from "~/workflow/assembly-meeting";
import type { MotionResult, QuorumResult } from "~/workflow/tally";

/** The minutes as the page receives them (getMeetingRecord, dates as they travel). */
export interface RecordedMeeting {
  meeting: { id: number; number: number; title: string; place: string; status: MeetingStatus; members: number | null; scheduledAt: Instant; startedAt: Instant | null; endedAt: Instant | null; startedEarly: boolean };
  convener: string;
  rules: { quorum: Ratio; basisZh: string; basisEn: string };
  quorum: QuorumResult | null;
  roster: RosterLine[];
  /** Those who left the roster mid-session (role revoked): not counted from then on. */
  left: Array<RosterLine & { leftAt: Instant }>;
  agenda: RecordedMotion[];
  /** 列席 (supervisors): named, never counted. */
  observers: Array<{ userId: number; name: string; capacity: string; checkedInAt: Instant }>;
  makeUp: MakeUpData;
  /** An assembly (issue 17): body, count mode, quorum share and article; the minutes give its count, never the names. */
  assembly?: AssemblyFacts | null;
}

export interface RosterLine {
  userId: number;
  name: string;
  checkedInAt: Instant | null;
  /** The secretary who checked this representative in; null when they did it themselves. */
  checkedInBy: string | null;
}

export interface RecordedMotion {
  id: number;
  /** An assembly's motion counted by hand: its tellers. */
  countedBy?: string | null;
  position: number;
  topicId: number;
  topicNumber: number;
  topicTitle: string;
  sha256: string;
  secret: boolean;
  status: MotionStatus;
  rule: Ratio;
  /** Frozen when the vote opened: the result is counted and cited by it. */
  basis: MotionBasis | null;
  voted: number;
  result: MotionResult | null;
  named: Array<{ userId: number; name: string; choice: BallotChoice; recordedBy: string | null; castAt: Instant }>;
  /** Secret motions: who voted, in name order (how is never stored). */
  voters: string[];
  resolutionYear: number | null;
  resolutionNumber: number | null;
  /** 已撤销 / 已变更 by an assembly since (issue 17, powers). */
  resolutionStatus?: ResolutionStatus | null;
}
