// Issue 19, part calls: the posts of a call's street page for the action catalogue (support/actions.ts).
// Each case's call is the street's dispatch to 城管中队 on a fresh topic: its contact chengguan1 and the
// admin street1 get past the guards; 住建办's contact is told nothing (404); the communities' people 403.
import { acceptCall, askForMore, declineCall } from "~/models/department-call-answer.server";
import { dispatchFromStreet } from "~/models/department-call.server";
import type { ActionCase, Post } from "./actions";
import { chengguan, freshTopic, inDays, streetPerson, zhujian } from "./calls";
import { makePng } from "../../fixtures/propose";

const ROUTE = "s.$street.calls.$callId";
const must = <T extends object>(r: ({ ok: true } & T) | { ok: false; problem: string }): T => {
  if (!r.ok) throw new Error(`refused while preparing: ${r.problem}`);
  return r;
};
/** "YYYY-MM-DD" `days` from today in the communities' time zone (UTC+8). */
const localDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

function dispatched(): number {
  return must(dispatchFromStreet({ ...streetPerson("street1"), topicId: freshTopic(), taskId: null, departmentId: chengguan(), ask: "请城管协助清理占道", wantedBy: inDays(10) })).id;
}
function accepted(): number {
  const id = dispatched();
  must(acceptCall({ ...streetPerson("chengguan1"), callId: id, promisedBy: inDays(5), body: "接单" }));
  return id;
}

const post = (callId: number, actor: string, fields: Record<string, string>, file?: Post["file"]): Post => ({ path: `/s/huacheng/calls/${callId}`, fields: { callId: String(callId), ...fields }, actor, ...(file ? { file } : {}) });
const photo = (): Post["file"] => ({ field: "photos", name: "site.png", type: "image/png", bytes: new Uint8Array(makePng({ seed: 7 })) });
const call = (intent: string, prepare: () => Post): ActionCase => ({ route: ROUTE, intent, who: "streetStaff", success: 302, changes: true, prepare });

export const CALL_ACTIONS: ActionCase[] = [
  call("accept", () => post(dispatched(), "chengguan1", { intent: "accept", promisedDate: localDay(5), body: "三日内清理" })),
  call("askForMore", () => post(dispatched(), "chengguan1", { intent: "askForMore", body: "请提供具体时段" })),
  call("decline", () => post(dispatched(), "chengguan1", { intent: "decline", reason: "不属本部门职责", confirm: "on" })),
  call("progress", () => post(accepted(), "chengguan1", { intent: "progress", body: "已约谈摊主", percent: "40" }, photo())),
  call("resolve", () => post(accepted(), "chengguan1", { intent: "resolve", body: "已清理", confirm: "on" }, photo())),
  call("answerInfo", () => {
    const id = dispatched();
    must(askForMore({ ...streetPerson("chengguan1"), callId: id, body: "请补充照片" }));
    return post(id, "street1", { intent: "answerInfo", body: "照片已补充" });
  }),
  call("withdraw", () => post(dispatched(), "street1", { intent: "withdraw", reason: "已自行解决", confirm: "on" })),
  call("redispatch", () => {
    const id = dispatched();
    must(declineCall({ ...streetPerson("chengguan1"), callId: id, reason: "属于住建办" }));
    return post(id, "street1", { intent: "redispatch", departmentId: String(zhujian()), ask: "请住建办处理", wantedDate: localDay(10), confirm: "on" });
  }),
];
