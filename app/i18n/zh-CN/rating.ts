// The residents' rating on the topic page, and the topic's whole life in its history.
const rating = {
  rating: {
    title: "满意度评价",
    closesAt: "评价截止:",
    /** One sentence with the time inside (<time> keeps the machine-readable instant). */
    closedAt: "评价已于 <time>{{at}}</time> 结束",
    question: "您对实施结果是否满意?",
    choices: { satisfied: "满意", fair: "基本满意", unsatisfied: "不满意" },
    comment: "意见(选填)",
    submit: "提交评价",
    rated: "您已评价:{{rating}}",
    noRatings: "还没有人评价",
    share: "满意率 {{pct}}%(共 {{count}} 人评价)",
    threshold: "结项门槛 {{pct}}%",
    outcome: { closed: "评价期结束:已核实且满意率达标,议题结项。", reopened: "评价期结束:未达结项条件,退回执行整改。" },
    problems: {
      wrongRole: "只有本社区{{resident}}可以评价。",
      wrongState: "议题不在评价阶段。",
      windowClosed: "评价期已结束。",
      alreadyRated: "您已评价过,每人每轮只能评价一次。",
      notFound: "找不到这个议题。",
    },
  },
  life: {
    budget: ",预算 {{amount}}",
    spent: ",支出 {{amount}}",
    kinds: {
      draft_frozen: "议案定稿(SHA-256 {{sha256}}…)",
      votePassed: "第{{meeting}}次{{repMeeting}}表决通过:同意 {{yes}}、反对 {{no}}、弃权 {{abstain}}",
      lapsed: "第{{meeting}}次{{repMeeting}}散会时未付表决,议题仍待表决",
      lapsedInquorate: "第{{meeting}}次{{repMeeting}}流会(未达法定人数),未付表决,议题仍待表决",
      voteFailed: "第{{meeting}}次{{repMeeting}}表决未通过:同意 {{yes}}、反对 {{no}}、弃权 {{abstain}}",
      task_planned: "执行任务「{{task}}」:{{unit}},{{dueAt}} 前完成{{budget}}",
      task_reported: "进度报告「{{task}}」:{{percent}}%{{spent}}",
      task_overdue: "任务「{{task}}」逾期",
      rectification_raised: "整改要求「{{task}}」",
      rectification_answered: "整改答复「{{task}}」({{unit}})",
      verified: "现场核实:符合方案",
      notVerified: "现场核实:未通过",
      rating_windowOpened: "满意度评价开始,{{closesAt}} 截止",
      settled: {
        closed: "评价期结束:满意率 {{pct}}%(满意 {{satisfied}}、基本满意 {{fair}}、不满意 {{unsatisfied}}),结项",
        reopened: "评价期结束:满意率 {{pct}}%(满意 {{satisfied}}、基本满意 {{fair}}、不满意 {{unsatisfied}}),退回整改",
      },
      party_reviewed: "党组织研究讨论({{body}},{{date}}):{{outcome}}",
      ownersPassed: "业主共同决定({{date}}):通过",
      ownersFailed: "业主共同决定({{date}}):未通过",
      result_published: "公开实施结果",
      consultation_waived: "不经协商:{{committeeBody}}说明了理由",
    },
    see: { frozen: "查看定稿文本", decision: "查看表决记录", rating: "查看评价" },
  },
};

export default rating;
