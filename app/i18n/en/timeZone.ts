const timeZone: typeof import("../zh-CN/timeZone").default = {
  timeZone: {
    names: {
      "Asia/Shanghai": "Beijing time",
      "Asia/Urumqi": "Xinjiang time",
      "Asia/Hong_Kong": "Hong Kong time",
      "Asia/Macau": "Macau time",
      "Asia/Taipei": "Taipei time",
      UTC: "Coordinated Universal Time",
    },
    label: "{{name}} ({{offset}})",
    ledgerNote: "All times below are in {{zone}}.",
    setting: "Time zone",
    settingHint: "Every time on this community's pages, exports, minutes and feed is shown in this zone; dates and times typed on forms are read in it too.",
    unknown: "Unknown time zone: choose one from the list.",
  },
};

export default timeZone;
