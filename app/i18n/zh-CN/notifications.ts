const zhCN = {
  notifications: {
    title: "通知",
    bell: "通知",
    bellUnread: "通知:{{count}} 条未读",
    none: "还没有通知。",
    markAllRead: "全部标为已读",
    marked: "已全部标为已读。",
    unread: "未读",
    topicRef: "议题 #{{number}}「{{title}}」",
    moved: "{{topic}}:{{action}}。现在:{{state}}。",
    movedTo: "{{topic}}:{{action}}。",
    movedReason: "理由:{{reason}}",
    mergedIn: "议题 #{{fromNumber}}「{{fromTitle}}」已合并到{{topic}},原提议人和附议人已计入附议。",
    unknown: "{{topic}}有新动态。",
    open: "查看议题",
    older: "更早的通知",
    newest: "最新通知",
  },
};

export default zhCN;
