import type { MeetingStatus, MotionStatus } from "../workflow/meetings";
import type { Ratio } from "../workflow/rule-packs";
import type { AssemblyFacts } from "../workflow/assembly-meeting";
import type { MotionResult, QuorumResult } from "../workflow/tally";

/** 决议〔2026〕第 3 号: a resolution's number within its community and year. */
export interface ResolutionNumber {
  year: number;
  number: number;
}

/** A motion as the projector shows it: counts only, never who voted or how. */
export interface ScreenMotion {
  id: number;
  position: number;
  topicNumber: number;
  topicTitle: string;
  sha256: string;
  secret: boolean;
  status: MotionStatus;
  /** How many ballots are in (while voting: of those present). */
  voted: number;
  /** The tally with its arithmetic, once the vote is closed. */
  result: MotionResult | null;
  rule: Ratio;
  resolution: ResolutionNumber | null;
}

/**
 * What the projector screen shows and its event stream sends (JSON as it travels: dates as ISO
 * strings). It holds no names: anyone in the room may open the screen.
 */
export interface ScreenState {
  meeting: { id: number; number: number; title: string; place: string; status: MeetingStatus; scheduledAt: string };
  rules: { quorum: Ratio; basisZh: string; basisEn: string; pack: string };
  /** An assembly (村民会议 / 居民会议): its kind, count mode, quorum share and article; null for the representatives' meeting. */
  assembly: AssemblyFacts | null;
  /** Null until the session opens and the roster is taken. */
  quorum: QuorumResult | null;
  present: number;
  members: number;
  /** The motion being voted on, else the last one closed, else the first on the agenda. */
  motion: ScreenMotion | null;
  motions: Array<Pick<ScreenMotion, "id" | "position" | "topicNumber" | "topicTitle" | "status" | "resolution"> & { passed: boolean | null }>;
}
