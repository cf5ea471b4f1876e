// Hostile text in every user field — topics, comments, consultation, the co-edited draft (through Yjs),
// meetings, motions, objections, execution, supervision, names, categories, notifications, the hotline
// import — is shown inert on every page and export that displays it: escaped in HTML and XML, CSV cells
// that cannot start a formula, JSON in the event stream; and each field is seen escaped somewhere.
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, inTransaction } from "../../db/client.server";
import {
  departmentCallEvents,
  departmentCalls,
  consultationAnswers,
  consultationMeetings,
  consultations,
  departmentContacts,
  departmentInvites,
  departments,
  draftComments,
  draftVersions,
  hotlineTokens,
  invites,
  meetingRequests,
  meetings,
  notifications,
  objections,
  resolutions,
  streets,
  topicComments,
  topics,
} from "../../db/schema";
import { appendLedger } from "~/models/ledger.server";
import { importHotlineCsv } from "~/models/hotline-import.server";
import { DRAFT_FIELD } from "~/models/draft-text";
import { getDraftText } from "~/models/draft-store.server";
import { hostile, isEscapedIn, mark, RAW_MARKUP, shortHostile } from "../fixtures/hostile";
import { hotlineCsv, uniqueTicket } from "../fixtures/propose";
import { streetId } from "./support/calls";
import { appendParagraph, connectClient, topicIn, waitFor, type Client } from "./support/collab";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { eventReader } from "./support/sse";
import { parseXml } from "./support/xml";

const http = useServer();

/** Existing demo rows, their user text overwritten with marked hostile text. */
const OVERWRITTEN: Array<[table: string, column: string]> = [
  ["topics", "title"],
  ["topics", "description"],
  ["topics", "location"],
  ["topics", "public_reason"],
  ["topic_events", "reason"],
  ["users", "display_name"],
  ["catalogue_entries", "name_zh"],
  ["meetings", "title"],
  ["meetings", "place"],
  ["motions", "text"],
  ["execution_results", "summary"],
  ["execution_tasks", "title"],
  ["progress_reports", "body"],
  ["ratings", "comment"],
  ["rectifications", "body"],
  ["rectifications", "answer"],
  ["units", "name"],
  ["units", "contact"],
  ["verifications", "notes"],
  ["draft_freezes", "text"],
  // Issue 19: the street's departments (their page shows names and contact; 综合评价 the names).
  ["departments", "name_zh"],
  ["departments", "name_en"],
  ["departments", "contact"],
];

/**
 * Fields stored but shown on no page, so none is expected to show them: a resident's rating comment
 * (only the counts are published) and a version's plain text (versions are shown from their Yjs state).
 */
const SHOWN_NOWHERE = new Set(["ratings.comment", "draft_versions.text"]);
const fields = new Set<string>();
const use = (field: string) => (fields.add(field), hostile(field));

let drafting: number;
let callId = 0;
let editor: Client | undefined;

function overwriteDemoText() {
  const db = getDb().$client;
  for (const [table, column] of OVERWRITTEN) {
    // The row id at the end keeps unique columns (unit names) unique.
    db.prepare(`UPDATE ${table} SET ${column} = ? || rowid`).run(use(`${table}.${column}`));
  }
}

/** The department a contact answers for (found by its contact: overwriteDemoText has replaced the departments' names). */
const departmentOf = (username: string) => getDb().select({ id: departmentContacts.departmentId }).from(departmentContacts).where(eq(departmentContacts.userId, userId(username))).get()!.id;

