// A database made by the previous release (066c593: migrations 0000–0010, its demo seed, and two local
// rule changes made through its own rules model: see fixtures/prev-release-066c593.md) is started with
// the current code, as `npm start` would: the rules move to the revised organic laws, one
// `rules.lawRevised` ledger entry per community with the old and new numbers, a local number stricter
// than the law stays, nothing else changes, every ledger verifies, and a second start adds nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { openSqlite } from "../../db/sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { verifyLedger } from "~/models/ledger.server";
import { LAW_REVISION, RULE_PACKS } from "~/workflow/rule-packs";
import { SERVER_STARTS_TIMEOUT, startServerProcess } from "./support/server-process";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "prev-release-066c593.db.gz");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "law-upgrade-"));
const file = path.join(dir, "previous-release.db");

// Tables the upgrade may write: the rules, the ledger (appended to, checked apart) and drizzle's record
// of applied migrations.
const WRITTEN = new Set(["rules", "ledger_entries", "__drizzle_migrations"]);
// What this test's own sign-ins write on the second start (to read the rules page).
const SIGN_IN = ["sessions", "known_devices", "login_failures"];

type Row = Record<string, unknown>;

/** Every table of the previous release's schema, with the columns it had then, row by row. */
function snapshot(columnsOf: Map<string, string[]>) {
  const db = openSqlite(file, { readonly: true });
  try {
    const tables: Record<string, Row[]> = {};
    for (const [table, columns] of columnsOf) {
      tables[table] = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ORDER BY rowid`).all() as Row[];
    }
    return tables;
  } finally {
    db.close();
  }
}

function query<T>(sql: string): T[] {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

let columnsOf: Map<string, string[]>;
let before: Record<string, Row[]>;

beforeAll(() => {
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(FIXTURE)));
  const db = openSqlite(file);
  // The fixture's open deadlines fell due days after it was made; the server's scheduler would act on
  // them at start (closing co-sign windows…). Move them far ahead so the only writer left is the upgrade.
  db.prepare("UPDATE deadlines SET due_at = due_at + 3650 * 86400000 WHERE done_at IS NULL").run();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'topics_fts%'").all() as Array<{ name: string }>;
  columnsOf = new Map(tables.map(({ name }) => [name, (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name)]));
  db.close();
  before = snapshot(columnsOf);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function unchangedTables(now: Record<string, Row[]>) {
  for (const [table, rows] of Object.entries(before)) {
    if (!WRITTEN.has(table)) expect(now[table], table).toEqual(rows);
  }
}

async function startAndStop(check?: (url: string) => Promise<void>) {
  const server = await startServerProcess({ databasePath: file });
  try {
    await check?.(server.url);
  } finally {
    await server.stop();
  }
}

async function page(url: string, pathname: string, username: string) {
  const login = await fetch(`${url}/login`, { method: "POST", redirect: "manual", headers: { Origin: url }, body: new URLSearchParams({ username, password: "demo1234", redirectTo: "/" }) });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!.split(";")[0];
  return (await fetch(`${url}${pathname}`, { headers: { Cookie: cookie } })).text();
}

describe("a database made by the previous release", () => {
  it("predates the revised laws: the urban quorum is more than half, 公示 7 days", () => {
    const rows = query<Row>("SELECT community_id, pack, quorum_num, quorum_den, quorum_inclusive, publicity_days FROM rules ORDER BY community_id");
    expect(rows[0]).toMatchObject({ pack: "residents-representatives", quorum_num: 1, quorum_den: 2, quorum_inclusive: 0, publicity_days: 7 });
    expect(rows[1]).toMatchObject({ pack: "villagers-representatives", publicity_days: 20 });
    expect(query("SELECT name FROM pragma_table_info('rules') WHERE name = 'law_revision'")).toEqual([]);
  });

  it(
    "starts on the current code: rules revised, one ledger entry per community, nothing else changed; a second start adds nothing",
    async () => {
      const ledgerBefore = before.ledger_entries;
      await startAndStop();

      const rules = query<Row>("SELECT c.slug, r.* FROM rules r JOIN communities c ON c.id = r.community_id ORDER BY r.community_id");
      const urban = RULE_PACKS["residents-representatives"];
      const village = RULE_PACKS["villagers-representatives"];
      // mingyue: the law's numbers; its own co-sign threshold (12) and every other local number unchanged.
      expect(rules[0]).toMatchObject({
        slug: "mingyue",
        pack: urban.id,
        quorum_num: 2,
        quorum_den: 3,
        quorum_inclusive: 1,
        pass_num: 1,
        pass_den: 2,
        pass_inclusive: 0,
        meeting_request_num: 1,
        meeting_request_den: 5,
        publicity_days: 15,
        cosign_threshold: 12,
        basis_zh: urban.basisZh,
        basis_en: urban.basisEn,
        law_revision: LAW_REVISION,
      });
      // shiliu kept what was already stricter than the law: pass ≥ 2/3, 1/10 may ask for a meeting, 公示 20 days.
      expect(rules[1]).toMatchObject({
        slug: "shiliu",
        pack: village.id,
        quorum_num: 2,
        quorum_den: 3,
        quorum_inclusive: 1,
        pass_num: 2,
        pass_den: 3,
        pass_inclusive: 1,
        meeting_request_num: 1,
        meeting_request_den: 10,
        publicity_days: 20,
        basis_zh: village.basisZh,
        law_revision: LAW_REVISION,
      });
      const localColumns = ["cosign_window_days", "screening_days", "meeting_notice_days", "rating_window_days", "satisfaction_threshold_pct", "stalled_days"];
      for (const [i, row] of before.rules.entries()) {
        for (const column of localColumns) expect(rules[i][column], column).toBe(row[column]);
      }

      const after = snapshot(columnsOf);
      unchangedTables(after);
      // The ledger: every old entry as it was, then one new entry per community.
      expect(after.ledger_entries.slice(0, ledgerBefore.length)).toEqual(ledgerBefore);
      const added = after.ledger_entries.slice(ledgerBefore.length);
      expect(added.map((e) => [e.community_id, e.type, e.subject])).toEqual([
        [1, "rules.lawRevised", "rules:mingyue"],
        [2, "rules.lawRevised", "rules:shiliu"],
      ]);
      expect(JSON.parse(added[0].payload as string)).toEqual({
        lawRevision: LAW_REVISION,
        previousRevision: "",
        pack: { before: "residents-representatives", after: "residents-representatives" },
        before: { quorum: ">1/2", pass: ">1/2", meetingRequest: ">=1/5", publicityDays: 7 },
        after: { quorum: ">=2/3", pass: ">1/2", meetingRequest: ">=1/5", publicityDays: 15 },
        keptStricter: [],
      });
      expect(JSON.parse(added[1].payload as string)).toMatchObject({
        before: { quorum: ">=2/3", pass: ">=2/3", meetingRequest: ">=1/10", publicityDays: 20 },
        after: { quorum: ">=2/3", pass: ">=2/3", meetingRequest: ">=1/10", publicityDays: 20 },
        keptStricter: ["pass", "meetingRequest", "publicityDays"],
      });
      const db = openDatabase(file);
      try {
        for (const id of [1, 2]) expect(verifyLedger({ communityId: id }, db)).toMatchObject({ ok: true });
      } finally {
        db.$client.close();
      }

      // A second start finds every community on the revised laws: nothing is written but the sign-ins
      // of the two members who read the revised rules page.
      const once = snapshot(columnsOf);
      const rulesOnce = query<Row>("SELECT * FROM rules ORDER BY community_id");
      await startAndStop(async (url) => {
        const mingyue = await page(url, "/c/mingyue/rules", "resident1");
        expect(mingyue).toContain("不少于 2/3 组成人员");
        expect(mingyue).toContain("居委会组织法第二十九条");
        const shiliu = await page(url, "/c/shiliu/rules", "villager1");
        expect(shiliu).toMatch(/data-testid="rule-standing-publicity"[^>]*>本社区规则\(严于法定\)</);
        expect(shiliu).toContain("20 天");
      });
      const twice = snapshot(columnsOf);
      for (const table of SIGN_IN) {
        delete twice[table];
        delete once[table];
      }
      expect(twice).toEqual(once);
      expect(query<Row>("SELECT * FROM rules ORDER BY community_id")).toEqual(rulesOnce);
    },
    SERVER_STARTS_TIMEOUT,
  );
});
