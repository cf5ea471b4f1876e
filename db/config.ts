import path from "node:path";

/** The project root: every path the app uses is resolved from here, never from a bundled module's URL. */
export const PROJECT_ROOT = process.env.YISHITING_ROOT ?? process.cwd();

export function databasePath(): string {
  return path.resolve(PROJECT_ROOT, process.env.DATABASE_PATH ?? "./data/yishiting.db");
}

export const MIGRATIONS_FOLDER = path.resolve(PROJECT_ROOT, "db/migrations");
