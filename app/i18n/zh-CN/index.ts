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
import register from "./register";
import resolutions from "./resolutions";
import rulesEdit from "./rulesEdit";
import party, { partyLedgerTypes } from "./party";
import fourTwo from "./fourTwo";
import powers from "./powers";
import supervision from "./supervision";
import timeZone from "./timeZone";
// Issue 17, part duties.
import duties, { dutiesLedgerTypes } from "./duties";
import topic from "./topic";
import mail from "./mail";

// Issue 18, part roster.
import roster from "./roster";

// Issue 18, part setup.
import streetCommunities from "./streetCommunities";

// Issue 18, part assist.
import assist from "./assist";

// Issue 19, part departments.
import departments from "./departments";
// Issue 19, part reports.
import hotlineExport from "./hotlineExport";
import evaluation from "./evaluation";
// Issue 19, part calls.
import calls, { callsLedgerTypes } from "./calls";


// Issue 19, part community.
import callsCommunity from "./callsCommunity";
const zhCN = { ...common, ...hall, ...board, ...rulesEdit, ...topic, ...notifications, ...propose, ...draft, ...consultation, ...members, ...meetings, ...meetingRecords, ...resolutions, ...execution, ...supervision, ...rating, ...kinds, ...party, ...fourTwo, ...timeZone, ...register, ...duties, ...powers, ...assembly, ...mail, ...roster, ...streetCommunities, ...assist, ...departments, ...hotlineExport, ...evaluation, ...calls, ...callsCommunity, ledgerTypes: { ...ledgerTypes, ...consultationLedgerTypes, ...partyLedgerTypes, ...dutiesLedgerTypes, ...callsLedgerTypes } };

export default zhCN;
export type Resources = typeof zhCN;
