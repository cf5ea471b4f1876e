/** The community's time zone: its names, how it is shown, and the rules page's setting. */
const timeZone = {
  timeZone: {
    /** Names residents use; any other zone is named by the runtime (or its IANA id). */
    names: {
      "Asia/Shanghai": "北京时间",
      "Asia/Urumqi": "新疆时间",
      "Asia/Hong_Kong": "香港时间",
      "Asia/Macau": "澳门时间",
      "Asia/Taipei": "台北时间",
      UTC: "协调世界时",
    },
    /** 北京时间(UTC+8) */
    label: "{{name}}({{offset}})",
    ledgerNote: "以下时间均为{{zone}}。",
    setting: "时区",
    settingHint: "本社区所有页面、导出文件、会议记录和订阅中的时间都按此时区显示;填写的日期和时间也按此时区理解。",
    unknown: "未知的时区,请从列表中选择。",
  },
};

export default timeZone;
