const execution: typeof import("../zh-CN/execution").default = {
  execution: {},
};

export default execution;
