// Part 2 (issue 17): the assembly (村民会议 / 居民会议) as a meeting: scheduling it, the roll at the
// door, its quorum, tallies counted by hand, and what the screen and the minutes say of it.
const assembly = {
  assembly: {
    // Meetings are numbered together, whichever body sits.
    numbered: "Meeting no. {{number}} ({{assembly}})",
    fromAssembly: "Passed by meeting no. {{number}} ({{assembly}})",
    scheduled: "Meeting no. {{number}} ({{assembly}}) “{{title}}” is called for {{at}} at {{place}}.",
    body: { representatives: "{{repMeeting}}", assembly: "{{assembly}}" },
    countBy: { persons: "By persons: {{resident}}s aged 18 and over", households: "By households: one representative per household" },
    countByShort: { persons: "by persons", households: "by households" },
    schedule: {
      body: "Which body meets",
      countBy: "How the {{assembly}} counts attendance",
      countByHint: "Only for an {{assembly}}; the roll is taken from the household register when the session opens.",
      notice: "An {{assembly}} needs {{days}} days' notice ({{article}}); calling it at shorter notice in a special case needs the confirmation, which the minutes record.",
    },
    rule: {
      persons: "Those present must be {{share}} of {{resident}}s aged 18 and over",
      households: "Household representatives present must be {{share}} of the households",
      needed: "needed at least {{minimum}} {{unit}} present ({{share}} of {{members}})",
      unit: { persons: "people", households: "households" },
      basis: "Under {{article}}",
    },
    roll: {
      title: "{{assembly}} check-in",
      present: "Present",
      members: "On the roll",
      door: "Open the door check-in",
      notStarted: "The roll is taken from the household register when the session opens.",
    },
    door: {
      title: "Door check-in · meeting no. {{number}} ({{assembly}})",
      intro: "Find a person by name, household code or group and tap Check in. Counting households, pick who came for the household (its representative by default).",
      search: "Search",
      searchLabel: "Name, household code or group",
      checkIn: "Check in",
      checkedIn: "Checked in",
      representative: "household representative",
      household: "Household {{code}}",
      none: "Nobody found.",
      more: "Many results: only the first 60 are shown. Type a fuller name or code.",
      back: "Back to the meeting",
      notAssembly: "This is a {{repMeeting}}: representatives check in on the meeting page.",
      notInSession: "The meeting is not in session: nobody can check in.",
      done: "Checked in.",
    },
    count: {
      title: "Record the count",
      intro: "An {{assembly}} votes by a show of hands or on paper; the tellers count and the result is recorded here. The total cannot exceed the {{present}} present.",
      yes: "Yes",
      no: "No",
      abstain: "Abstain",
      countedBy: "Tellers and scrutineers",
      confirm: "The count has been checked; once recorded it cannot be changed",
      submit: "Record the result and close the vote",
      tellers: "Counted by: {{names}}",
      byHand: "counted by hand",
    },
    minutes: {
      body: "Body: {{body}} ({{countBy}})",
      roll: "{{members}} {{unit}} on the roll, {{present}} {{unit}} present",
      presentOnly: "The minutes give the number present, not their names.",
    },
  },
};

export default assembly;
