const kinds: typeof import("../zh-CN/kinds").default = {
  kinds: {
    urban: {
      resident: "resident",
      representative: "residents' representative",
      repMeeting: "residents' representatives' meeting",
      assembly: "residents' assembly",
      committeeBody: "residents' committee",
      committeeMember: "residents' committee member",
      supervisoryBody: "residents' affairs supervisory committee",
      supervisor: "member of the residents' affairs supervisory committee",
      party: "community Party organisation",
      affairs: "residents' affairs",
    },
    village: {
      resident: "villager",
      representative: "villagers' representative",
      repMeeting: "villagers' representatives' meeting",
      assembly: "villagers' assembly",
      committeeBody: "villagers' committee",
      committeeMember: "villagers' committee member",
      supervisoryBody: "village affairs supervisory committee",
      supervisor: "member of the village affairs supervisory committee",
      party: "village Party organisation",
      affairs: "village affairs",
    },
  },
};

export default kinds;
