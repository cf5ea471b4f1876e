const members = {
  members: {
    title: "成员与身份",
    intro: "辖区各社区的成员及其身份。撤销身份会记入该社区台账,正在编辑草案的连接会随即失去编辑权。",
    revoke: "撤销身份",
    revoked: "已撤销该身份。",
    notFound: "没有找到该成员的这个身份。",
    link: "成员与身份",
  },
};

export default members;
