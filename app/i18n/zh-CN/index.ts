// The zh-CN resources, one file per feature; each feature file has an English twin in ../en/.
import assembly from "./assembly";
import board from "./board";
import common from "./common";
import draft from "./draft";
import execution from "./execution";
import consultation, { consultationLedgerTypes } from "./consultation";
import hall from "./hall";
import kinds from "./kinds";
import ledgerTypes from "./ledgerTypes";
import meetingRecords from "./meetingRecords";
import meetings from "./meetings";
import members from "./members";
import notifications from "./notifications";
import propose from "./propose";
import rating from "./rating";
import resolutions from "./resolutions";
import rulesEdit from "./rulesEdit";
import party, { partyLedgerTypes } from "./party";
import supervision from "./supervision";
import timeZone from "./timeZone";
import topic from "./topic";

const zhCN = { ...common, ...hall, ...board, ...rulesEdit, ...topic, ...notifications, ...propose, ...draft, ...consultation, ...members, ...meetings, ...meetingRecords, ...resolutions, ...execution, ...supervision, ...rating, ...kinds, ...party, ...timeZone, ...assembly, ledgerTypes: { ...ledgerTypes, ...consultationLedgerTypes, ...partyLedgerTypes } };

export default zhCN;
export type Resources = typeof zhCN;
