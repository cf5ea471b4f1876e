import type { Role } from "../../../app/workflow/roles";
import type { Stage } from "../../../app/workflow/stages";
import { STARTER_CATALOGUE } from "../../../app/workflow/starter-catalogue";

/** Demo data as described in contracts.md. Demo only: every account's password is DEMO_PASSWORD. */
export const DEMO_PASSWORD = "demo1234";

export const DEMO_STREET = { slug: "huacheng", nameZh: "花城街道", nameEn: "Huacheng Subdistrict" };

export const DEMO_COMMUNITIES = [
  { slug: "mingyue", nameZh: "明月社区", nameEn: "Mingyue Community", kind: "urban", pack: "residents-representatives" },
  { slug: "shiliu", nameZh: "石榴村", nameEn: "Shiliu Village", kind: "village", pack: "villagers-representatives" },
] as const;

export interface DemoAccount {
  username: string;
  displayName: string;
  community: "mingyue" | "shiliu" | null;
  roles: Role[];
  streetAdmin?: boolean;
  /** A contact of this street department (its `key` in DEMO_DEPARTMENTS): answers the street's calls. */
  department?: string;
}

/**
 * The street's departments (issue 19): communities call on them (吹哨), the street dispatches to them.
 * `responseHours` is each one's response limit.
 */
export const DEMO_DEPARTMENTS = [
  { key: "chengguan", nameZh: "城管中队", nameEn: "City Management Squad", contact: "花城街道城管中队 值班电话 020-8100-0001", responseHours: 24 },
  { key: "zhujian", nameZh: "住建办", nameEn: "Housing and Construction Office", contact: "街道办事处 2 楼 住建办", responseHours: 48 },
  { key: "minzheng", nameZh: "民政办", nameEn: "Civil Affairs Office", contact: "街道便民服务中心 3 号窗口", responseHours: 72 },
  { key: "shichang", nameZh: "市场监管所", nameEn: "Market Regulation Office", contact: "花城市场监管所 020-8100-0004", responseHours: 48 },
  { key: "zongzhi", nameZh: "街道综治中心", nameEn: "Comprehensive Governance Centre", contact: "街道综治中心 24 小时 020-8100-0005", responseHours: 24 },
] as const;

const reps: DemoAccount[] = Array.from({ length: 15 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return { username: `rep${n}`, displayName: `代表${n}`, community: "mingyue", roles: ["representative", "resident"] };
});

const villageReps: DemoAccount[] = Array.from({ length: 12 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return { username: `vrep${n}`, displayName: `村民代表${n}`, community: "shiliu", roles: ["representative", "resident"] };
});

/**
 * 组成人员 (居委会组织法 Art. 28, 村委会组织法 Art. 29): 明月社区 has five 居委会 members (convener1,
 * committee1, committee2, cmember1, cmember2) and 15 representatives, 20 in all, representatives
 * exactly four fifths; 石榴村 has three 村委会 members and 12 representatives, 15 in all. No
 * committee member is a supervisor (居委会组织法 Art. 36, 村委会组织法 Art. 37: the seed refuses it).
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "street1", displayName: "街道管理员 王敏", community: null, roles: [], streetAdmin: true },
  { username: "chengguan1", displayName: "城管中队 李强", community: null, roles: [], department: "chengguan" },
  { username: "zhujian1", displayName: "住建办 陈刚", community: null, roles: [], department: "zhujian" },
  { username: "resident1", displayName: "张晓梅", community: "mingyue", roles: ["resident"] },
  { username: "resident2", displayName: "李建国", community: "mingyue", roles: ["resident"] },
  { username: "resident3", displayName: "陈芳", community: "mingyue", roles: ["resident"] },
  { username: "committee1", displayName: "议事会 刘伟", community: "mingyue", roles: ["committee", "committeeMember"] },
  { username: "committee2", displayName: "议事会 黄丽", community: "mingyue", roles: ["committee", "committeeMember"] },
  { username: "convener1", displayName: "召集人 周强", community: "mingyue", roles: ["convener", "committee", "committeeMember"] },
  { username: "cmember1", displayName: "居委会 郑洁", community: "mingyue", roles: ["committeeMember", "resident"] },
  { username: "cmember2", displayName: "居委会 马骏", community: "mingyue", roles: ["committeeMember", "resident"] },
  ...reps,
  { username: "supervisor1", displayName: "监督委员 吴静", community: "mingyue", roles: ["supervisor"] },
  { username: "executor1", displayName: "明月物业公司", community: "mingyue", roles: ["executor"] },
  { username: "party1", displayName: "社区党委 周红", community: "mingyue", roles: ["party"] },
  { username: "villager1", displayName: "村民 赵大山", community: "shiliu", roles: ["resident"] },
  { username: "vcommittee1", displayName: "村两委 孙红", community: "shiliu", roles: ["committee", "committeeMember"] },
  { username: "vconvener1", displayName: "村委会主任 钱进", community: "shiliu", roles: ["convener", "committee", "committeeMember"] },
  { username: "vmember1", displayName: "村委会 何梅", community: "shiliu", roles: ["committeeMember", "resident"] },
  ...villageReps,
  { username: "vsupervisor1", displayName: "村务监督 冯刚", community: "shiliu", roles: ["supervisor", "resident"] },
  // 四议两公开: the village party branch proposes and its members' meeting reviews (server/cli/demo/four-two.ts).
  { username: "vparty1", displayName: "村党支部书记 林国华", community: "shiliu", roles: ["party"] },
  // Reports for the village's builders once the committee names them a unit (the village has none yet).
  { username: "vexecutor1", displayName: "石榴村建设队 张铁", community: "shiliu", roles: ["executor"] },
];

/** Who convenes each community's demo meetings (and records hand votes at them). */
export const DEMO_CONVENERS = { mingyue: "convener1", shiliu: "vconvener1" } as const;

