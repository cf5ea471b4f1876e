const board = {
  board: {
    title: "{{name}} · 公示栏",
    intro: "按“116”工作法向社会公开的议事信息,无需登录即可查看。为保护隐私,提出人姓名只显示第一个字(本人同意公开的除外)。",
    decisions: "议题受理公示",
    decisionsHint: "议事会筛选后受理或不予采纳的议题,最新的在前。",
    none: "暂无公示内容。",
    accepted: "已受理",
    rejected: "不予采纳",
    currentStage: "当前环节:{{stage}}",
    acceptedOn: "受理日期",
    rejectedOn: "决定日期",
    proposer: "提出人",
    reason: "不予采纳的理由",
    count: "共 {{count}} 项",
  },
};

export default board;
