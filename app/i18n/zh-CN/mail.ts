// Part 4 of issue 18 (mail): notifications by e-mail, and each person's choice of how they come.
const zhCN = {
  mail: {
    agenda: "议程:\n{{items}}",
    subject: "【议事厅】{{community}}:{{what}}",
    digestSubject: "【议事厅】每日通知摘要:{{count}} 条({{date}})",
    greeting: "{{name}},您好:",
    digestIntro: "以下是您还没有通过邮件收到的 {{count}} 条通知:",
    link: "查看:{{url}}",
    footer: "此邮件由议事厅自动发送,请勿直接回复。更改邮件通知方式:{{url}}",
    prefs: {
      title: "通知方式",
      intro: "通知总会出现在网站的“通知”页。您还可以留下电子邮箱,选择每类通知是立即发邮件、每天汇总成一封摘要,还是不发邮件。",
      link: "邮件通知设置",
      email: "电子邮箱",
      emailHint: "只用于给您发通知,不会公开。留空即不发任何邮件。",
      noEmail: "您还没有填写电子邮箱,所以目前不会收到邮件。",
      kindsLegend: "每类通知怎样发给您",
      saved: "已保存。",
      save: "保存",
      digestAt: "每日摘要在每天 {{hour}} 点左右发出(按社区所在时区)。",
      kinds: {
        topics: "议题动态(议题的进展、合并、决议异议)",
        meetings: "会议通知(会议召开、取消、举手表决记录)",
        tasks: "执行任务和监督整改",
        assist: "代录记录(工作人员替您录入的意见)",
        other: "其他通知",
      },
      modes: {
        immediate: "立即",
        digest: "每日摘要",
        never: "不发邮件",
      },
    },
    errors: {
      email: "请填写有效的电子邮箱地址,例如 name@example.com。",
      mode: "请选择一种发送方式。",
    },
  },
};

export default zhCN;
