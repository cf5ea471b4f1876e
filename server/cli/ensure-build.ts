// Builds the Remix app when the build is missing or older than its sources (used by `npm start`).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../db/config";

const output = path.resolve(PROJECT_ROOT, "build/index.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestSource(path.resolve(PROJECT_ROOT, "app")),
  newestSource(path.resolve(PROJECT_ROOT, "db")),
  fs.statSync(path.resolve(PROJECT_ROOT, "remix.config.js")).mtimeMs,
  fs.statSync(path.resolve(PROJECT_ROOT, "package.json")).mtimeMs,
);
if (!fs.existsSync(output) || fs.statSync(output).mtimeMs < sources) {
  process.stdout.write("Building the app (remix build)…\n");
  execFileSync(path.resolve(PROJECT_ROOT, "node_modules/.bin/remix"), ["build"], { stdio: "inherit", cwd: PROJECT_ROOT });
}
