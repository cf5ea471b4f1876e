import { json, redirect } from "@remix-run/node";
import { addTask, createUnit, reportCompletion, reportProgress, type ExecutionProblem, type ExecutionResult } from "../models/execution.server";
import { editTask, removeTask } from "../models/execution-plan.server";
import type { StepBlocker } from "../workflow/step-gates";
import { checkPhotos } from "../models/photo.server";
import { getTimeZone } from "../models/time-zone.server";
import { answerRectification, publishResult, raiseRectification } from "../models/supervision.server";
import { readFileUpload, uploadMaxBytes } from "../models/upload.server";
import type { Role } from "../workflow/roles";
import { endOfLocalDay } from "../forms/consultation";
import { answerRectificationSchema, completeSchema, editTaskSchema, EXECUTION_INTENTS, removeTaskSchema, publishResultSchema, rectifySchema, REPORT_MAX_PHOTOS, reportSchema, taskSchema, UNITS_INTENTS, unitSchema } from "../forms/execution";
import { pickIntent } from "../forms/meetings";
import { readForm } from "./read-form.server";
import { parseForm } from "./parse-form.server";
import type { TopicPostInput } from "../forms/topic-post";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. A date already past: 400. Not now (state, open tasks, answered): 409.
const STATUS: Partial<Record<ExecutionProblem, number>> = { wrongRole: 403, notUnitMember: 403, dueInPast: 400 };

/** Which form a refusal belongs to: the intent and, on a page with one form per task or demand, its id. */
interface Target {
  intent: string | null;
  id?: number | null;
}

// A step gate's refusal ("blocked") says what is missing, for the page to list.
function refusal({ intent, id = null }: Target, problem: ExecutionProblem, result: unknown = null, blockers: readonly StepBlocker[] = []) {
  return answerRefusal({ ok: false, problem }, { intent, id, blockers, result }, STATUS);
}

const invalid = ({ intent, id = null }: Target, result: unknown) => json({ intent, id, problem: null, blockers: [] as StepBlocker[], result }, { status: 400 });

function settle<T extends object>(target: Target, r: ExecutionResult<T>, to: string, result: unknown = null) {
  return r.ok ? redirect(to) : refusal(target, r.problem, result, r.blockers);
}

/** Posts of `/c/:community/units`: the committee registers a unit. */
export async function handleUnitsAction({ request, communityId, communitySlug, userId, roles }: Omit<TopicPostInput, "topicId">) {
  const formData = await readForm(request);
  const intent = pickIntent(UNITS_INTENTS, formData.get("intent"));
  if (intent !== "create") return invalid({ intent: null }, null);
  const submission = parseForm(formData, unitSchema);
  if (submission.status !== "success") return invalid({ intent }, submission.reply());
  const r = createUnit({ communityId, userId, roles, ...submission.value });
  return r.ok ? redirect(`/c/${communitySlug}/units#unit-${r.id}`) : refusal({ intent }, r.problem, submission.reply());
}

/** A number from a form field, when it is one (for routing a refusal back to its form). */
function idField(formData: FormData, name: string): number | null {
  const raw = formData.get(name);
  return typeof raw === "string" && /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null;
}

/** Posts of `/c/:community/topics/:topicId/execution`; success redirects back (post/redirect/get). */
export async function handleExecutionAction({ request, communityId, communitySlug, topicId, userId, roles }: TopicPostInput) {
  // Only the report form carries files; any other post is read as an ordinary form.
  const upload = await readFileUpload(request, { field: "photos", maxFiles: REPORT_MAX_PHOTOS, maxFileBytes: uploadMaxBytes() });
  const formData = upload.formData;
  const intent = pickIntent(EXECUTION_INTENTS, formData.get("intent"));
  const actor = { communityId, userId, roles: roles as Role[] };
  const page = `/c/${communitySlug}/topics/${topicId}/execution`;
  switch (intent) {
    case "task": {
      const submission = parseForm(formData, taskSchema);
      if (submission.status !== "success") return invalid({ intent }, submission.reply());
      const { title, unitId, dueDate, budgetYuan } = submission.value;
      const r = addTask({ ...actor, topicId, task: { title, unitId, dueAt: endOfLocalDay(dueDate, getTimeZone(communityId)), budgetFen: budgetYuan ?? null } });
      return settle({ intent }, r, r.ok ? `${page}#task-${r.id}` : page, submission.reply());
    }
    case "editTask": {
      const target = { intent, id: idField(formData, "taskId") };
      const submission = parseForm(formData, editTaskSchema);
      if (submission.status !== "success") return invalid(target, submission.reply());
      const { taskId, title, unitId, dueDate, budgetYuan } = submission.value;
      const r = editTask({ ...actor, taskId, task: { title, unitId, dueAt: endOfLocalDay(dueDate, getTimeZone(communityId)), budgetFen: budgetYuan ?? null } });
      return settle(target, r, `${page}#task-${taskId}`, submission.reply());
    }
    case "removeTask": {
      const target = { intent, id: idField(formData, "taskId") };
      const submission = parseForm(formData, removeTaskSchema);
      if (submission.status !== "success") return invalid(target, submission.reply());
      const { taskId, reason } = submission.value;
      return settle(target, removeTask({ ...actor, taskId, reason }), `${page}#plan-title`, submission.reply());
    }
    case "report": {
      const target = { intent, id: idField(formData, "taskId") };
      const submission = parseForm(formData, reportSchema);
      const checked = await checkPhotos(upload.files);
      const photoErrors = [...upload.fileErrors, ...checked.errors];
      if (submission.status !== "success" || upload.formError || photoErrors.length) {
        return invalid(target, submission.reply({ fieldErrors: photoErrors.length ? { photos: photoErrors } : {}, ...(upload.formError ? { formErrors: [upload.formError] } : {}) }));
      }
      const { taskId, body, percent, spentYuan } = submission.value;
      const r = reportProgress({ ...actor, taskId, body, percent, spentFen: spentYuan ?? 0, photos: checked.photos });
      return settle(target, r, `${page}#task-${taskId}`, submission.reply());
    }
    case "complete": {
      const submission = parseForm(formData, completeSchema);
      if (submission.status !== "success") return invalid({ intent }, submission.reply());
      return settle({ intent }, reportCompletion({ ...actor, topicId }), page, submission.reply());
    }
    case "rectify": {
      const target = { intent, id: idField(formData, "taskId") };
      const submission = parseForm(formData, rectifySchema);
      if (submission.status !== "success") return invalid(target, submission.reply());
      const { taskId, body } = submission.value;
      return settle(target, raiseRectification({ ...actor, taskId, body }), `${page}#task-${taskId}`, submission.reply());
    }
    case "answerRectification": {
      const target = { intent, id: idField(formData, "rectificationId") };
      const submission = parseForm(formData, answerRectificationSchema);
      if (submission.status !== "success") return invalid(target, submission.reply());
      const { rectificationId, answer } = submission.value;
      return settle(target, answerRectification({ ...actor, rectificationId, answer }), `${page}#rectification-${rectificationId}`, submission.reply());
    }
    case "publishResult": {
      const submission = parseForm(formData, publishResultSchema);
      if (submission.status !== "success") return invalid({ intent }, submission.reply());
      return settle({ intent }, publishResult({ ...actor, topicId, summary: submission.value.summary }), `${page}#results`, submission.reply());
    }
    default:
      return invalid({ intent: null }, null);
  }
}

export type ExecutionActionData = Awaited<ReturnType<typeof handleExecutionAction>>;