/** The demo's communities start with the catalogue every new community starts with. */
export const DEMO_CATALOGUE = STARTER_CATALOGUE;

export interface DemoTopic {
  title: string;
  description: string;
  location: string;
  category: (typeof DEMO_CATALOGUE)[number]["code"];
  stage: Stage;
  status?: "closed";
  proposer: string;
  /** Days since the topic entered its stage. */
  daysInStage: number;
  /** Residents who co-signed it. */
  cosigners?: string[];
  /** A state other than the stage's usual entry state. */
  state?: "screening";
  /** The proposal as frozen (topics from 决策 on): 方案 / 预算 / 责任主体 / 时间安排; 背景 is the description. */
  plan?: DemoPlan;
  /** The 12345 ticket the topic came from (its source is then the hotline). */
  hotline?: string;
}

export interface DemoPlan {
  方案: string;
  预算: string;
  责任主体: string;
  时间安排: string;
}

export const DEMO_TOPICS: Record<"mingyue" | "shiliu", DemoTopic[]> = {
  mingyue: [
    { title: "小区东门夜间照明不足", description: "东门至3号楼的人行道晚上很暗,老人出行不便,建议增加路灯。", location: "东门—3号楼人行道", category: "facilities", stage: "collection", proposer: "resident1", daysInStage: 2, cosigners: ["resident2", "rep01", "rep02"] },
    { title: "3号楼申请加装电梯", description: "3号楼共7层,住户中老人较多,希望加装电梯。", location: "3号楼", category: "lift", stage: "collection", proposer: "resident2", daysInStage: 5, state: "screening", cosigners: ["resident3", "rep01", "rep02", "rep03", "rep04", "rep05", "rep06", "rep07", "rep08", "rep09"] },
    { title: "垃圾分类投放点异味整治", description: "北区投放点夏季异味严重,建议增加清运频次并加装除臭设备。", location: "北区垃圾投放点", category: "environment", stage: "deliberation", proposer: "resident3", daysInStage: 4 },
    { title: "非机动车充电棚建设", description: "楼道充电存在火灾隐患,建议在南侧空地建设集中充电棚。", location: "南侧空地", category: "facilities", stage: "consultation", plan: { 方案: "在南侧空地建设约 60 平方米的集中充电棚,设 40 个智能充电口,配备烟感报警和灭火器,楼道内禁止充电。", 预算: "约 6 万元,申请街道民生微实事资金,充电收费用于日常维护。", 责任主体: "明月物业公司", 时间安排: "协商定稿并表决通过后 60 日内建成。" }, proposer: "resident1", daysInStage: 6 },
    { title: "小区内部停车位重新划线", description: "现有车位划线不清,消防通道常被占用。", location: "小区主干道", category: "parking", stage: "decision", plan: { 方案: "按消防要求重新施划主干道两侧车位,消防通道全线施划黄色禁停网格线并设警示牌。", 预算: "约 1.2 万元,从公共收益中列支。", 责任主体: "明月物业公司", 时间安排: "表决通过后 30 日内完成。" }, proposer: "rep03", daysInStage: 3 },
    { title: "儿童游乐设施更新", description: "中心花园的滑梯生锈,需要更换并铺设软地垫。", location: "中心花园", category: "facilities", stage: "execution", hotline: "GZ12345-20261017-0173", plan: { 方案: "拆除生锈滑梯,更换为符合国家标准的组合滑梯,周边铺设 80 平方米软地垫。", 预算: "约 3.5 万元,申请街道民生微实事资金。", 责任主体: "明月物业公司", 时间安排: "公示期满后 45 日内完工。" }, proposer: "resident2", daysInStage: 12 },
    { title: "2号楼化粪池堵塞疏通", description: "2号楼化粪池多次外溢,已由物业疏通,待核实。", location: "2号楼", category: "environment", stage: "supervision", hotline: "GZ12345-20261009-0058", plan: { 方案: "疏通 2 号楼化粪池及排污管道,更换破损井盖,此后每季度清掏一次。", 预算: "约 8000 元,由物业专项维修资金列支。", 责任主体: "明月物业公司", 时间安排: "公示期满后 15 日内完成疏通。" }, proposer: "resident3", daysInStage: 1 },
    { title: "重阳节敬老活动", description: "组织社区长者重阳节聚餐和义诊。", location: "社区活动中心", category: "activities", stage: "supervision", status: "closed", plan: { 方案: "重阳节当天在社区活动中心举办长者聚餐,邀请社区医院义诊。", 预算: "约 6000 元,从社区活动经费列支。", 责任主体: "社区居委会", 时间安排: "农历九月初九。" }, proposer: "committee1", daysInStage: 30 },
  ],
  shiliu: [
    { title: "村道路灯维修", description: "村东主路有6盏路灯不亮。", location: "村东主路", category: "facilities", stage: "collection", proposer: "villager1", daysInStage: 1 },
    { title: "村集体鱼塘承包方案", description: "鱼塘承包合同到期,需商议新的承包方式。", location: "村南鱼塘", category: "fundraising", stage: "deliberation", proposer: "vcommittee1", daysInStage: 8 },
    { title: "一事一议:修建村口排水渠", description: "雨季村口积水严重,拟按一事一议筹资修建排水渠。", location: "村口", category: "fundraising", stage: "consultation", proposer: "villager1", daysInStage: 5 },
    { title: "文化广场扩建", description: "扩建文化广场,增加健身器材。", location: "文化广场", category: "activities", stage: "decision", plan: { 方案: "向东扩建文化广场约 300 平方米,增设一组健身器材和两盏照明灯。", 预算: "约 9 万元,村集体经济收入列支。", 责任主体: "村民委员会", 时间安排: "年内完成。" }, proposer: "vcommittee1", daysInStage: 2 },
    { title: "村卫生室改造", description: "卫生室屋顶漏水,需要翻修。", location: "村卫生室", category: "facilities", stage: "execution", plan: { 方案: "翻修卫生室屋顶防水层,更换破损门窗。", 预算: "约 4 万元,申请镇卫生院补助。", 责任主体: "村民委员会", 时间安排: "雨季前完工。" }, proposer: "villager1", daysInStage: 20 },
    // Four days in 监督: longer than 文化广场扩建 has waited since its freeze (three days, give or take the
    // hour of the day: tabledTopicFreezes), so "needs me" lists them in one order whatever the hour of seeding.
    { title: "饮水管网改造", description: "老旧水管更换已完工,待村民评价。", location: "全村", category: "facilities", stage: "supervision", plan: { 方案: "更换全村老旧镀锌水管约 2 公里,改为 PE 管。", 预算: "约 25 万元,水利专项资金与村集体共同承担。", 责任主体: "村民委员会", 时间安排: "分两期,半年内完成。" }, proposer: "vcommittee1", daysInStage: 4 },
  ],
};