function insertMissingRows() {
  const db = getDb();
  const mingyue = communityId("mingyue");
  const committee = userId("committee1");
  const resident = userId("resident1");
  const now = new Date();
  const topicIds = db.select({ id: topics.id }).from(topics).where(eq(topics.communityId, mingyue)).all().map((t) => t.id);
  for (const topicId of topicIds) {
    db.insert(topicComments).values({ topicId, authorId: resident, body: use("topic_comments.body"), createdAt: now }).run();
    db.insert(draftComments).values({ topicId, authorId: resident, quote: use("draft_comments.quote"), body: use("draft_comments.body"), reply: use("draft_comments.reply"), repliedBy: committee }).run();
    const meeting = db
      .insert(consultationMeetings)
      .values({ topicId, heldAt: now, place: use("consultation_meetings.place"), participants: use("consultation_meetings.participants"), opinions: use("consultation_meetings.opinions"), minutes: use("consultation_meetings.minutes"), createdBy: committee })
      .returning({ id: consultationMeetings.id })
      .get();
    consultationMeetingIds.push([topicId, meeting.id]);
    const consultation = db.insert(consultations).values({ topicId, question: use("consultations.question"), deadline: new Date(now.getTime() + 86_400_000), createdBy: committee }).returning({ id: consultations.id }).get();
    db.insert(consultationAnswers).values({ consultationId: consultation.id, userId: resident, stance: "supportWithChanges", text: use("consultation_answers.text") }).run();
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(use("draft_versions.state"))]);
    doc.getXmlFragment(DRAFT_FIELD).insert(0, [paragraph]);
    db.insert(draftVersions).values({ topicId, number: 900, note: use("draft_versions.note"), state: Buffer.from(Y.encodeStateAsUpdate(doc)), text: use("draft_versions.text"), createdBy: committee }).run();
  }
  for (const { id } of db.select({ id: resolutions.id }).from(resolutions).all()) {
    db.insert(objections).values({ resolutionId: id, userId: resident, body: use("objections.body"), answer: use("objections.answer"), upheld: false, answeredBy: committee, answeredAt: now }).run();
  }
  db.insert(meetingRequests).values({ communityId: mingyue, reason: use("meeting_requests.reason"), createdBy: userId("rep01") }).run();
  // Issue 19: a declined call on 城管中队, with hostile text in what was asked, the answer and the reason (the street's call pages show them).
  const call = db
    .insert(departmentCalls)
    .values({ streetId: streetId(), communityId: mingyue, topicId: topicIds[0], departmentId: departmentOf("chengguan1"), origin: "community", ask: use("department_calls.ask"), wantedBy: new Date(now.getTime() + 10 * 86_400_000), state: "declined", responseDueAt: new Date(now.getTime() + 86_400_000), declineReason: use("department_calls.decline_reason"), createdBy: committee })
    .returning({ id: departmentCalls.id })
    .get();
  db.insert(departmentCallEvents).values({ callId: call.id, kind: "declined", body: use("department_call_events.body"), actorId: userId("chengguan1"), at: now }).run();
  callId = call.id;
  db.insert(invites).values({ communityId: mingyue, role: "resident", codeHash: "x".repeat(64), codeHint: "AB", note: use("invites.note"), maxUses: 1, expiresAt: new Date(now.getTime() + 86_400_000), createdBy: userId("street1") }).run();
  const department = db.select({ id: departments.id }).from(departments).get()!.id;
  db.insert(departmentInvites).values({ departmentId: department, codeHash: "d".repeat(64), codeHint: "CD", note: use("department_invites.note"), expiresAt: new Date(now.getTime() + 86_400_000), createdBy: userId("street1") }).run();
  const payload = JSON.stringify({ number: 1, title: use("notifications.payload"), task: hostile("notifications.payload"), body: hostile("notifications.payload"), answer: hostile("notifications.payload"), reason: hostile("notifications.payload"), signatures: 1, requestId: 1 });
  for (const kind of ["rectification.raised", "rectification.answered", "meeting.requested", "objection.lodged"]) {
    db.insert(notifications).values({ userId: committee, communityId: mingyue, topicId: topicIds[0], kind, payload }).run();
  }
  // Issue 19, part reports: a hotline token's label, on the hotline page.
  db.insert(hotlineTokens).values({ streetId: db.select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id, label: use("hotline_tokens.label"), tokenHash: "h".repeat(64), tokenHint: "WXYZ", createdBy: userId("street1") }).run();
  inTransaction(db, (tx) => appendLedger(tx, { communityId: mingyue, type: "topic.created", actorId: committee, subject: `topic:${topicIds[0]}`, payload: { title: use("ledger_entries.payload"), reason: hostile("ledger_entries.payload") } }));
}

