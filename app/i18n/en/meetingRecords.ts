const meetingRecords: typeof import("../zh-CN/meetingRecords").default = {
  meetingRecords: {},
};

export default meetingRecords;
