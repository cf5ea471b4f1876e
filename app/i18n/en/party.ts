// Party review of important matters before their vote, and matters the building's owners decide.
const party: typeof import("../zh-CN/party").default = {
  party: {
    title: "Party organisation's review",
    basis: "The catalogue lists this as an important matter. Under {{article}}, the party organisation studies it before it goes to the {{repMeeting}}.",
    pending: "Party organisation's review: not yet recorded",
    none: "Party organisation's review: none recorded.",
    done: "Studied on {{date}} by {{body}}; outcome: {{outcome}}",
    blocked: {
      partyReviewMissing: "The meeting cannot open the vote on this matter until the party organisation's review is recorded.",
      partyReviewNotAgreed: "The review did not agree: the meeting cannot open the vote for now. After revision the matter may be studied again.",
    },
    outcomes: { agreed: "Agreed", agreedWithChanges: "Agreed in principle, with changes", notAgreed: "Not agreed" },
    recordedBy: "recorded by {{name}}",
    form: {
      title: "Record the party organisation's review",
      reviewedOn: "Date of the review",
      reviewedOnHint: "Not before the topic was raised ({{earliest}}), not after today ({{today}}).",
      body: "Body that studied it",
      bodyHint: "e.g. the community party committee's meeting",
      outcome: "Outcome",
      note: "Minutes or note",
      submit: "Record the review",
    },
    problems: {
      wrongRole: "Only a member holding the party organisation's role can record its review.",
      notImportant: "This topic's category is not an important matter: no party review is recorded for it.",
      wrongState: "This topic is no longer before its vote: no review can be recorded now.",
      inFuture: "The date of the review cannot be after today.",
      beforeTopic: "The date of the review cannot be before the topic was raised.",
    },
    errors: { date: "Enter a valid date (year-month-day)." },
    board: "Party review: {{date}}, {{body}}; outcome: {{outcome}}",
  },
  owners: {
    title: "Decided by the building's owners",
    basis: "Matters of this kind are decided by the building's owners and never go on the {{repMeeting}}'s agenda ({{article}}). After consultation the committee records the owners' result and the hall checks it against the shares the law sets.",
    pending: "The owners' result is not recorded yet.",
    passed: "Owners' decision of {{date}}: passed; on to execution.",
    notPassed: "Owners' decision of {{date}}: not passed.",
    checks: {
      participantsByHead: "Owners taking part: {{part}} of {{whole}}; at least {{num}}/{{den}} needed",
      participantsByArea: "Area of owners taking part: {{part}} of {{whole}} m²; at least {{num}}/{{den}} needed",
      consentingByHead: "Owners consenting: {{part}} of the {{whole}} taking part; at least {{num}}/{{den}} needed",
      consentingByArea: "Area of owners consenting: {{part}} of the {{whole}} m² taking part; at least {{num}}/{{den}} needed",
    },
    met: "met",
    notMet: "not met",
    recordedBy: "Recorded by {{name}}; each share checked by the hall under {{article}}.",
    form: {
      title: "Record the owners' result",
      hint: "Areas in square metres, at most two decimals.",
      heldOn: "Date of the vote",
      ownersTotal: "Owners in all",
      areaTotal: "Exclusive area in all (m²)",
      participants: "Owners who took part",
      participantsArea: "Their exclusive area (m²)",
      consenting: "Owners who consented",
      consentingArea: "Their exclusive area (m²)",
      submit: "Record and check",
    },
    problems: {
      wrongRole: "Only committee members can record the owners' result.",
      notOwnersMatter: "This topic's category is not decided by the owners.",
      wrongState: "The owners' result is recorded while the topic is in consultation.",
      recorded: "The owners' result of this topic is already recorded.",
      inFuture: "The date of the vote cannot be after today.",
      beforeTopic: "The date of the vote cannot be before the topic was raised.",
    },
    impossible: {
      noOwners: "The number of owners and the total area must both be above zero.",
      participantsOverTotal: "More owners took part than there are owners.",
      areaOverTotal: "The area taking part is larger than the total area.",
      consentingOverParticipants: "More owners consented than took part.",
      consentingAreaOverParticipantsArea: "The consenting area is larger than the area taking part.",
      areaWithoutOwners: "With no owner taking part (or consenting), the matching area must be zero.",
      ownersWithoutArea: "Owners who take part (or consent) hold some area: it cannot be zero.",
    },
    errors: { date: "Enter a valid date (year-month-day).", area: "Enter the area in square metres, at most two decimals, e.g. 85.5." },
  },
};

export const partyLedgerTypes: typeof import("../zh-CN/party").partyLedgerTypes = {
  "party.reviewed": "Party organisation's review",
  "owners.decided": "Decided by the building's owners",
};

export default party;
