// Property-based: every action of the catalogue (support/actions.ts), posted by a person who may do
// it, with random and adversarial values in place of its fields (wrong types, numbers as text, huge
// and fractional ids, 100 KB strings, lone surrogates and invalid UTF-8, NUL, zero-width, RTL and
// combining characters, emoji, missing, duplicated and extra fields, another community's ids), as
// urlencoded or multipart. Never a 500 nor a console.error; a refusal changes nothing and shows a
// translated error in the visitor's language; a post that changed something was a valid one (302/200).
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import en from "~/i18n/en";
import zhCN from "~/i18n/zh-CN";
import { ACTIONS, foreignIds, type ActionCase, type Post } from "./support/actions";
import { userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { useServer } from "./support/http";
import { sessionCookie } from "./support/meeting";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
// Fixed, so a failure is replayed exactly; fast-check prints the seed and the counterexample's path.
const SEED = 20260707;
const RUNS = 5;

let english = "";
let foreign = { topic: 0, meeting: 0 };
beforeAll(async () => {
  english = await http.english();
  foreign = foreignIds();
});

/** A value as it goes on the wire: text (encoded as UTF-8) or raw percent-escapes (invalid UTF-8 on purpose). */
type Wire = string | { raw: string };

const BIG = "议".repeat(40_000); // 120 KB of UTF-8
const hostileValue: fc.Arbitrary<Wire> = fc.oneof(
  fc.constantFrom<Wire>(
    "",
    " ",
    "-1",
    "0",
    "1.5",
    "NaN",
    "Infinity",
    "1e309",
    "9".repeat(40),
    "0x1F",
    "true",
    "null",
    "[]",
    '{"a":1}',
    "<script>alert(1)</script>",
    "\u0000",
    "a\u0000b",
    "\u200b\u200c\u200d\ufeff",
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301\u0301",
    "👨‍👩‍👧‍👦🏳️‍🌈",
    "'; DROP TABLE topics; --",
    "yes",
    "on",
    BIG,
    { raw: "%ED%A0%80" }, // a lone surrogate, CESU-8 style
    { raw: "%FF%FE%00" },
    { raw: "%E4%B8" }, // a cut multi-byte character
    { raw: "%" },
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("topic", "meeting").map((kind) => String(foreign[kind as "topic" | "meeting"])),
);

const EXTRA_NAMES = ["id", "topicId", "communityId", "userId", "roles", "role", "intent", "__proto__", "constructor", "a".repeat(300)];

interface Mutation {
  /** Per field of the valid form: keep it, drop it, replace it, or send it twice. */
  fields: Array<{ how: "keep" | "drop" | "replace" | "twice"; value: Wire }>;
  extras: Array<[string, Wire]>;
  multipart: boolean;
  english: boolean;
}

const mutation = (count: number): fc.Arbitrary<Mutation> =>
  fc.record({
    fields: fc.array(fc.record({ how: fc.constantFrom("keep", "drop", "replace", "replace", "twice"), value: hostileValue }), { minLength: count, maxLength: count }),
    extras: fc.array(fc.tuple(fc.constantFrom(...EXTRA_NAMES), hostileValue), { maxLength: 2 }),
    multipart: fc.boolean(),
    english: fc.boolean(),
  });

/** The posted pairs: the valid form with the mutation applied; the intent stays so the handler's checks are reached. */
function pairs(post: Post, m: Mutation): Array<[string, Wire]> {
  const out: Array<[string, Wire]> = [];
  Object.entries(post.fields).forEach(([name, valid], i) => {
    const { how, value } = m.fields[i];
    if (name === "intent" || how === "keep") out.push([name, valid]);
    else if (how === "replace") out.push([name, value]);
    else if (how === "twice") out.push([name, value], [name, valid]);
  });
  return [...out, ...m.extras];
}

const utf8 = (s: string) => Array.from(Buffer.from(s, "utf8"), (b) => `%${b.toString(16).padStart(2, "0")}`).join("");
const encode = (v: Wire) => (typeof v === "string" ? utf8(v) : v.raw);
const asText = (v: Wire) => (typeof v === "string" ? v : Buffer.from(v.raw.replace(/%([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("latin1"));

function body(post: Post, m: Mutation): { body: BodyInit; type?: string } {
  const fields = pairs(post, m);
  if (!m.multipart && !post.file) return { body: fields.map(([k, v]) => `${utf8(k)}=${encode(v)}`).join("&"), type: "application/x-www-form-urlencoded" };
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, asText(v));
  if (post.file) form.append(post.file.field, new File([new Uint8Array(post.file.bytes)], post.file.name, { type: post.file.type }));
  return { body: form };
}

// Every text of each language as it appears in HTML (the longest piece between interpolations). A
// refusal "carries a translated error" when its page shows one of them that the same page, read
// again right after, does not: the message is there, and translated, whatever its key.
const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
function texts(resources: object, min: number): string[] {
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      const longest = node.split(/\{\{[^}]*\}\}|<\/?\d+>/).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), "");
      if (longest.length >= min) out.add(escapeHtml(longest));
    } else if (node && typeof node === "object") for (const v of Object.values(node)) walk(v);
  };
  walk(resources);
  return [...out];
}
const TEXTS = { en: texts(en, 6), zh: texts(zhCN, 3) };
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");
const consoleErrors = () => vi.mocked(console.error).mock.calls.length;

async function cookieFor(action: ActionCase, post: Post, inEnglish: boolean): Promise<string | undefined> {
  const session = post.actor ? sessionCookie(userId(post.actor)) : undefined;
  const parts = [session, inEnglish ? english : undefined].filter(Boolean);
  return parts.length ? parts.join("; ") : undefined;
}

describe("hostile input to every action", () => {
  for (const action of ACTIONS) {
    it(`${action.route} ${action.intent ?? "(post)"}: never a 500, refusals change nothing and are translated`, async () => {
      const post = action.prepare();
      // The page as read right after a refusal, per language and state of the database: refusals change
      // nothing, so most runs compare with a page already read instead of reading it again.
      const pages = new Map<string, string>();
      const pageNow = async (inEnglish: boolean, state: string) => {
        const key = `${inEnglish}:${state}`;
        if (!pages.has(key)) pages.set(key, visible(await (await http.fetch(post.path, { cookie: await cookieFor(action, post, inEnglish) })).text()));
        return pages.get(key)!;
      };
      await fc.assert(
        fc.asyncProperty(mutation(Object.keys(post.fields).length), async (m) => {
          const before = dbFingerprint();
          const errorsBefore = consoleErrors();
          const { body: payload, type } = body(post, m);
          const res = await http.fetch(post.path, { method: "POST", cookie: await cookieFor(action, post, m.english), body: payload, headers: type ? { "Content-Type": type } : {} });
          const html = visible(await res.text());
          expect(res.status, "a server error").toBeLessThan(500);
          expect(consoleErrors(), "console.error").toBe(errorsBefore);
          const after = dbFingerprint();
          const changed = after !== before;
          if (changed) expect([200, 302], "changed the database without succeeding").toContain(res.status);
          if (res.status >= 400) expect(changed, "a refusal changed the database").toBe(false);
          if (res.status >= 400) {
            expect(html, "the page's language").toContain(`lang="${m.english ? "en" : "zh-CN"}"`);
            const page = await pageNow(m.english, after);
            const news = (m.english ? TEXTS.en : TEXTS.zh).filter((t) => html.includes(t) && !page.includes(t));
            expect(news.length, `no ${m.english ? "English" : "Chinese"} message in the ${res.status} page that the page itself lacks`).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
