import type { Instant } from "~/components/topic/formats";
import type { BallotChoice, MeetingStatus, MotionStatus, OnFail, ResolutionStatus } from "~/workflow/meetings";
import type { MotionBasis } from "~/workflow/motion-basis";
import type { PartyReviewBlock } from "~/workflow/party-review";
import type { FourTwoProblem } from "~/workflow/four-two";
import type { ArticleKey, Ratio } from "~/workflow/rule-packs";
import type { MotionResult, QuorumResult } from "~/workflow/tally";

/** The shapes of the meeting page's data as they arrive in the browser (see getMeetingView). */
export interface MeetingData {
  id: number;
  number: number;
  title: string;
  place: string;
  scheduledAt: Instant;
  createdAt: Instant;
  status: MeetingStatus;
  members: number | null;
  noticeDaysRequired: number;
  shortNotice: boolean;
  /** Opened before its announced time, with the convener's recorded confirmation. */
  startedEarly: boolean;
  startedAt: Instant | null;
  /** 代表会议 or the assembly (村民会议 / 居民会议), and how an assembly counts attendance. */
  body?: "representatives" | "assembly";
  countBy?: "persons" | "households" | null;
}

export interface RulesData {
  quorum: Ratio;
  basisZh: string;
  basisEn: string;
}

export interface RosterEntry {
  userId: number;
  name: string;
  checkedInAt: Instant | null;
  checkedInBy: string | null;
  /** Registered as present by the convener (no device of their own): the only ones a hand vote may be recorded for. */
  assisted: boolean;
}

export interface NamedBallot {
  userId: number;
  name: string;
  choice: BallotChoice;
  recordedBy: string | null;
}

export interface MotionItem {
  id: number;
  position: number;
  topicId: number;
  topicNumber: number;
  topicTitle: string;
  topicState: string;
  resolutionYear: number | null;
  resolutionNumber: number | null;
  /** 已撤销 / 已变更 by an assembly since (issue 17, powers). */
  resolutionStatus?: ResolutionStatus | null;
  text: string;
  /** The text formatted for reading (renderMarkdown on the server). */
  html: string;
  sha256: string;
  secret: boolean;
  /** An assembly's motion counted by hand: its tellers (计票人 / 监票人), once counted. */
  countedBy?: string | null;
  onFail: OnFail;
  status: MotionStatus;
  rule: Ratio;
  /** Frozen when the vote opened: the result is counted and cited by it. */
  basis: MotionBasis | null;
  voted: number;
  result: MotionResult | null;
  named: NamedBallot[];
  myBallot: { choice: BallotChoice | null; recordedBy: string | null } | null;
  /** Why the vote may not open yet: 重要事项 without (or against) the party organisation's review, or 四议两公开 not yet agreed. */
  partyBlock?: { problem: PartyReviewBlock | FourTwoProblem; article: ArticleKey } | null;
  votedUserIds: number[];
}

/** Who is looking, and what they may do here. */
export interface Viewer {
  isConvener: boolean;
  isRepresentative: boolean;
  onRoster: boolean;
  checkedIn: boolean;
  /** A supervisor who may register as attending (列席), and whether they have. */
  mayObserve: boolean;
  observing: boolean;
}

/** 列席: attending, never counted. */
export interface ObserverEntry {
  userId: number;
  name: string;
  checkedInAt: Instant;
}

export type { QuorumResult };
