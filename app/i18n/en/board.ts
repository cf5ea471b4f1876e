const board: typeof import("../zh-CN/board").default = {
  board: {
    title: "{{name}} · Public board",
    intro: "What the hall publishes under the \"116\" method; open to everyone, no sign-in needed. To protect privacy, proposers' names are shortened to their first character unless they chose to show them.",
    decisions: "Screening decisions",
    decisionsHint: "Topics the committee accepted or turned down after screening, newest first.",
    none: "Nothing has been published yet.",
    accepted: "Accepted",
    rejected: "Not accepted",
    currentStage: "Now in: {{stage}}",
    acceptedOn: "Accepted on",
    rejectedOn: "Decided on",
    proposer: "Proposed by",
    reason: "Reason for not accepting",
    count: "{{count}} items",
  },
};

export default board;
