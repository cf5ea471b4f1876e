const supervision: typeof import("../zh-CN/supervision").default = {
  supervision: {},
};

export default supervision;
