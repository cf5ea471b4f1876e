/** Issue 18, part setup: the street's communities page, archived communities and the demo banner. */
const streetCommunities = {
  streetCommunities: {
    link: "社区管理",
    title: "{{name}} · 社区管理",
    active: "辖区社区",
    archived: "已归档的社区",
    noneArchived: "没有已归档的社区。",
    slug: "网址名",
    slugHint: "小写字母、数字和短横线,2–40 位,例如 xinhua。它出现在网址中(/c/xinhua),建立后不能更改。",
    nameZh: "中文名",
    nameEn: "英文名",
    kind: "类型",
    kind_urban: "社区(居民代表会议规则)",
    kind_village: "村(村民代表会议规则)",
    timeZone: "时区",
    add: "新增社区",
    added: "已新增社区“{{name}}”,并采用了{{kind}}的议事规则和协商事项目录。",
    rename: "改名",
    renamed: "名称已更新。",
    unchanged: "名称没有变化。",
    archive: "归档",
    archiveConfirm: "我确认归档:归档后该社区不再出现在首页和街道工作台,不能再提交任何内容,邀请码失效;记录和台账保留,可以恢复。",
    archivedDone: "已归档“{{name}}”。",
    restore: "恢复",
    restoredDone: "已恢复“{{name}}”。",
    archivedOn: "归档于 {{date}}",
    open: "查看",
    problems: {
      slugTaken: "这个网址名已被使用,请换一个。",
      notFound: "找不到这个社区,请刷新页面。",
      alreadyArchived: "这个社区已经归档了。",
      notArchived: "这个社区没有归档。",
      slug: "网址名只能用小写字母、数字和短横线,2–40 位,以字母或数字开头。",
    },
    /** The notice on every page of an archived community. */
    archivedNotice: "本社区已归档:页面和公示栏仍可查看,但不能再提交任何内容。",
    archivedTitle: "社区已归档",
    archivedRefused: "这个社区已经归档,只能查看,不能提交。没有保存任何内容。",
    demoBanner: "演示数据 — 演示账号密码公开，请勿录入真实信息",
  },
};

export default streetCommunities;
