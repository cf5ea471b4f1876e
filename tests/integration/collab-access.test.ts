// Who may edit or read a topic's live draft: the pure decision and the scoped query.
import { describe, expect, it } from "vitest";
import { decideDraftAccess, getDraftAccess } from "~/models/draft-access.server";
import { TOPIC_STATES } from "~/workflow/states";
import { topicIn } from "./support/collab";
import { communityId, userId } from "./support/db";

describe("decideDraftAccess", () => {
  it("lets the committee edit only while drafting or consulting", () => {
    const editable = TOPIC_STATES.filter((state) => decideDraftAccess({ state, roles: ["committee"], streetAdmin: false }) === "edit");
    expect(editable.sort()).toEqual(["consulting", "drafting"]);
  });

  it("gives other members and the street admin read access, outsiders none", () => {
    for (const state of TOPIC_STATES) {
      expect(decideDraftAccess({ state, roles: ["resident", "representative"], streetAdmin: false })).toBe("read");
      expect(decideDraftAccess({ state, roles: [], streetAdmin: true })).toBe("read");
      expect(decideDraftAccess({ state, roles: [], streetAdmin: false })).toBe("none");
    }
  });
});

describe("getDraftAccess", () => {
  it("decides from the topic's own community and state", () => {
    const topic = topicIn("drafting");
    expect(getDraftAccess({ topicId: topic, userId: userId("committee1") })?.access).toBe("edit");
    expect(getDraftAccess({ topicId: topic, userId: userId("resident1") })?.access).toBe("read");
    expect(getDraftAccess({ topicId: topic, userId: userId("vcommittee1") })?.access).toBe("none");
    expect(getDraftAccess({ topicId: topic, userId: userId("street1") })?.access).toBe("read");
    expect(getDraftAccess({ topicId: 99_999_999, userId: userId("committee1") })).toBeNull();
    expect(getDraftAccess({ topicId: topic, userId: userId("committee1"), communityId: communityId("shiliu") })).toBeNull();
  });
});
