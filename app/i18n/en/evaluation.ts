const evaluation = { evaluation: { link: "Evaluation" } };
export default evaluation;
