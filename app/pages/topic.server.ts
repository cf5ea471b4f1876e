import { CONFIRMED_MOVES } from "../forms/topic-actions";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { availableActions } from "../workflow/transitions";
import { DAY_MS, now } from "../models/clock.server";
import { topicBlockers } from "../models/step-facts.server";
import { getRatingPanel } from "../models/rating-view.server";
import { sharedTopicPage } from "../models/topic-shared.server";

/** Everything the topic page shows to one person, or undefined when the topic is not this community's. */
export function loadTopicPage({
  communityId,
  topicId,
  userId,
  roles,
  commentsBefore,
}: {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  commentsBefore?: number;
}) {
  const shared = sharedTopicPage({ communityId, topicId, commentsBefore });
  if (!shared) return undefined;
  const { topic, events, marks, photos, progress, cosigners, cosignerIds, comments, life } = shared;
  const collecting = topic.state === "open";
  const daysLeft = progress.dueAt ? Math.max(0, Math.ceil((progress.dueAt.getTime() - now().getTime()) / DAY_MS)) : null;
  const cosigned = cosignerIds.has(userId);
  return {
    topic,
    events,
    marks,
    photos,
    cosign: {
      collecting,
      threshold: progress.threshold,
      daysLeft: collecting ? daysLeft : null,
      cosigners,
      cosigned,
      // The server decides again on every post; these only choose which button to show.
      mayCosign: collecting && !cosigned && topic.proposerId !== userId && can("cosign", topic.state, roles),
      mayWithdraw: collecting && cosigned,
    },
    comments: { ...comments, mayComment: can("comment", topic.state, roles) },
    rating: getRatingPanel({ communityId, topicId, userId, roles, state: topic.state }),
    life,
    // Each move with what its step gate finds missing (the same rule advanceInTx asks) and whether it must be confirmed.
    moves: availableActions(topic.state, roles).map((t) => ({
      action: t.action,
      needsReason: Boolean(t.needsReason),
      confirm: CONFIRMED_MOVES.includes(t.action),
      blockers: topicBlockers(topicId, t.action) as string[],
    })),
  };
}

export type TopicPageData = NonNullable<ReturnType<typeof loadTopicPage>>;
