// The zh-CN resources, one file per feature; each feature file has an English twin in ../en/.
import common from "./common";
import notifications from "./notifications";
import propose from "./propose";
import topic from "./topic";

const zhCN = { ...common, ...topic, ...notifications, ...propose };

export default zhCN;
export type Resources = typeof zhCN;
