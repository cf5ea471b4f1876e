// The zh-CN resources, one file per feature; each feature file has an English twin in ../en/.
import board from "./board";
import common from "./common";
import hall from "./hall";
import rulesEdit from "./rulesEdit";

const zhCN = { ...common, ...hall, ...board, ...rulesEdit };

export default zhCN;
export type Resources = typeof zhCN;
