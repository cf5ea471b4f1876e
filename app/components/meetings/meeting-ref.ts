import type { Instant } from "~/components/topic/formats";
import type { MeetingStatus } from "~/workflow/meetings";

/** A representatives' meeting as lists and cards name it. */
export interface MeetingRef {
  id: number;
  number: number;
  title: string;
  place: string;
  scheduledAt: Instant;
  status: MeetingStatus;
}
