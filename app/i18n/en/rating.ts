const rating: typeof import("../zh-CN/rating").default = {
  rating: {
    title: "{{Resident}}s' rating",
    closesAt: "Rating closes:",
    closedAt: "Rating closed on",
    question: "Are you satisfied with the result?",
    choices: { satisfied: "Satisfied", fair: "Fairly satisfied", unsatisfied: "Not satisfied" },
    comment: "Comment (optional)",
    submit: "Send rating",
    rated: "You rated: {{rating}}",
    noRatings: "No ratings yet",
    share: "{{pct}}% satisfied ({{count}} ratings)",
    threshold: "threshold {{pct}}%",
    outcome: { closed: "Window over: verified on site and satisfied enough — the topic is closed.", reopened: "Window over: not closed — back to execution for corrections." },
    problems: {
      wrongRole: "Only {{resident}}s of this community can rate.",
      wrongState: "The topic is not being rated.",
      windowClosed: "The rating window has closed.",
      alreadyRated: "You have rated already: one rating per person per round.",
      notFound: "No such topic.",
    },
  },
  life: {
    budget: ", budget {{amount}}",
    spent: ", spent {{amount}}",
    kinds: {
      draft_frozen: "Proposal frozen (SHA-256 {{sha256}}…)",
      votePassed: "Passed at meeting {{meeting}}: {{yes}} for, {{no}} against, {{abstain}} abstaining",
      voteFailed: "Failed at meeting {{meeting}}: {{yes}} for, {{no}} against, {{abstain}} abstaining",
      task_planned: "Task “{{task}}”: {{unit}}, due {{dueAt}}{{budget}}",
      task_reported: "Progress on “{{task}}”: {{percent}}%{{spent}}",
      task_overdue: "Task “{{task}}” overdue",
      rectification_raised: "Correction demanded on “{{task}}”",
      rectification_answered: "Correction answered on “{{task}}” ({{unit}})",
      verified: "On-site check: as planned",
      notVerified: "On-site check: not passed",
      rating_windowOpened: "{{Resident}}s' rating opened, closes {{closesAt}}",
      settled: {
        closed: "Rating closed: {{pct}}% satisfied ({{satisfied}} / {{fair}} / {{unsatisfied}}), topic closed",
        reopened: "Rating closed: {{pct}}% satisfied ({{satisfied}} / {{fair}} / {{unsatisfied}}), back to execution",
      },
      result_published: "Result published",
    },
    see: { frozen: "See the frozen text", decision: "See the vote", rating: "See the rating" },
  },
};

export default rating;
