// What the execution tests share: a topic in execution with a unit of executor1, as the committee
// would make it (consulted, frozen under a no-vote category), and reading or posting pages as a person.
import { createUnit, type ExecutionResult } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./consultation";
import { communityId, userId } from "./db";
import { signedIn, type Http } from "./http";

export const actor = (username: string, role: Role) => ({ communityId: communityId("mingyue"), userId: userId(username), roles: [role] });

/** The value of a result that must have succeeded; anything else fails the test with the refusal. */
export function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

let made = 0;
/** A committee topic of a no-vote category moved to execution, with a unit whose contact is executor1. */
export function executingTopic({ text, unitName, kind = "volunteer" }: { text: string; unitName: string; kind?: "volunteer" | "contractor" | "property" }) {
  const { id } = consultingTopic({ category: "activities", text });
  ok(freezeDraft({ ...actor("committee1", "committee"), topicId: id }));
  const unit = ok(createUnit({ ...actor("committee1", "committee"), name: `${unitName}${++made}-${id}`, kind, contact: "", memberIds: [userId("executor1")] }) as ExecutionResult<{ id: number }>);
  return { id, unitId: unit.id, path: `/c/mingyue/topics/${id}/execution`, topicPath: `/c/mingyue/topics/${id}` };
}

/** GET a page's HTML, and POST a form, as a signed-in demo person. */
export function asPerson(http: Http) {
  const as = signedIn(http);
  return {
    page: async (path: string, username: string) => (await http.fetch(path, { cookie: await as(username) })).text(),
    post: async (path: string, username: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(username), form }),
  };
}
