const resolutions: typeof import("../zh-CN/resolutions").default = {
  resolutions: {},
};

export default resolutions;
