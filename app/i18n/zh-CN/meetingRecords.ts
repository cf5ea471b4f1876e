const meetingRecords = {
  meetingRecords: {},
};

export default meetingRecords;
