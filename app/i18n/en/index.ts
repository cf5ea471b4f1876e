import type { Resources } from "../zh-CN";
import common from "./common";
import notifications from "./notifications";
import propose from "./propose";
import topic from "./topic";

const en: Resources = { ...common, ...topic, ...notifications, ...propose };

export default en;
