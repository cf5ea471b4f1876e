// The laws the hall cites and the articles it quotes, with how they are cited (第N条 in Chinese numerals).
// Pure data: the rule packs (rule-packs.ts) name their basis from here.
/** The laws the hall cites. Revised 2025-10-28, in force 2026-01-01 (the texts: docs/decisions/022). */
export const LAWS = {
  villagers: { zh: "《中华人民共和国村民委员会组织法》", short: "村委会组织法", en: "Organic Law of Villagers' Committees" },
  residents: { zh: "《中华人民共和国城市居民委员会组织法》", short: "居委会组织法", en: "Organic Law of Urban Residents' Committees" },
  civilCode: { zh: "《中华人民共和国民法典》", short: "民法典", en: "Civil Code" },
} as const;
export type Law = keyof typeof LAWS;

export interface Article {
  law: Law;
  /** The article's number (第N条). */
  number: number;
  /** The paragraph (款), when only one is meant. */
  paragraph?: number;
  /** What it settles, in a line (en); the text itself is quoted from the law. */
  about: string;
  /** The law's own words, quoted as they stand (the part the hall relies on). */
  textZh: string;
}

/** The articles, keyed "law:number" (or "law:number:paragraph"). */
export const ARTICLES = {
  "villagers:25": {
    law: "villagers",
    number: 25,
    about: "the assembly: villagers aged 18+; convened when one tenth of villagers or one third of representatives ask; ten days' notice; at least once a year",
    textZh:
      "村民会议由本村十八周岁以上的村民组成。村民会议由村民委员会召集。有十分之一以上的村民或者三分之一以上的村民代表提议，应当召集村民会议。召集村民会议，应当提前十日通知村民；遇有特殊情况的，可以临时通知村民。村民会议每年至少召开一次。",
  },
  "villagers:26": {
    law: "villagers",
    number: 26,
    about: "the assembly is valid with more than half of villagers aged 18+ or two thirds of households' representatives; decisions by more than half of those present",
    textZh:
      "召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过。",
  },
  "villagers:27": {
    law: "villagers",
    number: 27,
    about: "the assembly may revoke or change improper decisions of the committee and of the representatives' meeting",
    textZh: "村民会议审议村民委员会的年度工作报告，评议村民委员会成员的工作；有权撤销或者变更村民委员会不适当的决定；有权撤销或者变更村民代表会议不适当的决定。",
  },
  "villagers:28": {
    law: "villagers",
    number: 28,
    about: "matters only the assembly decides, unless it authorises the representatives' meeting",
    textZh:
      "涉及村民利益的下列事项，经村民会议讨论决定方可办理：（一）涉及村庄规划、建设等乡村建设重要事项；（二）本村享受误工补贴的人员及补贴标准；（三）从村集体经济所得资金和物资的使用；（四）本村公益事业的兴办和筹资筹劳方案及建设承包方案；（五）本村重点帮扶人员、帮扶方案；……村民会议可以授权村民代表会议讨论决定前款规定的事项。",
  },
  "villagers:38": {
    law: "villagers",
    number: 38,
    about: "the yearly democratic appraisal of committee members, chaired by the supervisory body; two consecutive 'incompetent' end the office",
    textZh:
      "村民委员会成员以及由村民或者村集体承担误工补贴的聘用人员，应当接受村民会议或者村民代表会议对其履行职责情况的民主评议。民主评议每年至少进行一次，由村务监督机构主持。村民委员会成员连续两次被评议不称职的，其职务终止。",
  },
  "residents:26": {
    law: "residents",
    number: 26,
    about: "the assembly: residents aged 18+; convened when one tenth of adult residents or household representatives, or one third of representatives ask; ten days' notice",
    textZh:
      "居民会议由本社区十八周岁以上的居民组成。居民会议由居民委员会召集。有十分之一以上的年满十八周岁居民、户的代表或者三分之一以上的居民代表提议，应当召集居民会议。召集居民会议，应当提前十日通知居民；遇有特殊情况的，可以临时通知居民。",
  },
  "residents:27": {
    law: "residents",
    number: 27,
    about: "the assembly is valid with more than half of adult residents or of household representatives; decisions by more than half of those present",
    textZh: "居民会议应当有全体十八周岁以上的本社区居民或者户的代表的过半数参加。居民会议所作决定，应当经到会人员的过半数通过。",
  },
  "residents:30:3": {
    law: "residents",
    number: 30,
    paragraph: 3,
    about: "the assembly may revoke or change improper decisions of the representatives' meeting and the committee",
    textZh: "居民会议有权撤销或者变更居民代表会议和居民委员会不适当的决定。居民代表会议有权撤销或者变更居民委员会不适当的决定。",
  },
  "residents:37": {
    law: "residents",
    number: 37,
    about: "the yearly democratic appraisal of committee members, chaired by the supervisory committee, results published; two consecutive 'incompetent' end the office",
    textZh:
      "居民委员会成员接受居民会议或者居民代表会议对其履行职责情况的民主评议。民主评议每年至少进行一次，由居务监督委员会主持，民主评议结果应当及时向居民公布。居民委员会成员连续两次被评议不称职的，其职务终止。",
  },
  "villagers:28:3": {
    law: "villagers",
    number: 28,
    paragraph: 3,
    about: "important matters are first studied by the village party organisation",
    textZh: "需由村民会议或者村民代表会议决定的重要事项，应当先经村党组织研究讨论。",
  },
  "villagers:29": {
    law: "villagers",
    number: 29,
    about: "the meeting's members: committee members and representatives, representatives at least four fifths",
    textZh:
      "村民代表会议由村民委员会成员和村民代表组成，村民代表应当占村民代表会议组成人员的五分之四以上，妇女村民代表应当占村民代表会议组成人员的三分之一以上。",
  },
  "villagers:30": {
    law: "villagers",
    number: 30,
    about: "convened every quarter and when one fifth of representatives ask; valid with two thirds of its members; decisions by more than half of those present",
    textZh:
      "村民代表会议由村民委员会召集。村民代表会议每季度召开一次。有五分之一以上的村民代表提议，应当召集村民代表会议。村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意。",
  },
  "villagers:35": {
    law: "villagers",
    number: 35,
    about: "published for no less than 15 days",
    textZh: "村民委员会应当设立村务公开栏，可以采用现代信息技术进行村务公开。公布的期限不得少于十五日。",
  },
  "villagers:37": {
    law: "villagers",
    number: 37,
    about: "the village affairs supervisory committee; no committee member may sit on it; its members may attend meetings",
    textZh:
      "村民委员会成员及其近亲属不得担任村务监督机构成员。……其成员可以列席村民委员会会议和村民代表会议，参与各项协商活动。",
  },
  "residents:28": {
    law: "residents",
    number: 28,
    about: "the meeting's members: committee members and representatives, representatives at least four fifths; convened every half year and when one fifth of representatives ask",
    textZh:
      "居民代表会议由居民委员会成员和居民代表组成。居民代表应当占居民代表会议组成人员的五分之四以上。居民代表会议由居民委员会召集，每半年至少召开一次。有五分之一以上的居民代表提议，应当召集居民代表会议。召开居民代表会议，其他居民可以列席会议并发表意见。",
  },
  "residents:29": {
    law: "residents",
    number: 29,
    about: "valid with two thirds of its members; decisions by more than half of the members present",
    textZh: "居民代表会议应当有三分之二以上的组成人员参加方可召开。居民代表会议所作决定，应当经到会组成人员的过半数通过。",
  },
  "residents:30:4": {
    law: "residents",
    number: 30,
    paragraph: 4,
    about: "important matters are first studied by the community party organisation",
    textZh: "需由居民会议或者居民代表会议决定的重要事项，应当先经社区党组织研究讨论。",
  },
  "residents:34": {
    law: "residents",
    number: 34,
    about: "published for no less than 15 days",
    textZh: "居民委员会应当设立居务公开栏，可以采用现代信息技术进行居务公开。公布的期限不得少于十五日。",
  },
  "residents:36": {
    law: "residents",
    number: 36,
    about: "the residents' affairs supervisory committee; no committee member may sit on it; its members may attend meetings",
    textZh:
      "居民委员会成员及其近亲属不得担任居务监督委员会成员。……其成员可以列席居民委员会会议和居民代表会议，参与各项协商活动。",
  },
  "civilCode:278": {
    law: "civilCode",
    number: 278,
    about: "building owners decide (e.g. adding a lift): two thirds of owners by area and by headcount take part, three quarters of those consent",
    textZh:
      "业主共同决定事项，应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决。决定前款第六项至第八项规定的事项，应当经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。",
  },
} as const satisfies Record<string, Article>;
export type ArticleKey = keyof typeof ARTICLES;

/** "居委会组织法第二十九条" / "Organic Law of Urban Residents' Committees, Art. 29". */
export function citeArticle(key: ArticleKey, language: "zh-CN" | "en"): string {
  const a: Article = ARTICLES[key];
  if (language === "en") return `${LAWS[a.law].en}, Art. ${a.number}${a.paragraph ? ` ¶${a.paragraph}` : ""}`;
  return `${LAWS[a.law].short}第${chineseNumber(a.number)}条${a.paragraph ? `第${chineseNumber(a.paragraph)}款` : ""}`;
}

/** 1–999 in Chinese numerals, as articles are numbered (二十九, 三十, 一百一十, 二百七十八). */
export function chineseNumber(n: number): string {
  const digits = "零一二三四五六七八九";
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  if (hundreds === 0) return `${tens > 1 ? digits[tens] : ""}${tens ? "十" : ""}${ones || !tens ? digits[ones] : ""}`;
  const rest = n % 100 === 0 ? "" : tens === 0 ? `零${digits[ones]}` : `${digits[tens]}十${ones ? digits[ones] : ""}`;
  return `${digits[hundreds]}百${rest}`;
}
