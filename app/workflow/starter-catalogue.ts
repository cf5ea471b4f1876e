/**
 * The catalogue of matters (协商事项目录) a new community starts with: the demo's communities and the
 * ones a street sets up (npm run setup, the street's communities page). The committee and the street
 * edit it on the rules page afterwards.
 */
export const STARTER_CATALOGUE = [
  { code: "facilities", nameZh: "公共设施维修", nameEn: "Public facility repairs", needsVote: true, needsPublicity: true },
  // 重要事项 (issue 14): the party organisation studies it before its vote opens; the seeded votes stand.
  { code: "environment", nameZh: "环境卫生", nameEn: "Environment and sanitation", needsVote: true, needsPublicity: true, important: true },
  { code: "parking", nameZh: "停车与交通", nameEn: "Parking and traffic", needsVote: true, needsPublicity: true },
  // 民法典 Art. 278: the building's owners decide; the committee records their result, the hall checks it.
  { code: "lift", nameZh: "加装电梯", nameEn: "Lift installation", needsVote: true, needsPublicity: true, passNum: 2, passDen: 3, ownersDecide: true },
  { code: "fundraising", nameZh: "一事一议筹资筹劳", nameEn: "Case-by-case fund-raising (一事一议)", needsVote: true, needsPublicity: true, passNum: 2, passDen: 3 },
  { code: "activities", nameZh: "文体活动", nameEn: "Cultural and sports activities", needsVote: false, needsPublicity: true },
] as const;
