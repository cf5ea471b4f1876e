// The register's limits apart from its schemas and its CSV reader, so the page's components can
// show them without bringing zod or papaparse into the browser.
export const HOUSEHOLD_CODE_MAX = 40;
export const HOUSEHOLD_ADDRESS_MAX = 200;
export const HOUSEHOLD_GROUP_MAX = 60;
export const MEMBER_NAME_MAX = 60;
/** The CSV import: lines (people) and bytes at most. */
export const REGISTER_MAX_ROWS = 5000;
export const REGISTER_MAX_BYTES = 2 * 1024 * 1024;
