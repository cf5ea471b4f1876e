// Part 2 (issue 17): the assembly (村民会议 / 居民会议) as a meeting: scheduling it, the roll at the
// door, its quorum, tallies counted by hand, and what the screen and the minutes say of it.
const assembly = {
  assembly: {
    // Meetings are numbered together, whichever body sits.
    numbered: "第{{number}}次会议({{assembly}})",
    fromAssembly: "由第{{number}}次会议({{assembly}})表决通过",
    scheduled: "第{{number}}次会议({{assembly}})「{{title}}」定于 {{at}} 在 {{place}} 召开。",
    body: { representatives: "{{repMeeting}}", assembly: "{{assembly}}" },
    countBy: { persons: "按人计:年满十八周岁的{{resident}}", households: "按户计:每户一名代表" },
    countByShort: { persons: "按人计", households: "按户计" },
    schedule: {
      body: "召开哪种会议",
      countBy: "{{assembly}}到会人数的计算方式",
      countByHint: "仅召集{{assembly}}时选择;名册在会议开始时按户籍登记生成。",
      notice: "{{assembly}}应当提前 {{days}} 天通知({{article}});特殊情况临时召集须勾选确认,并记入会议记录。",
    },
    rule: {
      persons: "到会人数须达到年满十八周岁{{resident}}的{{share}}",
      households: "到会的户代表须达到户数的{{share}}",
      needed: "需至少 {{minimum}} {{unit}}到会(应到 {{members}} {{unit}}的{{share}})",
      unit: { persons: "人", households: "户" },
      basis: "依据{{article}}",
    },
    roll: {
      title: "{{assembly}}签到",
      present: "已到",
      members: "应到",
      door: "打开门口签到页",
      notStarted: "会议开始时按户籍登记生成名册。",
    },
    door: {
      title: "门口签到 · 第{{number}}次会议({{assembly}})",
      intro: "按姓名、户号或小组查找,点“签到”登记到会。按户计时请选择本户到会的成员(默认户代表)。",
      search: "查找",
      searchLabel: "姓名、户号或小组",
      checkIn: "签到",
      checkedIn: "已签到",
      representative: "户代表",
      household: "户号 {{code}}",
      none: "没有找到。",
      more: "结果较多,只显示前 60 条:请输入更准确的姓名或户号。",
      back: "返回会议",
      notAssembly: "这是{{repMeeting}},代表在会议页面签到。",
      notInSession: "会议不在进行中,不能签到。",
      done: "已签到。",
    },
    count: {
      title: "登记计票结果",
      intro: "{{assembly}}以举手或书面方式表决,由计票人、监票人清点后登记。合计不能超过到会人数 {{present}}。",
      yes: "赞成",
      no: "反对",
      abstain: "弃权",
      countedBy: "计票人、监票人",
      confirm: "计票结果已核对无误,登记后不能更改",
      submit: "登记结果并结束表决",
      tellers: "计票人、监票人:{{names}}",
      byHand: "人工计票",
    },
    minutes: {
      body: "会议类型:{{body}}({{countBy}})",
      roll: "应到 {{members}} {{unit}},实到 {{present}} {{unit}}",
      presentOnly: "到会者名单不在会议记录中公开,只记录人数。",
    },
  },
};

export default assembly;
