// The topic page's JavaScript stays small: no module its route loads in the browser may import zod
// (~90 KB gzip), the editor (Tiptap, ProseMirror, Yjs: loaded lazily on the draft page only) or any
// server module. Read from the client build's metafile (`npm test` builds before the unit suite), so a
// form that validates with a schema in the browser fails here with the import chain that brings it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string; kind: string }> }>;
}

const METAFILE = path.resolve("build/metafile.js.json");

/** Every static import chain from `entry` to a module matching `banned` (dynamic imports are lazy: not followed). */
function chainsTo(meta: Metafile, entry: string, banned: RegExp): string[][] {
  const chains: string[][] = [];
  const seen = new Set([entry]);
  const queue: string[][] = [[entry]];
  while (queue.length) {
    const chain = queue.shift()!;
    for (const imported of meta.inputs[chain[chain.length - 1]]?.imports ?? []) {
      if (imported.kind === "dynamic-import") continue;
      if (banned.test(imported.path)) chains.push([...chain, imported.path]);
      else if (!seen.has(imported.path) && !imported.path.includes("node_modules/")) {
        seen.add(imported.path);
        queue.push([...chain, imported.path]);
      }
    }
  }
  return chains;
}

describe("the topic page's browser bundle", () => {
  const meta = JSON.parse(fs.readFileSync(METAFILE, "utf8")) as Metafile;
  const route = Object.keys(meta.inputs).find((p) => p.endsWith("app/routes/c.$community.topics.$topicId.tsx"));

  it("is in the build", () => {
    expect(route, `no topic route in ${METAFILE}`).toBeDefined();
  });

  it.each([
    ["zod", /node_modules\/zod\//],
    ["editor code", /node_modules\/(@tiptap|prosemirror-|yjs|y-websocket|y-prosemirror)/],
    ["server code or database driver", /\.server\.tsx?$|\/db\/|node_modules\/(better-sqlite3|drizzle-orm)\//],
  ])("brings in no %s", (_what, banned) => {
    const chains = chainsTo(meta, route!, banned).map((chain) => chain.join(" → "));
    expect(chains).toEqual([]);
  });
});
