import { closeDb, getDb } from "../../db/client.server";
import { databasePath } from "../../db/config";
import { runMigrations } from "../migrate";

runMigrations(getDb());
process.stdout.write(`migrations applied to ${databasePath()}\n`);
closeDb();
