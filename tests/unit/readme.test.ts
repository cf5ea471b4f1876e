// The README and docs/ hold what they promise: the README stays short, its performance figures are
// the ones in bench/results/latest.json, every decision record is in the index, and every relative
// link, `npm run` command and repository path they name exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const README = read("README.md");

/** The figures the README quotes, as keys of latest.json's `figures`: quiet and under mixed load. */
const HEADLINE = ["hall_rps_ratio", "hall_p99_ratio", "topic_rps_ratio", "topic_p99_ratio", "hall_rps_ratio_mixed", "hall_p99_ratio_mixed", "topic_rps_ratio_mixed", "topic_p99_ratio_mixed"];
const NOT_MEASURED = "not measured yet";

/** Markdown files whose links are checked: the README, docs/*.md and the decision records. */
function markdownFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  const decisions = fs.readdirSync(path.join(ROOT, "docs/decisions")).filter((f) => f.endsWith(".md")).map((f) => `docs/decisions/${f}`);
  return ["README.md", ...docs, ...decisions];
}

/** The text outside fenced code blocks, with inline code spans kept (links may hold them). */
const withoutFences = (text: string) => text.replace(/^```[\s\S]*?^```/gm, "");

/** The body of a `## heading` section, up to the next `## ` heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const rest = text.slice(start + heading.length + 5);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchorsOf = (file: string) => new Set([...withoutFences(read(file)).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

function relativeLinks(file: string): string[] {
  const links = [...withoutFences(read(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return links.filter((link) => !/^[a-z]+:/i.test(link));
}

describe("README", () => {
  it("stays under 12 KB", () => {
    expect(Buffer.byteLength(README, "utf8")).toBeLessThan(12_288);
  });

  it("quotes each headline figure exactly as bench/results/latest.json has it, or says it is not measured yet", () => {
    const figures = JSON.parse(read("bench/results/latest.json")).figures as Record<string, unknown>;
    const performance = section(README, "Performance");
    const quoted = new Map([...performance.matchAll(/^\| `([a-z0-9_]+)` \| ([^|]+?) \|/gm)].map((m) => [m[1]!, m[2]!]));
    expect([...quoted.keys()].sort()).toEqual([...HEADLINE].sort());
    for (const [key, value] of quoted) {
      const expected = key in figures ? String(figures[key]) : NOT_MEASURED;
      expect(value, `README's ${key} (latest.json figures.${key} = ${expected})`).toBe(expected);
    }
    const unchecked = performance.split("\n").filter((line) => !line.startsWith("|") && /\d[.,]\d|\d+ ?(%|×|ms|req\/s)/.test(line));
    expect(unchecked, "figures belong in the table, where they are checked").toEqual([]);
  });

  it("names only `npm run` commands that package.json has", () => {
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts as Record<string, string>);
    for (const file of markdownFiles().filter((f) => !f.startsWith("docs/decisions/"))) {
      for (const [, name] of read(file).matchAll(/npm run ([\w:-]+)/g)) {
        expect(scripts, `${file}: npm run ${name}`).toContain(name);
      }
    }
  });

  it("names only repository paths that exist", () => {
    const named = [...README.matchAll(/`((?:app|db|server|tests|bench|docs|public|\.ci)\/[^`\s]*)`/g)].map((m) => m[1]!);
    const folderMap = section(README, "Architecture").match(/^```\n([\s\S]*?)^```/m)![1]!;
    const mapped = [...folderMap.matchAll(/^(\S+)/gm)].map((m) => m[1]!);
    expect(mapped.length).toBeGreaterThan(5);
    // The app's folders, indented under app/: each named one exists, and every folder of app/ is named.
    const appFolders = [...folderMap.matchAll(/^ {2}(\S+\/(?: \S+\/)*)/gm)].flatMap((m) => m[1]!.split(" ")).map((f) => `app/${f.replace(/\/$/, "")}`);
    const actual = fs.readdirSync(path.join(ROOT, "app"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `app/${d.name}`);
    expect(appFolders.sort()).toEqual(actual.sort());
    for (const name of [...named, ...mapped]) {
      expect(fs.existsSync(path.join(ROOT, name.split("*")[0]!)), name).toBe(true);
    }
  });
});

describe("docs", () => {
  it("the decision index lists every record, each number once", () => {
    const index = read("docs/decisions/README.md");
    const records = fs.readdirSync(path.join(ROOT, "docs/decisions")).filter((f) => /^\d{3}-.+\.md$/.test(f));
    expect(records.length).toBeGreaterThanOrEqual(28);
    const unlisted = records.filter((record) => !index.includes(`](${record})`));
    expect(unlisted, "records missing from docs/decisions/README.md").toEqual([]);
    const numbers = records.map((r) => r.slice(0, 3));
    expect(new Set(numbers).size, "two records share a number").toBe(numbers.length);
    expect(README).toContain("](docs/decisions/README.md)");
  });

  it("every relative link in the README and docs/ points at an existing file and heading", () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      for (const link of relativeLinks(file)) {
        const [target, anchor] = link.split("#") as [string, string | undefined];
        const resolved = target === "" ? file : path.posix.join(path.posix.dirname(file), decodeURI(target));
        if (!fs.existsSync(path.join(ROOT, resolved))) broken.push(`${file}: ${link} (no ${resolved})`);
        else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) broken.push(`${file}: ${link} (no heading #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
