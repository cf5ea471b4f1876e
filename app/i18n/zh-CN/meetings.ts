// 代表会议: the meetings list, one meeting's page (agenda, roll call, votes) and their messages.
const meetings = {
  meetings: {
    errors: {
      dateTime: "请填写会议的日期和时间。",
      choice: "请选择同意、反对或弃权。",
    },
    problems: {
      notFound: "找不到该会议或表决事项。",
      wrongRole: "您的身份不能进行此操作。",
      wrongStatus: "会议当前的状态不允许此操作,请刷新页面。",
      shortNotice: "距开会不足议事规则要求的通知天数。如确需召开,请勾选“确认提前通知不足”后再提交。",
      inPast: "会议时间必须在现在之后。",
      requestNotPending: "该提议尚未达到法定人数,或已经安排了会议。",
      topicNotReady: "只有已定稿、等待表决的议题才能列入议程。",
      alreadyTabled: "该议题已列入另一次会议的议程。",
      emptyAgenda: "议程为空:请先列入至少一项表决事项。",
      notOnRoster: "您不在本次会议的代表名册中。",
      alreadyCheckedIn: "已经签到。",
      quorumNotMet: "到会人数未达到议事规则规定的法定人数,不能开始表决。",
      anotherVoteOpen: "另一项表决尚未结束,请先结束它。",
      voteNotOpen: "该事项的表决尚未开始。",
      votingClosed: "表决已结束,不能再投票。",
      notCheckedIn: "请先签到再投票。",
      notRepresentative: "只有本次会议名册中的代表可以投票。",
      alreadyVoted: "您已对该事项投过票,每人每项只能投一次。",
      alreadySigned: "您已联名过该提议。",
      motionOpen: "还有表决没有结束。",
    },
  },
};

export default meetings;
