import type { Role } from "../workflow/roles";

/** What a topic page's action handler is given once the route's guard has let the person in. */
export interface TopicPostInput {
  request: Request;
  communityId: number;
  communitySlug: string;
  topicId: number;
  userId: number;
  roles: readonly Role[];
}