function importHotline() {
  const csv = hotlineCsv([{ ticket: uniqueTicket("X"), title: (fields.add("hotline.title"), shortHostile("hotline.title")), description: use("hotline.description"), location: (fields.add("hotline.location"), shortHostile("hotline.location")) }]);
  const result = importHotlineCsv({ communityId: communityId("mingyue"), actorId: userId("committee1"), bytes: new TextEncoder().encode(csv) });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

/** The co-edited draft, written through the collaborative server as a browser would. */
async function writeDraft() {
  drafting = topicIn("drafting");
  editor = await connectClient(http.url, drafting, await http.login("committee1"));
  appendParagraph(editor.doc, use("draft.yjs"));
  await waitFor(() => getDraftText(drafting).includes(mark("draft.yjs")), "the hostile draft stored");
}

const consultationMeetingIds: Array<[number, number]> = [];

beforeAll(async () => {
  await writeDraft();
  overwriteDemoText();
  importHotline();
  insertMissingRows();
}, 30_000);
afterAll(() => editor?.close());

/** Every page and export of mingyue and the street, with real ids. */
function everyPath(): string[] {
  const db = getDb();
  const mingyue = communityId("mingyue");
  const topicIds = db.select({ id: topics.id }).from(topics).where(eq(topics.communityId, mingyue)).all().map((t) => t.id);
  const meetingIds = db.select({ id: meetings.id }).from(meetings).where(eq(meetings.communityId, mingyue)).all().map((m) => m.id);
  const c = "/c/mingyue";
  return [
    "/",
    "/notifications",
    "/account/sessions",
    "/account/notifications",
    c,
    `${c}/ledger`,
    `${c}/rules`,
    `${c}/board`,
    `${c}/board/feed.xml`,
    `${c}/board/verify`,
    `${c}/units`,
    `${c}/supervision`,
    `${c}/meetings`,
    `${c}/topics/new`,
    `${c}/topics/import`,
    "/s/huacheng",
    "/s/huacheng/invites",
    "/s/huacheng/members",
    "/s/huacheng/departments",
    // Issue 19, part reports.
    "/s/huacheng/hotline",
    "/s/huacheng/hotline/export.csv",
    "/s/huacheng/hotline/export.json",
    "/s/huacheng/evaluation?month=all",
    "/s/huacheng/calls",
    `/s/huacheng/calls/${callId}`,
    ...topicIds.flatMap((t) => [`${c}/topics/${t}`, `${c}/topics/${t}/draft`, `${c}/topics/${t}/draft?version=900`, `${c}/topics/${t}/consultation`, `${c}/topics/${t}/execution`]),
    ...consultationMeetingIds.filter(([t]) => topicIds.includes(t)).map(([t, m]) => `${c}/topics/${t}/minutes/${m}`),
    ...meetingIds.flatMap((m) => [`${c}/meetings/${m}`, `${c}/meetings/${m}/screen`, `${c}/meetings/${m}/minutes`, `${c}/meetings/${m}/ballots.csv`, `${c}/meetings/${m}/events`]),
  ];
}

/** Reads what a page answered: the body, or the first message of an event stream. */
async function bodyOf(res: Response): Promise<string> {
  if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    const events = eventReader(res.body!);
    const first = await events.next();
    await res.body!.cancel().catch(() => {});
    JSON.parse(first);
    return first;
  }
  return res.text();
}

/** A CSV cell a spreadsheet would run as a formula. */
function formulaCells(csv: string): string[] {
  return csv
    .split(/\r?\n/)
    .flatMap((line) => line.split(","))
    .map((cell) => cell.replace(/^"/, ""))
    .filter((cell) => /^[=+\-@\t\r]/.test(cell));
}

describe("hostile text in every user field", () => {
  it("is inert on every page and export, and every field is shown escaped somewhere", async () => {
    const seen = new Set<string>();
    // The committee sees nearly everything; the others see what only their role sees.
    const viewers = ["committee1", "supervisor1", "executor1", "street1"];
    const exports = { csv: 0, events: 0 };
    const pagesChecked = new Set<string>();
    for (const viewer of viewers) {
      const cookie = await http.login(viewer);
      for (const path of everyPath()) {
        const res = await http.fetch(path, { cookie });
        expect(res.status, `${viewer} ${path}`).toBeLessThan(500);
        if (res.status !== 200) {
          await res.body?.cancel();
          continue;
        }
        pagesChecked.add(path.replace(/\d+/g, ":id"));
        const type = res.headers.get("content-type") ?? "";
        expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
        const body = await bodyOf(res);
        if (type.startsWith("text/csv")) {
          expect(formulaCells(body), path).toEqual([]);
          if (body.includes(mark("users.display_name"))) exports.csv++;
          for (const field of fields) if (body.includes(mark(field))) seen.add(field);
          continue;
        }
        if (type.startsWith("application/json")) {
          // Data for another system: valid JSON (its strings are data, never markup).
          JSON.parse(body);
          for (const field of fields) if (body.includes(mark(field))) seen.add(field);
          continue;
        }
        if (type.startsWith("text/event-stream")) {
          exports.events++;
          for (const field of fields) if (body.includes(mark(field))) seen.add(field);
          continue;
        }
        expect(type, path).toMatch(/^(text\/html|application\/atom\+xml)/);
        for (const raw of RAW_MARKUP) expect(body, `${viewer} ${path}`).not.toMatch(raw);
        if (type.startsWith("application/atom+xml")) parseXml(body);
        for (const field of fields) if (isEscapedIn(body, field)) seen.add(field);
      }
    }
    const unseen = [...fields].filter((f) => !seen.has(f) && !SHOWN_NOWHERE.has(f));
    expect(unseen).toEqual([]);
    expect(exports.csv).toBeGreaterThan(0);
    expect(exports.events).toBeGreaterThan(0);
    expect(pagesChecked.size).toBeGreaterThan(25);
  }, 120_000);

  it("keeps the session list's device description inert (a hostile User-Agent)", async () => {
    const agent = `<script>window.__x=1</script><img src=x onerror="window.__x=2">"><svg onload=window.__x=3>`;
    const res = await http.fetch("/login", { form: { username: "resident2", password: "demo1234" }, headers: { "User-Agent": agent } });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!.split(";")[0];
    const page = await (await http.fetch("/account/sessions", { cookie })).text();
    for (const raw of RAW_MARKUP) expect(page).not.toMatch(raw);
    expect(page).toContain("&lt;script&gt;window.__x=1");
  });
});

