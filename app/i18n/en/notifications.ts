const en: typeof import("../zh-CN/notifications").default = {
  notifications: {
    title: "Notifications",
    bell: "Notifications",
    bellUnread: "Notifications: {{count}} unread",
    none: "No notifications yet.",
    markAllRead: "Mark all as read",
    marked: "All marked as read.",
    unread: "Unread",
    topicRef: "topic #{{number}} “{{title}}”",
    moved: "{{topic}}: {{action}}. Now: {{state}}.",
    movedTo: "{{topic}}: {{action}}.",
    movedReason: "Reason: {{reason}}",
    mergedIn: "Topic #{{fromNumber}} “{{fromTitle}}” was merged into {{topic}}; its proposer and co-signers now co-sign it.",
    unknown: "Something happened on {{topic}}.",
    open: "Open the topic",
    older: "Older notifications",
    newest: "Newest notifications",
  },
};

export default en;
