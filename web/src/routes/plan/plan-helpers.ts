// Pure helpers for the improvement plan (issue 10, scenario b and c): when the page is offered, one
// norm's editable item and what is sent for it, the member's progress, which event submits the plan
// now, the CI's remark a rejected item carries, and the CI's steps on the plan page. The server
// decides; these only shape what it answered.
import type { ImprovementPlan, PlanAssessment, PlanItem, PlanItemInput, PlanStage, Role, Trajectory } from '../../api/client';

/** What the member edits of one norm; an empty `by_when` is "no date yet". */
export interface PlanItemValue {
  cause: string;
  actions: string;
  who: string;
  by_when: string;
}

export function planItemValue(item: Pick<PlanItem, 'cause' | 'actions' | 'who' | 'by_when'>): PlanItemValue {
  return { cause: item.cause, actions: item.actions, who: item.who, by_when: item.by_when ?? '' };
}

export function isPlanItemValue(value: unknown): value is PlanItemValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['cause', 'actions', 'who', 'by_when'].every((key) => typeof v[key] === 'string');
}

export function planItemInput(value: PlanItemValue, version: number): PlanItemInput {
  return { version, cause: value.cause, actions: value.actions, who: value.who, by_when: value.by_when === '' ? null : value.by_when };
}

/** The same rule as the server's `complete`: cause, actions, who and by_when are all filled. */
export function isComplete(value: PlanItemValue): boolean {
  return [value.cause, value.actions, value.who, value.by_when].every((part) => part.trim() !== '');
}

/** "n van m normen compleet": the norms asked for and how many of them have a complete item. */
export function planProgress(norms: readonly string[], complete: ReadonlyMap<string, boolean>): { done: number; total: number } {
  return { done: norms.filter((norm) => complete.get(norm) === true).length, total: norms.length };
}

/** The member's event that hands the plan in now: the first plan, or the revision after a rejection. */
export function submitEvent(stage: PlanStage): 'plan_submitted' | 'revision_submitted' | null {
  if (stage === 'draft') return 'plan_submitted';
  if (stage === 'rejected' || stage === 'next-steps') return 'revision_submitted';
  return null;
}

/** The plan page is offered once plans are asked for: scenario b or c, or while the plan or the additional audit runs. */
/**
 * The additional audit's page: for the CI (administrator and team) once additional_audit_planned is
 * recorded, for the member once the audit was held; the secretariat reads it in the report.
 */
export function showsAddendumLink(trajectory: Pick<Trajectory, 'events'>, role: Role | null): boolean {
  const has = (key: string) => (trajectory.events ?? []).some((event) => event.event === key);
  if (role === 'ci-admin' || role === 'auditor') return has('additional_audit_planned');
  return role === 'member' && has('additional_audit_held');
}

export function showsPlanLink(trajectory: Pick<Trajectory, 'state' | 'scenario'>): boolean {
  return (
    trajectory.state === 'plan' ||
    trajectory.state === 'additional-audit' ||
    trajectory.scenario === 'plan-required' ||
    trajectory.scenario === 'over-threshold'
  );
}

/** The CI's remark to show with a norm: a rejection in the round being assessed, else in the last assessed round. */
export function rejection(plan: Pick<ImprovementPlan, 'rounds'>, item: Pick<PlanItem, 'norm' | 'assessment'>): { round: number | null; remark: string } | null {
  if (item.assessment.approved === false && item.assessment.remark.trim() !== '') {
    return { round: null, remark: item.assessment.remark };
  }
  const assessed = [...plan.rounds].reverse().find((round) => round.outcome !== null && round.outcome !== undefined);
  const earlier = assessed?.items.find((i) => i.norm === item.norm);
  if (assessed && earlier && earlier.approved === false) {
    return { round: assessed.round, remark: earlier.remark };
  }
  return null;
}

/** The CI's choice for one norm, and its remark, as edited on the page. */
export interface AssessmentValue {
  approved: boolean | null;
  remark: string;
}

export function assessmentValue(assessment: Pick<PlanAssessment, 'approved' | 'remark'>): AssessmentValue {
  return { approved: assessment.approved ?? null, remark: assessment.remark };
}

export function isAssessmentValue(value: unknown): value is AssessmentValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.approved === null || typeof v.approved === 'boolean') && typeof v.remark === 'string';
}

/** An assessment is sent once it is one the server takes: approved, or rejected with a remark. */
export function isSendable(value: AssessmentValue): value is { approved: boolean; remark: string } {
  return value.approved === true || (value.approved === false && value.remark.trim() !== '');
}

/** How many norms the CI has assessed in this round, and how many it rejected. */
export function assessmentCounts(values: readonly AssessmentValue[]): { assessed: number; rejected: number } {
  return {
    assessed: values.filter((v) => v.approved !== null).length,
    rejected: values.filter((v) => v.approved === false).length,
  };
}

/** The events the CI records from the plan page (the trajectory page offers them too). */
export const PLAN_CI_EVENTS: readonly string[] = [
  'plan_approved',
  'plan_rejected',
  'negative_advice',
  'next_steps_agreed',
  'positive_advice',
  'final_report_with_plans_sent',
];
