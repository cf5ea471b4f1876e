import { closeDb, getDb } from "../../db/client.server";
import { runMigrations } from "../migrate";
import { seedDemo } from "./demo/seed";

const db = getDb();
runMigrations(db);
const seeded = await seedDemo(db);
process.stdout.write(seeded ? "demo data seeded\n" : "database is not empty; seed skipped\n");
closeDb();
