import type { Resources } from "../zh-CN";
import board from "./board";
import common from "./common";
import consultation from "./consultation";
import hall from "./hall";
import notifications from "./notifications";
import propose from "./propose";
import rulesEdit from "./rulesEdit";
import topic from "./topic";

const en: Resources = { ...common, ...hall, ...board, ...rulesEdit, ...topic, ...notifications, ...propose, ...consultation };

export default en;