/** A representatives' meeting of the demo: `inDays` from the seed's moment (negative: held and ended). */
export interface DemoMeeting {
  title: string;
  place: string;
  inDays: number;
  /** Days of notice given when the convener scheduled it. */
  noticeDays: number;
  /** Representatives who checked in (a past meeting); `byConvener` were checked in from the roster. */
  present?: { self: string[]; byConvener: string[] };
  motions: Array<{
    /** The seeded topic's number in its community. */
    topic: number;
    /** A past meeting's named vote: who voted against or abstained (every other one present agreed), and hand votes the convener recorded. */
    against?: string[];
    abstained?: string[];
    recordedByConvener?: string[];
  }>;
}

const present = Array.from({ length: 12 }, (_, i) => `rep${String(i + 1).padStart(2, "0")}`);

export const DEMO_MEETINGS: Record<"mingyue" | "shiliu", DemoMeeting[]> = {
  mingyue: [
    {
      title: "居民代表会议(季度例会)",
      place: "社区党群服务中心二楼会议室",
      inDays: -19,
      noticeDays: 8,
      // 15 of 组成人员 20: twelve representatives and three 居委会 members (at least 14 for a quorum).
      present: { self: [...present.filter((u) => u !== "rep11"), "convener1", "committee1", "committee2"], byConvener: ["rep11"] },
      motions: [
        { topic: 6, against: ["rep05"], abstained: ["rep09"], recordedByConvener: ["rep11"] },
        { topic: 7, against: ["rep04", "rep10"], abstained: ["rep12"], recordedByConvener: ["rep11"] },
      ],
    },
    { title: "居民代表会议(临时会议)", place: "社区党群服务中心二楼会议室", inDays: 7, noticeDays: 9, motions: [{ topic: 5 }] },
  ],
  // A village meeting the demo can run: 村委会主任 vconvener1 starts it, the village's 15 组成人员 check in.
  shiliu: [{ title: "村民代表会议(第三季度例会)", place: "石榴村村委会议室", inDays: 6, noticeDays: 8, motions: [{ topic: 4 }] }],
};
