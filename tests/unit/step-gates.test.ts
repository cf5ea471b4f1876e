import { describe, expect, it } from "vitest";
import { isGated, stepBlockers, type StepFacts } from "~/workflow/step-gates";
import { TOPIC_ACTIONS } from "~/workflow/transitions";

const READY: StepFacts = { draftEmpty: false, consultationOutcomes: 1, consultationOptional: false, consultationWaived: false, tasks: 2, unfinishedTasks: 0, openRectifications: 0 };
const facts = (over: Partial<StepFacts>): StepFacts => ({ ...READY, ...over });

describe("the step gates", () => {
  it("gates exactly the moves the method makes wait for something on record", () => {
    expect(TOPIC_ACTIONS.filter(isGated).sort()).toEqual(["decideByCommittee", "freeze", "reportCompletion", "startConsultation"]);
    for (const action of TOPIC_ACTIONS.filter((a) => !isGated(a))) expect(stepBlockers(action, facts({ draftEmpty: true, consultationOutcomes: 0, tasks: 0 }))).toEqual([]);
  });

  it("lets nothing through when everything is on record", () => {
    for (const action of TOPIC_ACTIONS) expect(stepBlockers(action, READY), action).toEqual([]);
  });

  it("starts consultation only on a draft with text", () => {
    expect(stepBlockers("startConsultation", facts({ draftEmpty: true }))).toEqual(["emptyDraft"]);
    expect(stepBlockers("startConsultation", facts({ consultationOutcomes: 0 }))).toEqual([]);
  });

  it("freezes, or decides without a vote, only after a consultation outcome, or a waiver where the category allows one", () => {
    for (const action of ["freeze", "decideByCommittee"]) {
      expect(stepBlockers(action, facts({ consultationOutcomes: 0 }))).toEqual(["noConsultation"]);
      // A waiver counts only where the catalogue makes consultation optional, and an optional category still needs the committee's reason.
      expect(stepBlockers(action, facts({ consultationOutcomes: 0, consultationWaived: true }))).toEqual(["noConsultation"]);
      expect(stepBlockers(action, facts({ consultationOutcomes: 0, consultationOptional: true }))).toEqual(["noConsultation"]);
      expect(stepBlockers(action, facts({ consultationOutcomes: 0, consultationOptional: true, consultationWaived: true }))).toEqual([]);
      expect(stepBlockers(action, facts({ draftEmpty: true }))).toEqual(["emptyDraft"]);
    }
  });

  it("reports completion only with a plan of tasks, all at 100%, and no open demand, naming every gap", () => {
    expect(stepBlockers("reportCompletion", facts({ tasks: 0, unfinishedTasks: 0 }))).toEqual(["noTasks"]);
    expect(stepBlockers("reportCompletion", facts({ unfinishedTasks: 1 }))).toEqual(["tasksUnfinished"]);
    expect(stepBlockers("reportCompletion", facts({ openRectifications: 1 }))).toEqual(["openRectification"]);
    // The demo's #6: a task overdue at 20% and an unanswered rectification demand.
    expect(stepBlockers("reportCompletion", facts({ unfinishedTasks: 1, openRectifications: 1 }))).toEqual(["tasksUnfinished", "openRectification"]);
  });

  it("takes no inherited property name for a gate", () => {
    expect(isGated("toString")).toBe(false);
    expect(isGated("constructor")).toBe(false);
    expect(stepBlockers("toString", READY)).toEqual([]);
  });
});
