import type { Resources } from "../zh-CN";
import common from "./common";
import propose from "./propose";

const en: Resources = { ...common, ...propose };

export default en;
