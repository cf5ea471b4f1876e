import type { Resources } from "../zh-CN";
import board from "./board";
import common from "./common";
import hall from "./hall";
import rulesEdit from "./rulesEdit";

const en: Resources = { ...common, ...hall, ...board, ...rulesEdit };

export default en;
