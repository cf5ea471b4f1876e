// The street admin revokes roles: the ledger records it, the person loses the rights at once, and an
// open draft-editing connection of theirs turns read-only.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { getDraftText } from "~/models/draft-store.server";
import { verifyLedger } from "~/models/ledger.server";
import { appendParagraph, connectClient, topicIn, waitFor, type Client } from "./support/collab";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const open: Client[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const revoke = (cookie: string, community: string, username: string, role: string) =>
  http.fetch("/s/huacheng/members", { cookie, form: { intent: "revoke", community, userId: String(userId(username)), role } });

const roles = (username: string, community: string) =>
  (getDb().$client.prepare("SELECT role FROM memberships WHERE user_id = ? AND community_id = ? ORDER BY role").pluck().all(userId(username), communityId(community)) as string[]);

describe("revoking roles", () => {
  it("lists the street's members and lets only the street admin revoke, with a ledger entry", async () => {
    const admin = await http.login("street1");
    const page = await http.fetch("/s/huacheng/members", { cookie: admin });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("代表15");
    expect(html).toContain("村民 赵大山");

    expect((await revoke(await http.login("committee1"), "mingyue", "rep15", "representative")).status).toBe(403);
    expect(roles("rep15", "mingyue")).toEqual(["representative", "resident"]);

    const before = verifyLedger({ communityId: communityId("mingyue") });
    const res = await revoke(admin, "mingyue", "rep15", "representative");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已撤销该身份。");
    expect(roles("rep15", "mingyue")).toEqual(["resident"]);
    const after = verifyLedger({ communityId: communityId("mingyue") });
    expect(after.ok && before.ok && after.count - before.count).toBe(1);
    const last = getDb().$client.prepare("SELECT type, payload FROM ledger_entries WHERE community_id = ? ORDER BY seq DESC LIMIT 1").get(communityId("mingyue"));
    expect(last).toMatchObject({ type: "membership.revoked" });

    // Twice, a wrong pairing or garbage: refused, nothing changed.
    expect((await revoke(admin, "mingyue", "rep15", "representative")).status).toBe(404);
    expect((await revoke(admin, "shiliu", "resident1", "resident")).status).toBe(404);
    expect((await http.fetch("/s/huacheng/members", { cookie: admin, form: { intent: "revoke", community: "mingyue", userId: "abc", role: "king" } })).status).toBe(400);
    expect(roles("resident1", "mingyue")).toEqual(["resident"]);
  });

  it("takes the edit right from an open drafting connection at once", async () => {
    const topic = topicIn("drafting");
    const editor = await connectClient(http.url, topic, await http.login("committee2"));
    const observer = await connectClient(http.url, topic, await http.login("committee1"));
    open.push(editor, observer);
    appendParagraph(editor.doc, "撤销前");
    await waitFor(() => getDraftText(topic).includes("撤销前"), "stored before revocation");

    expect((await revoke(await http.login("street1"), "mingyue", "committee2", "committee")).status).toBe(200);
    appendParagraph(editor.doc, "撤销后");
    // The observer's awareness of a marker sent after the edit proves the server handled the edit first.
    editor.provider.awareness.setLocalStateField("fence", "after");
    await waitFor(() => editor.provider.wsconnected === false || [...observer.provider.awareness.getStates().values()].some((s) => s.fence === "after"), "fence");
    expect(getDraftText(topic)).not.toContain("撤销后");
    expect(observer.text()).not.toContain("撤销后");
  });
});
