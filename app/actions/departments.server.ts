import { json } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { DEPARTMENT_SCHEMAS, type DepartmentIntent } from "../forms/departments";
import { addContactByUsername, addDepartment, editDepartment, removeContact, setDepartmentArchived, type DepartmentAdminProblem } from "../models/department-admin.server";
import { createDepartmentInvite, revokeDepartmentInvite } from "../models/department-invite.server";
import type { Result } from "../models/domain-error.server";
import { parseForm } from "./parse-form.server";

/** What the departments page shows after a post: a success line, a problem beside its department (or the add form's field errors), a new invite code once. */
export interface DepartmentsReply {
  intent: DepartmentIntent;
  /** A success, as a key and the name it is about. */
  done: { key: string; name: string } | null;
  /** A refusal's message key, said next to `departmentId`'s row (or at the top when no row shows it). */
  problem: string | null;
  departmentId: number | null;
  /** The add form's conform reply (field errors shown next to fields). */
  result: ReturnType<ReturnType<typeof parseForm>["reply"]> | null;
  /** A new invite's code: shown this once, never stored. */
  code: string | null;
}

const reply = (r: Partial<DepartmentsReply> & { intent: DepartmentIntent }, status = 200) =>
  json<DepartmentsReply>({ done: null, problem: null, departmentId: null, result: null, code: null, ...r }, { status });

const STATUS: Partial<Record<DepartmentAdminProblem, number>> = { nameTaken: 409, alreadyContact: 409, alreadyArchived: 409, notArchived: 409, inviteGone: 409, archived: 409 };

/** A refusal of the model: another street's department (or invite) is the 404 page; the rest is said beside the row. */
function refused(intent: DepartmentIntent, departmentId: number | null, result: Result<DepartmentAdminProblem>) {
  if (result.ok) throw new Error("not a refusal");
  if (result.problem === "notFound") notFound();
  return reply({ intent, departmentId, problem: `departments.problems.${result.problem}` }, STATUS[result.problem] ?? 400);
}

/** The departments page's posts (/s/:street/departments), for the street admin the route has checked. */
export function departmentsAction({ formData, streetId, actorId }: { formData: FormData; streetId: number; actorId: number }) {
  const intent = String(formData.get("intent")) as DepartmentIntent;
  if (!Object.hasOwn(DEPARTMENT_SCHEMAS, intent)) throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  if (intent === "add") {
    const submission = parseForm(formData, DEPARTMENT_SCHEMAS.add);
    if (submission.status !== "success") return reply({ intent, result: submission.reply() }, 400);
    const { intent: _i, ...department } = submission.value;
    const added = addDepartment({ streetId, department });
    if (!added.ok) {
      const field = added.problem === "responseHours" ? "responseHours" : "nameZh";
      return reply({ intent, result: submission.reply({ fieldErrors: { [field]: [`departments.problems.${added.problem}`] } }) }, STATUS[added.problem] ?? 400);
    }
    return reply({ intent, done: { key: "departments.added", name: department.nameZh }, result: submission.reply({ resetForm: true }) });
  }
  const submission = parseForm(formData, DEPARTMENT_SCHEMAS[intent]);
  if (submission.status !== "success") {
    const id = Number(formData.get("departmentId"));
    const problem = Object.values(submission.error ?? {}).flat()[0] ?? "errors.required";
    return reply({ intent, problem, departmentId: Number.isSafeInteger(id) ? id : null }, 400);
  }
  const v = submission.value;
  switch (v.intent) {
    case "edit": {
      const { intent: _i, departmentId, ...department } = v;
      const r = editDepartment({ streetId, departmentId, department });
      if (!r.ok) return refused(intent, departmentId, r);
      return reply({ intent, departmentId, done: { key: r.changed ? "departments.edited" : "departments.unchanged", name: department.nameZh } });
    }
    case "archive":
    case "restore": {
      const r = setDepartmentArchived({ streetId, departmentId: v.departmentId, archived: v.intent === "archive" });
      if (!r.ok) return refused(intent, v.departmentId, r);
      return reply({ intent, departmentId: v.departmentId, done: { key: v.intent === "archive" ? "departments.archivedDone" : "departments.restoredDone", name: r.nameZh } });
    }
    case "addContact": {
      const r = addContactByUsername({ streetId, departmentId: v.departmentId, username: v.username, actorId });
      if (!r.ok) return refused(intent, v.departmentId, r);
      return reply({ intent, departmentId: v.departmentId, done: { key: "departments.contactAdded", name: r.displayName } });
    }
    case "removeContact": {
      const r = removeContact({ streetId, departmentId: v.departmentId, userId: v.userId });
      if (!r.ok) return refused(intent, v.departmentId, r);
      return reply({ intent, departmentId: v.departmentId, done: { key: "departments.contactRemoved", name: r.displayName } });
    }
    case "invite": {
      const r = createDepartmentInvite({ streetId, departmentId: v.departmentId, note: v.note, createdBy: actorId });
      if (!r.ok) return refused(intent, v.departmentId, r);
      return reply({ intent, departmentId: v.departmentId, code: r.code });
    }
    case "revokeInvite": {
      const r = revokeDepartmentInvite({ streetId, inviteId: v.inviteId });
      if (!r.ok) return refused(intent, null, r);
      return reply({ intent, done: { key: "departments.inviteRevoked", name: "" } });
    }
  }
  throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
}
