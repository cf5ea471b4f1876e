// 党组织研究讨论 (important matters before their vote) and 业主共同决定 (matters the building's owners decide).
const party = {
  party: {
    title: "党组织研究讨论",
    basis: "本事项属于协商事项目录中的重要事项。依照{{article}},须先经党组织研究讨论,再提交{{repMeeting}}表决。",
    pending: "党组织研究讨论:待记录",
    none: "党组织研究讨论:没有记录。",
    done: "已于 {{date}} 由{{body}}研究讨论,结论:{{outcome}}",
    blocked: {
      partyReviewMissing: "党组织的研究讨论记录之前,{{repMeeting}}不能对本事项开始表决。",
      partyReviewNotAgreed: "结论为不同意:{{repMeeting}}暂不能对本事项开始表决,修改后可再次提请研究讨论。",
    },
    outcomes: { agreed: "同意", agreedWithChanges: "原则同意,提出修改意见", notAgreed: "不同意" },
    recordedBy: "{{name}} 记录",
    form: {
      title: "记录党组织研究讨论",
      reviewedOn: "研究讨论日期",
      reviewedOnHint: "不早于议题提出之日({{earliest}}),不晚于今天({{today}})。",
      body: "研究讨论的组织",
      bodyHint: "例如:社区党委会议、村党支部委员会",
      outcome: "结论",
      note: "会议纪要或说明",
      submit: "记录研究讨论结果",
    },
    problems: {
      wrongRole: "只有党组织身份的成员可以记录研究讨论结果。",
      notImportant: "本议题的类别不是重要事项,无需党组织研究讨论记录。",
      wrongState: "本议题已不在表决之前,不能再记录研究讨论结果。",
      inFuture: "研究讨论日期不能晚于今天。",
      beforeTopic: "研究讨论日期不能早于议题提出之日。",
    },
    errors: { date: "请填写有效日期(年-月-日)。" },
    board: "党组织研究讨论:{{date}},{{body}},结论:{{outcome}}",
  },
  owners: {
    title: "业主共同决定",
    basis: "本类事项由本栋业主共同决定,不列入{{repMeeting}}议程({{article}})。协商之后,议事会记录业主表决的结果,由本厅按法定比例核验。",
    pending: "待记录业主表决结果。",
    passed: "{{date}} 业主共同决定:通过,进入实施。",
    notPassed: "{{date}} 业主共同决定:未通过。",
    checks: {
      participantsByHead: "参与表决业主 {{part}} 人 / 业主总数 {{whole}} 人:须达 {{num}}/{{den}} 以上",
      participantsByArea: "参与表决业主专有面积 {{part}} ㎡ / 总面积 {{whole}} ㎡:须达 {{num}}/{{den}} 以上",
      consentingByHead: "同意业主 {{part}} 人 / 参与表决 {{whole}} 人:须达 {{num}}/{{den}} 以上",
      consentingByArea: "同意业主专有面积 {{part}} ㎡ / 参与表决面积 {{whole}} ㎡:须达 {{num}}/{{den}} 以上",
    },
    met: "符合",
    notMet: "不符合",
    recordedBy: "{{name}} 记录;本厅依照{{article}}逐项核验。",
    form: {
      title: "记录业主表决结果",
      hint: "面积以平方米填写,最多两位小数。",
      heldOn: "表决日期",
      ownersTotal: "业主总人数",
      areaTotal: "专有部分总面积(㎡)",
      participants: "参与表决业主人数",
      participantsArea: "参与表决业主专有面积(㎡)",
      consenting: "同意的业主人数",
      consentingArea: "同意的业主专有面积(㎡)",
      submit: "记录并核验",
    },
    problems: {
      wrongRole: "只有议事会成员可以记录业主表决结果。",
      notOwnersMatter: "本议题的类别不由业主共同决定。",
      wrongState: "议题须在协商阶段才能记录业主表决结果。",
      recorded: "本议题已经记录过业主表决结果。",
      inFuture: "表决日期不能晚于今天。",
      beforeTopic: "表决日期不能早于议题提出之日。",
    },
    impossible: {
      noOwners: "业主总人数和总面积都必须大于零。",
      participantsOverTotal: "参与表决的人数不能超过业主总人数。",
      areaOverTotal: "参与表决的面积不能超过总面积。",
      consentingOverParticipants: "同意的人数不能超过参与表决的人数。",
      consentingAreaOverParticipantsArea: "同意的面积不能超过参与表决的面积。",
      areaWithoutOwners: "没有业主参与(或同意)时,对应的面积必须为零。",
      ownersWithoutArea: "有业主参与(或同意)时,对应的面积必须大于零。",
    },
    errors: { date: "请填写有效日期(年-月-日)。", area: "请以平方米填写面积,最多两位小数,例如 85.5。" },
  },
};

export const partyLedgerTypes = {
  "party.reviewed": "党组织研究讨论",
  "owners.decided": "业主共同决定",
};

export default party;
