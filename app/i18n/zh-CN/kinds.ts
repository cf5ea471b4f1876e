// The words that follow a community's kind and the law (居委会组织法 / 村委会组织法). Strings everywhere
// use them as {{resident}}, {{repMeeting}}, {{committeeBody}}… (kind-words.ts supplies them per page).
const kinds = {
  kinds: {
    urban: {
      resident: "居民",
      representative: "居民代表",
      repMeeting: "居民代表会议",
      assembly: "居民会议",
      committeeBody: "居委会",
      committeeMember: "居委会成员",
      supervisoryBody: "居务监督委员会",
      supervisor: "居务监督委员会成员",
      party: "社区党组织",
      affairs: "居务",
    },
    village: {
      resident: "村民",
      representative: "村民代表",
      repMeeting: "村民代表会议",
      assembly: "村民会议",
      committeeBody: "村委会",
      committeeMember: "村委会成员",
      supervisoryBody: "村务监督委员会",
      supervisor: "村务监督委员会成员",
      party: "村党组织",
      affairs: "村务",
    },
  },
};

export default kinds;
