const evaluation = { evaluation: { link: "综合评价" } };
export default evaluation;
