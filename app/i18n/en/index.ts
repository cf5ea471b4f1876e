import type { Resources } from "../zh-CN";
import common from "./common";

const en: Resources = { ...common };

export default en;
