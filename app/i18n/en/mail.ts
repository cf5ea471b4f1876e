// Part 4 of issue 18 (mail): notifications by e-mail, and each person's choice of how they come.
const en: typeof import("../zh-CN/mail").default = {
  mail: {
    agenda: "Agenda:\n{{items}}",
    subject: "[Yishiting] {{community}}: {{what}}",
    digestSubject: "[Yishiting] Daily digest: {{count}} notifications ({{date}})",
    greeting: "Hello {{name}},",
    digestIntro: "Here are the {{count}} notifications you have not yet had by e-mail:",
    link: "Open: {{url}}",
    footer: "Sent by Yishiting; please do not reply. Change your e-mail notifications: {{url}}",
    prefs: {
      title: "Notification settings",
      intro: "Notifications always appear on the site's Notifications page. You can also leave an e-mail address and choose, for each kind, whether it is e-mailed at once, gathered into one daily digest, or not e-mailed.",
      link: "E-mail notification settings",
      email: "E-mail address",
      emailHint: "Used only to send you notifications; never shown to anyone. Leave empty for no e-mail at all.",
      noEmail: "You have not given an e-mail address, so no e-mail is sent to you.",
      kindsLegend: "How each kind of notification reaches you",
      saved: "Saved.",
      save: "Save",
      digestAt: "The daily digest goes out at about {{hour}}:00 each day (in your community's time zone).",
      kinds: {
        topics: "Topic updates (progress, merges, objections to resolutions)",
        meetings: "Meeting notices (meetings called and called off, hand votes recorded)",
        tasks: "Execution tasks and supervision",
        assist: "Recorded on your behalf (代录)",
        other: "Other notifications",
      },
      modes: {
        immediate: "At once",
        digest: "Daily digest",
        never: "No e-mail",
      },
    },
    errors: {
      email: "Enter a valid e-mail address, like name@example.com.",
      mode: "Choose how it is sent.",
    },
  },
};

export default en;
