import { describe, expect, it } from "vitest";
import { FOUR_TWO_STEPS } from "~/workflow/assembly";
import { fourTwoBlock, isFourTwoPublication, latestSteps, mayRecordStep, nextFourTwoStep, proposalCountsAsReview } from "~/workflow/four-two";
import { partyReviewBlock } from "~/workflow/party-review";

describe("四议: the order of the three deliberations", () => {
  it("asks for them in order: 党组织提议, 两委商议, 党员大会审议; none once all agreed", () => {
    expect(FOUR_TWO_STEPS).toEqual(["partyProposal", "twoCommittees", "partyMembers"]);
    expect(nextFourTwoStep({})).toBe("partyProposal");
    expect(nextFourTwoStep({ partyProposal: "agreed" })).toBe("twoCommittees");
    expect(nextFourTwoStep({ partyProposal: "agreed", twoCommittees: "agreedWithChanges" })).toBe("partyMembers");
    expect(nextFourTwoStep({ partyProposal: "agreed", twoCommittees: "agreed", partyMembers: "agreedWithChanges" })).toBeNull();
  });

  it("a step that did not agree is the next again (recorded anew; the latest counts), never the one after it", () => {
    expect(nextFourTwoStep({ partyProposal: "notAgreed" })).toBe("partyProposal");
    expect(nextFourTwoStep({ partyProposal: "agreed", twoCommittees: "notAgreed" })).toBe("twoCommittees");
    const records = [
      { step: "partyProposal", outcome: "agreed" },
      { step: "twoCommittees", outcome: "notAgreed" },
      { step: "twoCommittees", outcome: "agreed" },
    ] as const;
    expect(latestSteps(records)).toEqual({ partyProposal: "agreed", twoCommittees: "agreed" });
    expect(nextFourTwoStep(latestSteps(records))).toBe("partyMembers");
    expect(latestSteps([...records, { step: "partyMembers", outcome: "agreed" }, { step: "partyMembers", outcome: "notAgreed" }]).partyMembers).toBe("notAgreed");
  });

  it("each step by the roles that hold it: the party organisation; 两委 also the committee's members", () => {
    expect(mayRecordStep("partyProposal", ["party"])).toBe(true);
    expect(mayRecordStep("partyProposal", ["committeeMember", "committee", "convener"])).toBe(false);
    expect(mayRecordStep("twoCommittees", ["committeeMember"])).toBe(true);
    expect(mayRecordStep("twoCommittees", ["committee"])).toBe(false);
    expect(mayRecordStep("partyMembers", ["committeeMember", "resident"])).toBe(false);
    expect(mayRecordStep("partyMembers", ["party"])).toBe(true);
  });
});

describe("the gate before the vote", () => {
  it("is open for a matter that is not 四议两公开", () => {
    expect(fourTwoBlock(false, {})).toBeNull();
  });

  it("names the first step missing, or the first whose latest did not agree", () => {
    expect(fourTwoBlock(true, {})).toEqual({ problem: "fourTwoMissing", step: "partyProposal" });
    expect(fourTwoBlock(true, { partyProposal: "agreed", twoCommittees: "agreed" })).toEqual({ problem: "fourTwoMissing", step: "partyMembers" });
    expect(fourTwoBlock(true, { partyProposal: "agreed", twoCommittees: "notAgreed" })).toEqual({ problem: "fourTwoNotAgreed", step: "twoCommittees" });
    expect(fourTwoBlock(true, { partyProposal: "agreed", twoCommittees: "agreed", partyMembers: "notAgreed" })).toEqual({ problem: "fourTwoNotAgreed", step: "partyMembers" });
    expect(fourTwoBlock(true, { partyProposal: "agreedWithChanges", twoCommittees: "agreed", partyMembers: "agreed" })).toBeNull();
  });

  it("an agreed 党组织提议 stands for a party review not recorded, never for one that did not agree", () => {
    expect(proposalCountsAsReview(true, { partyProposal: "agreed" })).toBe(true);
    expect(proposalCountsAsReview(true, { partyProposal: "notAgreed" })).toBe(false);
    expect(proposalCountsAsReview(false, { partyProposal: "agreed" })).toBe(false);
    expect(partyReviewBlock(true, null, true)).toBeNull();
    expect(partyReviewBlock(true, null, false)).toBe("partyReviewMissing");
    expect(partyReviewBlock(true, "notAgreed", true)).toBe("partyReviewNotAgreed");
    expect(partyReviewBlock(false, null)).toBeNull();
  });

  it("两公开 are the resolution's and the execution result's publications", () => {
    expect(isFourTwoPublication("resolution")).toBe(true);
    expect(isFourTwoPublication("executionResult")).toBe(true);
    expect(isFourTwoPublication("consultationOutcome")).toBe(false);
    expect(isFourTwoPublication("correction")).toBe(false);
  });
});
