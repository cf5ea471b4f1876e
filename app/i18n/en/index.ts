import type { Resources } from "../zh-CN";
import board from "./board";
import common from "./common";
import hall from "./hall";

const en: Resources = { ...common, ...hall, ...board };

export default en;
