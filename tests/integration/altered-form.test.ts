// A post refused for what no person types (a button's value, a hidden id, a field sent twice) answers
// 400 with the "form out of date or altered" page in the visitor's language and changes nothing; an
// error in a field the person typed still comes back next to that field.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, type Post } from "./support/actions";
import { userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { useServer } from "./support/http";
import { sessionCookie } from "./support/meeting";

const http = useServer();
let english = "";
beforeAll(async () => {
  english = await http.english();
});

const prepared = (route: string, intent: string): Post => ACTIONS.find((a) => a.route.endsWith(route) && a.intent === intent)!.prepare();

async function post(p: Post, pairs: Array<[string, string]>, inEnglish = false) {
  const cookie = [sessionCookie(userId(p.actor!)), inEnglish ? english : ""].filter(Boolean).join("; ");
  const res = await http.fetch(p.path, { method: "POST", cookie, body: new URLSearchParams(pairs), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  return { status: res.status, html: await res.text() };
}

describe("an altered form", () => {
  it("a ballot with a choice no button offers: 400, said in Chinese, nothing counted", async () => {
    const vote = prepared("meetings.$meetingId", "vote");
    const before = dbFingerprint();
    const res = await post(vote, [...Object.entries({ ...vote.fields, choice: "maybe" })]);
    expect(res.status).toBe(400);
    expect(res.html).toContain('lang="zh-CN"');
    expect(res.html).toContain("这份表单已过期或被改动,请返回页面重新操作。");
    expect(res.html).toContain(`href="${vote.path}"`);
    expect(dbFingerprint()).toBe(before);
  });

  it("a hidden id that is not a number, in English", async () => {
    const close = prepared("meetings.$meetingId", "close");
    const res = await post(close, [["intent", "close"], ["motionId", "x"]], true);
    expect(res.status).toBe(400);
    expect(res.html).toContain('lang="en"');
    expect(res.html).toContain("This form was out of date or altered; go back to the page and try again.");
  });

  it("a typed field sent twice", async () => {
    const comment = prepared("topics.$topicId", "comment");
    const before = dbFingerprint();
    const res = await post(comment, [["intent", "comment"], ["body", "一"], ["body", "二"]]);
    expect(res.status).toBe(400);
    expect(res.html).toContain("这份表单已过期或被改动");
    expect(dbFingerprint()).toBe(before);
  });

  it("an empty comment is still a message next to its field, not the altered page", async () => {
    const comment = prepared("topics.$topicId", "comment");
    const res = await post(comment, [["intent", "comment"], ["body", "   "]]);
    expect(res.status).toBe(400);
    expect(res.html).toContain("请填写此项。");
    expect(res.html).not.toContain("这份表单已过期或被改动");
  });
});
