const members: typeof import("../zh-CN/members").default = {
  members: {
    title: "Members and roles",
    intro: "The members of the street's communities and their roles. Revoking a role is written to that community's ledger; an open draft-editing connection loses its edit rights at once.",
    revoke: "Revoke role",
    revoked: "The role was revoked.",
    notFound: "That person does not hold that role there.",
    link: "Members and roles",
  },
};

export default members;
