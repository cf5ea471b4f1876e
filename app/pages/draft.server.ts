import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { listDraftComments } from "../models/draft-comment.server";
import { renderDraftHtml } from "../models/draft-render.server";
import { loadDraftUpdate } from "../models/draft-store.server";
import { draftText, templateUpdate } from "../models/draft-text";
import { diffDraftBlocks, getDraftVersion, listDraftVersions } from "../models/draft-version.server";
import { getTopicForPage } from "../models/topic-page.server";

/** Which version to look at and what to compare it with ("current": the live text). */
export interface VersionView {
  number: number;
  against: number | "current" | null;
}

/**
 * Everything the drafting page shows to one person, or undefined when the topic is not this
 * community's (or the asked-for version does not exist).
 */
export function loadDraftPage({ communityId, topicId, roles, view }: { communityId: number; topicId: number; roles: readonly Role[]; view: VersionView | null }) {
  const topic = getTopicForPage({ communityId, topicId });
  if (!topic) return undefined;
  const update = loadDraftUpdate(topicId);
  const versions = listDraftVersions({ communityId, topicId });
  let version = null;
  if (view) {
    const row = getDraftVersion({ communityId, topicId, number: view.number });
    if (!row) return undefined;
    const other = typeof view.against === "number" ? getDraftVersion({ communityId, topicId, number: view.against }) : null;
    if (typeof view.against === "number" && !other) return undefined;
    const currentText = draftText(update ?? templateUpdate());
    const base = view.against === null ? null : view.against === "current" ? currentText : other!.text;
    version = {
      number: row.number,
      note: row.note,
      createdAt: row.createdAt,
      authorName: row.authorName,
      html: renderDraftHtml(new Uint8Array(row.state)),
      against: view.against,
      // Older first: a version against a later one or the current text reads as "what changed since".
      diff: base === null ? null : typeof view.against === "number" && view.against < row.number ? diffDraftBlocks(base, row.text) : diffDraftBlocks(row.text, base),
    };
  }
  return {
    topic: { id: topic.id, number: topic.number, title: topic.title, state: topic.state, stage: topic.stage },
    html: renderDraftHtml(update),
    mayEdit: can("editDraft", topic.state, roles),
    mayComment: can("comment", topic.state, roles),
    versions,
    version,
    comments: listDraftComments({ communityId, topicId }),
  };
}
