import path from "node:path";

export const TEST_DB_DIR = path.resolve(process.cwd(), ".test-db");
export const BASE_DB = path.join(TEST_DB_DIR, "base.db");
