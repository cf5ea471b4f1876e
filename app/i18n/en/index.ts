import type { Resources } from "../zh-CN";
import common from "./common";
import notifications from "./notifications";
import topic from "./topic";

const en: Resources = { ...common, ...topic, ...notifications };

export default en;
