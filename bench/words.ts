// The words the benchmark data is made of (bench/generate-data.ts, bench/city.ts), and a seeded
// generator so the data is the same every run.
import { seededRandom } from "../tests/support/seeded-random";

// Titles: a place, a matter and a wish, e.g. "3号楼单元门禁损坏，建议尽快维修".
export const PLACES = ["3号楼", "5号楼东侧", "小区北门", "南门岗亭", "中心花园", "地下车库", "老年活动室", "幼儿园门口", "菜市场旁", "2栋单元", "社区卫生站", "篮球场", "垃圾分类站", "快递柜旁", "沿河步道", "健身广场", "7号楼楼顶", "自行车棚", "东侧围墙", "社区食堂"];
export const MATTERS = ["单元门禁损坏", "路灯不亮", "雨天积水严重", "电动车乱停放", "楼道堆放杂物", "下水道堵塞", "噪音扰民", "绿化带缺乏修剪", "健身器材老化", "无障碍坡道缺失", "外墙瓷砖脱落", "监控盲区", "充电桩不足", "垃圾清运不及时", "消防通道被占", "电梯频繁故障", "宠物粪便无人清理", "车位紧张", "屋顶漏水", "休息座椅不足"];
export const WISHES = ["建议尽快维修", "建议增设设施", "请物业统一整治", "建议纳入年度计划", "希望社区协调解决", "建议公开征求意见", "建议划定专门区域", "请求更换", "建议加强巡查", "建议居民议事会讨论"];
export const COMMENTS = ["支持，这个问题困扰我们很久了。", "同意，建议尽快落实。", "晚上经过这里确实很不方便。", "希望能公开费用明细。", "我家老人每天都要经过，强烈支持。", "建议先做个调查，听听各楼栋的意见。", "物业之前答应过，一直没有下文。", "可以考虑分期实施。", "这个方案比上次的好。", "能否同时解决一下照明问题？", "赞成，愿意参加志愿服务。", "请注意施工期间的安全。"];
export const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
export const GIVEN = ["建国", "秀英", "桂兰", "志强", "丽华", "海燕", "伟", "敏", "静", "磊", "晓明", "玉兰", "国庆", "春梅", "子涵", "欣怡"];
/** Syllables of place names (two make a community's name: 安宁社区, 松林村). */
export const SYLLABLES = "安宁福寿康乐泰和平顺兴隆华美嘉祥瑞丰德善仁义春秋云山水河湖林花石松竹梅兰菊东南西北新";

export const DAY = 24 * 60 * 60 * 1000;

/** The generators' seeded random numbers (tests/support/seeded-random.ts): the same city on every run. */
export const rng = seededRandom;

export const titleOf = (r: ReturnType<typeof rng>) => `${r.pick(PLACES)}${r.pick(MATTERS)}，${r.pick(WISHES)}`;
export const descriptionOf = (r: ReturnType<typeof rng>, title: string) => `${title}。${r.pick(COMMENTS)}具体情况：${r.pick(PLACES)}附近${r.pick(MATTERS)}已持续一段时间，影响居民日常生活。`;
