// Display names no one can fake (issue 13, item 7), over real HTTP against the real server: a name is
// cleaned like other text (bidi controls, zero-width and other invisible characters removed, NFC,
// spaces collapsed), a name another member of the community already goes by (ignoring case and
// width) is refused with a translated message and changes nothing, and no name ever brings a bidi
// control into named votes, the minutes or the ballots CSV.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { invites, memberships, users } from "../../db/schema";
import zhCommon from "~/i18n/zh-CN/common";
import { createInvite } from "~/models/invite.server";
import type { Role } from "~/workflow/roles";
import { communityId, userId } from "./support/db";
import { sessionCookieFrom, useServer } from "./support/http";
import { closeMotion, openMotion, person, startedMeeting } from "./support/meeting";

const http = useServer();
const words = zhCommon.join;

// Every character that reorders or hides text: bidi embeddings, overrides, isolates and marks,
// zero-width spaces and joiners, the BOM, and the Arabic letter mark.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff\u2060]/;

function invite(slug: string, role: Role = "representative") {
  return createInvite({ communityId: communityId(slug), role, maxUses: 5, expiresInDays: 7, note: "", createdBy: userId("street1") });
}

let joined = 0;
/** The username the last new account asked for. */
let username = "";
function join(code: string, displayName: string, cookie?: string) {
  if (!cookie) username = `named${process.pid % 10000}x${++joined}`;
  const form: Record<string, string> = cookie ? { intent: "existing", code } : { intent: "new", code, username, displayName, password: "long-enough-1", confirm: "long-enough-1" };
  return http.fetch("/join", { cookie, form });
}
const lastJoined = () => getDb().select({ id: users.id, name: users.displayName }).from(users).where(eq(users.username, username)).get()!;

const userCount = () => getDb().select().from(users).all().length;
const usesOf = (id: number) => getDb().select({ uses: invites.uses }).from(invites).where(eq(invites.id, id)).get()!.uses;

describe("a display name", () => {
  it("is stored without bidi controls or invisible characters, in NFC, its spaces collapsed", async () => {
    const { code } = invite("mingyue", "resident");
    const res = await join(code, "\u202eZoe\u0301\u200b \u3000 张\u2066三\u2069\u200f\u061c\ufeff");
    expect(res.status).toBe(302);
    expect(lastJoined().name).toBe("Zo\u00e9 张三");
    // Nothing but invisible characters is no name at all.
    const empty = await join(invite("mingyue", "resident").code, "\u202e\u200b\u2066\u2069");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain(zhCommon.errors.required);
  });

  it("that another member of the community goes by, ignoring case and width, is refused and changes nothing", async () => {
    getDb().update(users).set({ displayName: "Lily Chen" }).where(eq(users.id, userId("resident3"))).run();
    const { code, id } = invite("mingyue");
    const before = userCount();
    for (const copy of ["代表０１", "\u202e代表01\u202c", "ＬＩＬＹ\u3000chen", "lily  CHEN"]) {
      const res = await join(code, copy);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(words.nameTaken);
    }
    expect(userCount()).toBe(before);
    expect(usesOf(id)).toBe(0);

    // Another community has no 代表01: there the name is free.
    const elsewhere = await join(invite("shiliu").code, "代表01");
    expect(elsewhere.status).toBe(302);
    // That person, signed in, cannot bring the name into mingyue with an invite either.
    const cookie = sessionCookieFrom(elsewhere)!;
    const newcomer = lastJoined().id;
    const mine = invite("mingyue");
    const existing = await join(mine.code, "", cookie);
    expect(existing.status).toBe(400);
    expect(await existing.text()).toContain(words.ownNameTaken);
    expect(usesOf(mine.id)).toBe(0);
    expect(getDb().select().from(memberships).where(eq(memberships.userId, newcomer)).all().map((m) => m.communityId)).toEqual([communityId("shiliu")]);
  });

  it("never brings a bidi control into named votes, the minutes or the ballots CSV", async () => {
    const { code } = invite("mingyue");
    const res = await join(code, "\u202e王\u2067五\u2069\u200f");
    expect(res.status).toBe(302);
    const cookie = sessionCookieFrom(res)!;
    const me = lastJoined();
    expect(me.name).toBe("王五");
    // 组成人员 21 or more now; the newcomer and the first thirteen representatives make the quorum (two thirds).
    const present = [me, ...Array.from({ length: 13 }, (_, i) => person(`rep${String(i + 1).padStart(2, "0")}`))];
    const m = startedMeeting({ present });
    openMotion(m.id, m.motionIds[0]);
    expect((await http.fetch(m.path, { cookie, form: { intent: "vote", motionId: String(m.motionIds[0]), choice: "yes", confirm: "on" } })).status).toBe(302);
    closeMotion(m.id, m.motionIds[0]);

    const chair = person("convener1");
    const named = await (await http.fetch(m.path, { cookie: chair.cookie })).text();
    const minutes = await (await http.fetch(`${m.path}/minutes`, { cookie: chair.cookie })).text();
    const csv = await (await http.fetch(`${m.path}/ballots.csv`, { cookie: chair.cookie })).text();
    expect(named).toContain('data-testid="named-ballots"');
    for (const [what, body] of [["meeting page", named], ["minutes", minutes], ["CSV", csv.replace(/^\ufeff/, "")]]) {
      expect(body, what).toContain("王五");
      expect(INVISIBLE.test(body), what).toBe(false);
    }
  });
});
