// The zh-CN resources, one file per feature; each feature file has an English twin in ../en/.
import common from "./common";
import propose from "./propose";

const zhCN = { ...common, ...propose };

export default zhCN;
export type Resources = typeof zhCN;
