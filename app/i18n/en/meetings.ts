
const meetings: typeof import("../zh-CN/meetings").default = {
  meetings: {
    errors: {
      dateTime: "Enter the date and time of the meeting.",
      choice: "Choose yes, no or abstain.",
    },
    problems: {
      notFound: "This meeting or motion cannot be found.",
      wrongRole: "Your role cannot do this.",
      wrongStatus: "The meeting's status does not allow this now. Reload the page.",
      shortNotice: "The meeting is sooner than the notice the rules ask for. If it must go ahead, tick “Go ahead with short notice” and submit again.",
      inPast: "The meeting must be in the future.",
      requestNotPending: "That request has not reached the legal share yet, or a meeting was already scheduled for it.",
      topicNotReady: "Only a frozen topic waiting for the vote can be put on the agenda.",
      alreadyTabled: "That topic is already on another meeting's agenda.",
      emptyAgenda: "The agenda is empty: table at least one motion first.",
      notOnRoster: "You are not on this meeting's roster of representatives.",
      alreadyCheckedIn: "Already checked in.",
      quorumNotMet: "Fewer are present than the rules' quorum: the vote cannot be opened.",
      anotherVoteOpen: "Another vote is still open: close it first.",
      voteNotOpen: "The vote on this motion has not been opened yet.",
      votingClosed: "Voting is closed: no more votes are accepted.",
      notCheckedIn: "Check in before you vote.",
      notRepresentative: "Only representatives on this meeting's roster can vote.",
      alreadyVoted: "You have already voted on this motion: one vote per person.",
      alreadySigned: "You have already signed this request.",
      motionOpen: "A vote is still open.",
    },
  },
};

export default meetings;
