import { afterEach, describe, expect, it } from "vitest";
import { databasePath } from "../../db/config";
import { getDb, openDatabase } from "../../db/client.server";
import { onCommitted, type CommittedEvents } from "~/models/committed-events.server";
import { attempt, attemptLater, refusals } from "~/models/domain-error.server";
import { appendLedger, verifyLedger } from "~/models/ledger.server";
import { write } from "~/models/write.server";
import { createCommunity } from "./support/db";

const refused = refusals<"tooLate">("test");

/** Every rolesChanged heard, with whether the change was already visible to another connection then. */
function listen() {
  const heard: Array<{ userId: number; committed: boolean; inTransaction: boolean }> = [];
  const other = openDatabase(databasePath());
  const stop = onCommitted("rolesChanged", ({ communityId, userId }: CommittedEvents["rolesChanged"]) => {
    const seen = other.$client.prepare("SELECT count(*) AS n FROM ledger_entries WHERE community_id = ? AND subject = ?").get(communityId, `user:${userId}`) as { n: number };
    heard.push({ userId, committed: seen.n > 0, inTransaction: getDb().$client.inTransaction });
  });
  cleanups.push(() => {
    stop();
    other.$client.close();
  });
  return heard;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

/** A write that records a change for `userId` in the ledger and publishes it. */
function change(communityId: number, userId: number) {
  return (tx: Parameters<Parameters<typeof write>[0]>[0], publish: Parameters<Parameters<typeof write>[0]>[1]) => {
    appendLedger(tx, { communityId, type: "test.changed", actorId: null, subject: `user:${userId}`, payload: { userId } });
    publish({ name: "rolesChanged", payload: { communityId, userId } });
    return { userId };
  };
}

describe("write", () => {
  it("publishes its events only after the commit, when another connection already sees the change", () => {
    const { id } = createCommunity({ entries: 1 });
    const heard = listen();
    const value = write((tx, publish) => {
      const done = change(id, 1)(tx, publish);
      expect(heard).toEqual([]);
      return done;
    });
    expect(value).toEqual({ userId: 1 });
    expect(heard).toEqual([{ userId: 1, committed: true, inTransaction: false }]);
  });

  it("publishes nothing and leaves no ledger entry when fn refuses after publishing", () => {
    const { id } = createCommunity({ entries: 1 });
    const before = verifyLedger({ communityId: id });
    const heard = listen();
    const r = attempt("test", () =>
      write((tx, publish) => {
        change(id, 2)(tx, publish);
        throw refused("tooLate");
      }),
    );
    expect(r).toEqual({ ok: false, problem: "tooLate" });
    expect(heard).toEqual([]);
    expect(verifyLedger({ communityId: id })).toEqual(before);
  });

  it("lets any other error through, rolled back, with nothing published", () => {
    const { id } = createCommunity({ entries: 1 });
    const before = verifyLedger({ communityId: id });
    const heard = listen();
    expect(() =>
      attempt("test", () =>
        write((tx, publish) => {
          change(id, 3)(tx, publish);
          throw new Error("disk on fire");
        }),
      ),
    ).toThrow("disk on fire");
    expect(heard).toEqual([]);
    expect(verifyLedger({ communityId: id })).toEqual(before);
  });

  it("holds a nested write's events until the outer write commits, and drops them when the nested one rolls back", () => {
    const { id } = createCommunity({ entries: 1 });
    const heard = listen();
    write((tx, publish) => {
      write(change(id, 4));
      expect(heard).toEqual([]);
      const inner = attempt("test", () =>
        write((innerTx, innerPublish) => {
          change(id, 5)(innerTx, innerPublish);
          throw refused("tooLate");
        }),
      );
      expect(inner.ok).toBe(false);
      return change(id, 6)(tx, publish);
    });
    expect(heard.map((h) => h.userId)).toEqual([4, 6]);
    expect(heard.every((h) => h.committed && !h.inTransaction)).toBe(true);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: true, count: 3 });
  });

  it("commits a durable write with synchronous = FULL and puts the setting back", () => {
    const { id } = createCommunity({ entries: 1 });
    const heard = listen();
    write(change(id, 7), { durable: true });
    expect(heard.map((h) => h.userId)).toEqual([7]);
    expect(getDb().$client.pragma("synchronous", { simple: true })).toBe(1);
  });

  it("shares one durable commit among writes of the same moment; one refused rolls back alone and publishes nothing", async () => {
    const { id } = createCommunity({ entries: 1 });
    const before = verifyLedger({ communityId: id });
    const heard = listen();
    const results = await Promise.all([
      attemptLater("test", () => write(change(id, 8), { durable: "together" })),
      attemptLater("test", () =>
        write(
          (tx, publish) => {
            change(id, 9)(tx, publish);
            throw refused("tooLate");
          },
          { durable: "together" },
        ),
      ),
      attemptLater("test", () => write(change(id, 10), { durable: "together" })),
    ]);
    expect(results).toEqual([{ ok: true, userId: 8 }, { ok: false, problem: "tooLate" }, { ok: true, userId: 10 }]);
    expect(heard.map((h) => h.userId)).toEqual([8, 10]);
    expect(heard.every((h) => h.committed)).toBe(true);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: true, count: before.count + 2 });
  });
});
