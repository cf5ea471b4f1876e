// Every page's <title> is in the reader's language, over real HTTP: in English no Chinese character
// is left in it but the names people wrote (a topic's or a meeting's title), and in zh-CN it is
// Chinese. The pages are every route file with a component (as the action-permissions test lists
// routes), each visited by someone allowed to see it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { meetings, topics } from "../../db/schema";
import { and, eq } from "drizzle-orm";
import { consultingTopic } from "./support/consultation";
import { dispatchFromStreet } from "~/models/department-call.server";
import { inDays, streetPerson, zhujian } from "./support/calls";
import { communityId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { getMeeting } from "~/models/consultation.server";

const http = useServer();
const as = signedIn(http);

const HAN = /\p{Script=Han}/u;
const titleOf = (html: string) => (html.match(/<title>([\s\S]*?)<\/title>/)?.[1] ?? "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/** Route files that render a page (a default export); the benchmarks' baselines are 404 unless BENCH_ROUTES=1. */
function pageRoutes(): string[] {
  return fs
    .readdirSync(path.resolve("app/routes"))
    .filter((f) => !f.startsWith("bench.") && /export default/.test(fs.readFileSync(path.resolve("app/routes", f), "utf8")))
    .map((f) => f.replace(/\.tsx?$/, ""));
}

interface Visit {
  path: string;
  /** Who looks (undefined: a visitor). */
  as?: string;
  /** What people wrote, which stays as written in any language. */
  names: string[];
}

let made: Record<string, Visit> | undefined;
function visits(): Record<string, Visit> {
  return (made ??= makeVisits());
}

function makeVisits(): Record<string, Visit> {
  const mingyue = communityId("mingyue");
  const topic = getDb().select().from(topics).where(and(eq(topics.communityId, mingyue), eq(topics.stage, "execution"))).get()!;
  const meeting = getDb().select().from(meetings).where(eq(meetings.communityId, mingyue)).get()!;
  const consulted = consultingTopic();
  const consultationMeeting = getDb().$client.prepare("SELECT id FROM consultation_meetings WHERE topic_id = ?").get(consulted.id) as { id: number };
  const minutes = getMeeting({ communityId: mingyue, topicId: consulted.id, meetingId: consultationMeeting.id })!;
  const c = "/c/mingyue";
  const t = `${c}/topics/${topic.id}`;
  // Issue 19: a call the street dispatched on that topic (to 住建办), for the call's page.
  const call = dispatchFromStreet({ ...streetPerson("street1"), topicId: topic.id, taskId: null, departmentId: zhujian(), ask: "标题测试", wantedBy: inDays(10) });
  if (!call.ok) throw new Error(call.problem);
  return {
    $: { path: "/no-such-page", names: [] },
    _index: { path: "/", as: "resident1", names: [] },
    "account.sessions": { path: "/account/sessions", as: "resident1", names: [] },
    "c.$community._index": { path: c, as: "committee1", names: [] },
    "c.$community.board": { path: `${c}/board`, names: [] },
    "c.$community.board_.verify": { path: `${c}/board/verify`, names: [] },
    "c.$community.ledger": { path: `${c}/ledger`, as: "resident1", names: [] },
    "c.$community.meetings.$meetingId": { path: `${c}/meetings/${meeting.id}`, as: "rep01", names: [meeting.title] },
    "c.$community.meetings.$meetingId_.minutes": { path: `${c}/meetings/${meeting.id}/minutes`, as: "resident1", names: [meeting.title] },
    "c.$community.meetings.$meetingId_.door": { path: `${c}/meetings/${meeting.id}/door`, as: "convener1", names: [] },
    "c.$community.meetings.$meetingId_.screen": { path: `${c}/meetings/${meeting.id}/screen`, names: [meeting.title] },
    "c.$community.meetings._index": { path: `${c}/meetings`, as: "resident1", names: [] },
    "c.$community.rules": { path: `${c}/rules`, as: "resident1", names: [] },
    "c.$community.supervision": { path: `${c}/supervision`, as: "supervisor1", names: [] },
    "c.$community.register": { path: `${c}/register`, as: "committee1", names: [] },
    "c.$community.appraisals": { path: `${c}/appraisals`, as: "supervisor1", names: [] },
    "c.$community.topics.$topicId": { path: t, as: "resident1", names: [topic.title] },
    "c.$community.topics.$topicId_.consultation": { path: `/c/mingyue/topics/${consulted.id}/consultation`, as: "committee1", names: [minutes.topicTitle] },
    "c.$community.topics.$topicId_.draft": { path: `/c/mingyue/topics/${consulted.id}/draft`, as: "committee1", names: [minutes.topicTitle] },
    "c.$community.topics.$topicId_.execution": { path: `${t}/execution`, as: "executor1", names: [topic.title] },
    "c.$community.topics.$topicId_.undo": { path: `${t}/undo`, as: "committee1", names: [topic.title] },
    "c.$community.topics.$topicId_.minutes.$meetingId": { path: `/c/mingyue/topics/${consulted.id}/minutes/${consultationMeeting.id}`, as: "resident1", names: [minutes.topicTitle] },
    "c.$community.topics.import": { path: `${c}/topics/import`, as: "committee1", names: [] },
    "c.$community.topics.new": { path: `${c}/topics/new`, as: "resident1", names: [] },
    "c.$community": { path: c, as: "resident1", names: [] },
    "c.$community.units": { path: `${c}/units`, as: "committee1", names: [] },
    join: { path: "/join", names: [] },
    login: { path: "/login", names: [] },
    notifications: { path: "/notifications", as: "resident1", names: [] },
    "s.$street._index": { path: "/s/huacheng", as: "street1", names: [] },
    "s.$street.invites": { path: "/s/huacheng/invites", as: "street1", names: [] },
    "s.$street.members": { path: "/s/huacheng/members", as: "street1", names: [] },
    // mail (issue 18)
    "account.notifications": { path: "/account/notifications", as: "resident1", names: [] },
    // Issue 18, part setup.
    "s.$street.communities": { path: "/s/huacheng/communities", as: "street1", names: [] },
    // Issue 19, part departments.
    "s.$street.departments": { path: "/s/huacheng/departments", as: "street1", names: [] },
    // Issue 18, parts roster and assist.
    "c.$community.roster": { path: `${c}/roster`, as: "committee1", names: [] },
    "s.$street.roster": { path: "/s/huacheng/roster", as: "street1", names: [] },
    "c.$community.assist": { path: `${c}/assist`, as: "committee1", names: [] },
    // Issue 19, part reports.
    "s.$street.hotline": { path: "/s/huacheng/hotline", as: "street1", names: [] },
    "s.$street.evaluation": { path: "/s/huacheng/evaluation", as: "street1", names: [] },
    // Issue 19, part calls.
    "s.$street.calls._index": { path: "/s/huacheng/calls", as: "chengguan1", names: [] },
    "s.$street.calls.$callId": { path: `/s/huacheng/calls/${call.id}`, as: "zhujian1", names: [topic.title] },
  };
}

async function title(visit: Visit, english: boolean): Promise<string> {
  const cookie = [visit.as ? await as(visit.as) : null, english ? await http.english() : null].filter(Boolean).join("; ");
  const res = await http.fetch(visit.path, { cookie: cookie || undefined });
  expect([200, 404], visit.path).toContain(res.status);
  return titleOf(await res.text());
}

describe("page titles", () => {
  it("visits every page the app has", () => {
    const listed = Object.keys(visits());
    expect(pageRoutes().filter((route) => !listed.includes(route))).toEqual([]);
  });

  it("are in English for an English reader: no Chinese but the names people wrote", async () => {
    const wrong: string[] = [];
    for (const visit of Object.values(visits())) {
      const said = await title(visit, true);
      const bare = visit.names.reduce((text, name) => text.split(name).join(""), said);
      if (!said || HAN.test(bare)) wrong.push(`${visit.path}: ${said}`);
    }
    expect(wrong).toEqual([]);
  });

  it("are in Chinese for a zh-CN reader", async () => {
    const wrong: string[] = [];
    for (const visit of Object.values(visits())) {
      const said = await title(visit, false);
      const bare = visit.names.reduce((text, name) => text.split(name).join(""), said);
      if (!HAN.test(bare) || /Yishiting|Community|Minutes/.test(said)) wrong.push(`${visit.path}: ${said}`);
    }
    expect(wrong).toEqual([]);
  });

  it("name the page and the community in the reader's language", async () => {
    const supervision = { path: "/c/mingyue/supervision", as: "supervisor1", names: [] };
    expect(await title(supervision, true)).toBe("Supervision dashboard · Mingyue Community · Yishiting");
    expect(await title(supervision, false)).toBe("监督看板 · 明月社区 · 议事厅");
    const meetings = { path: "/c/shiliu/meetings", as: "villager1", names: [] };
    expect(await title(meetings, false)).toBe("村民代表会议 · 石榴村 · 议事厅");
    expect(await title(meetings, true)).toBe("Villagers' representatives' meetings · Shiliu Village · Yishiting");
  });

  it("a consultation meeting's printable minutes name the community in the reader's language", async () => {
    const minutes = visits()["c.$community.topics.$topicId_.minutes.$meetingId"];
    const cookie = `${await as("resident1")}; ${await http.english()}`;
    const html = await (await http.fetch(minutes.path, { cookie })).text();
    const header = html.match(/<header[\s\S]*?<\/header>/g)!.find((h) => h.includes("Minutes of the consultation meeting"))!;
    expect(header).toContain("Mingyue Community");
    expect(header).not.toContain("明月社区");
  });
});
