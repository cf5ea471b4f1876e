// The benchmarks measure the server as `npm start` runs it (docs/decisions/034-young-generation.md):
// the V8 flags they start it with are the ones package.json's start script gives it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../bench/server-child";

describe("the server's V8 flags", () => {
  it("are the same for npm start and the benchmarks' server", () => {
    const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start;
    const flags = /NODE_OPTIONS="([^"$]*)/.exec(start)?.[1]?.trim().split(/\s+/) ?? [];
    expect(flags).toEqual(SERVER_NODE_FLAGS);
  });
});
