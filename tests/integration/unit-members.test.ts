// The units form's memberIds, repeated and hostile: a repeated id answered 500 (unit_members is unique
// on the pair); now the person is a member once. Hostile values get the page for an altered form (decision
// 012: the boxes' values are set by the page) and change nothing.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { unitMembers, units } from "../../db/schema";
import { userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const PATH = "/c/mingyue/units";
let made = 0;

function post(memberIds: string[]) {
  const body = new URLSearchParams({ intent: "create", name: `重复成员测试 ${++made}`, kind: "contractor", contact: "" });
  for (const id of memberIds) body.append("memberIds", id);
  return as("committee1").then((cookie) => http.fetch(PATH, { method: "POST", cookie, body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }));
}

describe("memberIds on the units form", () => {
  it("the same person named three times is a member once", async () => {
    const executor = String(userId("executor1"));
    const res = await post([executor, executor, executor]);
    expect(res.status).toBe(302);
    const unit = getDb().select({ id: units.id }).from(units).where(eq(units.name, `重复成员测试 ${made}`)).get()!;
    expect(getDb().select().from(unitMembers).where(eq(unitMembers.unitId, unit.id)).all().map((m) => m.userId)).toEqual([userId("executor1")]);
  });

  it.each([
    [["abc"], "这份表单已过期或被改动"],
    [["-1"], "这份表单已过期或被改动"],
    [["1.5"], "这份表单已过期或被改动"],
    [["1e400"], "这份表单已过期或被改动"],
    [["99999999999999999999"], "这份表单已过期或被改动"],
    [[String(userId("resident1"))], ""],
    [[String(userId("executor1")), "x"], "这份表单已过期或被改动"],
  ])("%j is refused and changes nothing", async (ids, message) => {
    const before = dbFingerprint();
    const res = await post(ids);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (message) expect(await res.text()).toContain(message);
    expect(dbFingerprint()).toBe(before);
  });
});
