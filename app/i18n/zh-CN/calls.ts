/** Issue 19, part calls: calls on the street's departments (吹哨 / 街道派单), the departments' queue and answers. */
const calls = {
  call: {
    problems: {
      notFound: "找不到这条部门呼叫(或它不属于这里)。",
      wrongRole: "您的角色不能进行这项操作。",
      wrongState: "这条呼叫当前的状态不允许这项操作,请刷新页面查看最新情况。",
      notContact: "只有被呼叫部门的联系人可以答复这条呼叫。",
      unknownDepartment: "请选择本街道的一个部门。",
      departmentArchived: "这个部门已停用,不能再向它发出呼叫。",
      unknownTask: "请选择该议题仍在进行中的一项执行任务。",
      topicNotActive: "议题已结束(办结、不予受理、合并或过期),不能再呼叫部门。",
      dateInPast: "日期必须在将来。",
      alreadyCalled: "已经就这件事呼叫过这个部门,那条呼叫还没有结束。",
      needsEvidence: "报告办理结果需要至少一张现场照片作为证据。",
      badText: "请填写内容(1–2000 字)。",
      badPercent: "进度请填写 0 到 99 之间的整数(100% 请使用“报告办结”)。",
    },
    states: {
      sent: "待响应",
      infoRequested: "部门要求补充材料",
      accepted: "已接单,办理中",
      resolved: "已办结",
      declined: "部门退回",
      withdrawn: "已撤回",
    },
    origins: { community: "社区吹哨", street: "街道派单" },
    events: {
      sent: "发出呼叫",
      infoRequested: "部门要求补充材料",
      infoGiven: "补充了材料",
      accepted: "部门接单",
      declined: "部门退回",
      progress: "部门报告进度",
      resolved: "部门报告办结",
      withdrawn: "撤回呼叫",
      responseOverdue: "超过响应时限未答复",
      workOverdue: "超过承诺日期未办结",
      redispatched: "改派其他部门",
    },
    notifications: {
      arrived: "{{topic}}:街道部门收到一条新的呼叫,请在响应时限内答复。",
      infoGiven: "{{topic}}:呼叫方补充了材料,请答复。",
      withdrawn: "{{topic}}:呼叫已被撤回,无需再办理。",
      answered_accepted: "{{topic}}:部门已接单。",
      answered_infoRequested: "{{topic}}:部门要求补充材料。",
      answered_declined: "{{topic}}:部门退回了呼叫。",
      answered_progress: "{{topic}}:部门报告了办理进度。",
      answered_resolved: "{{topic}}:部门报告已办结。",
      overdue_response: "{{topic}}:部门呼叫超过响应时限({{due}})仍未答复。",
      overdue_work: "{{topic}}:部门承诺的办结日期({{due}})已过,尚未办结。",
      openCall: "查看呼叫",
    },
  },
};

/** Ledger words for the call steps. */
export const callsLedgerTypes = {
  "call.sent": "呼叫街道部门",
  "call.infoRequested": "部门要求补充材料",
  "call.infoGiven": "补充材料",
  "call.accepted": "部门接单",
  "call.declined": "部门退回呼叫",
  "call.progress": "部门报告进度",
  "call.resolved": "部门报告办结",
  "call.withdrawn": "撤回部门呼叫",
  "call.responseOverdue": "部门响应超时",
  "call.workOverdue": "部门办理逾期",
  "call.redispatched": "改派部门",
};

export default calls;
