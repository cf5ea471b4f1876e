import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import zhCN from "~/i18n/zh-CN";
import { TOPIC_ACTIONS } from "~/workflow/transitions";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("ledger entry types", () => {
  it("every type the code writes has a name in both languages", () => {
    const written = new Set<string>(TOPIC_ACTIONS.map((a) => `topic.${a}`));
    for (const file of [...sources("app"), ...sources("db")].filter((f) => /\.tsx?$/.test(f))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/type: "([a-zA-Z]+\.[a-zA-Z]+)"/g)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(20);
    for (const type of written) {
      expect(zhCN.ledgerTypes, type).toHaveProperty([type]);
      expect(en.ledgerTypes, type).toHaveProperty([type]);
    }
  });
});
