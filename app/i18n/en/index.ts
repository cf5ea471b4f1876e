import type { Resources } from "../zh-CN";
import common from "./common";
import hall from "./hall";

const en: Resources = { ...common, ...hall };

export default en;
