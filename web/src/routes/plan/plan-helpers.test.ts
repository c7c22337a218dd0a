import { describe, expect, it } from 'vitest';
import type { PlanRound } from '../../api/client';
import {
  assessmentCounts,
  isAssessmentValue,
  isComplete,
  isPlanItemValue,
  isSendable,
  planItemInput,
  planItemValue,
  planProgress,
  rejection,
  showsPlanLink,
  submitEvent,
} from './plan-helpers';

const open = { approved: null, remark: '', version: 0, updated_by: '', updated_at: 0 };

describe('plan items', () => {
  it('edit "no date yet" as an empty text and send it as null', () => {
    const value = planItemValue({ cause: 'c', actions: 'a', who: 'teamleider', by_when: null });
    expect(value.by_when).toBe('');
    expect(planItemInput(value, 3)).toEqual({ version: 3, cause: 'c', actions: 'a', who: 'teamleider', by_when: null });
    expect(planItemInput({ ...value, by_when: '2026-06-01' }, 0).by_when).toBe('2026-06-01');
  });

  it('are complete only with cause, actions, who and a date, as the server counts them', () => {
    const full = { cause: 'c', actions: 'a', who: 'w', by_when: '2026-06-01' };
    expect(isComplete(full)).toBe(true);
    expect(isComplete({ ...full, who: '  ' })).toBe(false);
    expect(isComplete({ ...full, by_when: '' })).toBe(false);
  });

  it('know a value kept on the device', () => {
    expect(isPlanItemValue({ cause: '', actions: '', who: '', by_when: '' })).toBe(true);
    expect(isPlanItemValue({ cause: '', actions: '', who: '' })).toBe(false);
    expect(isPlanItemValue(null)).toBe(false);
  });

  it('count the norms whose item is complete', () => {
    const complete = new Map([
      ['VM3', true],
      ['DV2', false],
    ]);
    expect(planProgress(['VM3', 'DV2', 'OB1'], complete)).toEqual({ done: 1, total: 3 });
    expect(planProgress([], complete)).toEqual({ done: 0, total: 0 });
  });
});

describe('the plan route', () => {
  it('submits the first plan, and a revision after a rejection or an agreed next step', () => {
    expect(submitEvent('draft')).toBe('plan_submitted');
    expect(submitEvent('rejected')).toBe('revision_submitted');
    expect(submitEvent('next-steps')).toBe('revision_submitted');
    for (const stage of ['none', 'submitted', 'revision-submitted', 'approved', 'rejected-twice'] as const) {
      expect(submitEvent(stage)).toBeNull();
    }
  });

  it('offers the plan page in scenario b and c, not before the findings are final', () => {
    expect(showsPlanLink({ state: 'plan', scenario: 'plan-required' })).toBe(true);
    expect(showsPlanLink({ state: 'additional-audit', scenario: 'over-threshold' })).toBe(true);
    expect(showsPlanLink({ state: 'part-a', scenario: 'plan-required' })).toBe(true);
    expect(showsPlanLink({ state: 'finalising', scenario: 'all-met' })).toBe(false);
    expect(showsPlanLink({ state: 'concept', scenario: null })).toBe(false);
  });
});

describe('the CI’s remarks', () => {
  const round1: PlanRound = {
    round: 1,
    submitted_on: '2026-03-01',
    assessed_on: '2026-03-10',
    outcome: 'rejected',
    items: [
      { norm: 'VM3', cause: 'c', actions: 'a', who: 'w', by_when: '2026-06-01', approved: false, remark: 'Maak de acties meetbaar.' },
      { norm: 'DV2', cause: 'c', actions: 'a', who: 'w', by_when: '2026-06-01', approved: true, remark: '' },
    ],
  };

  it('show the rejection of the last assessed round while the member revises', () => {
    expect(rejection({ rounds: [round1] }, { norm: 'VM3', assessment: open })).toEqual({ round: 1, remark: 'Maak de acties meetbaar.' });
    expect(rejection({ rounds: [round1] }, { norm: 'DV2', assessment: open })).toBeNull();
    expect(rejection({ rounds: [] }, { norm: 'VM3', assessment: open })).toBeNull();
  });

  it('prefer a rejection in the round being assessed', () => {
    const current = { ...open, approved: false, remark: 'Wie is verantwoordelijk?' };
    expect(rejection({ rounds: [round1] }, { norm: 'DV2', assessment: current })).toEqual({ round: null, remark: 'Wie is verantwoordelijk?' });
  });

  it('send an assessment once it is approved, or rejected with a remark', () => {
    expect(isSendable({ approved: true, remark: '' })).toBe(true);
    expect(isSendable({ approved: false, remark: '  ' })).toBe(false);
    expect(isSendable({ approved: false, remark: 'Te vaag.' })).toBe(true);
    expect(isSendable({ approved: null, remark: 'x' })).toBe(false);
    expect(isAssessmentValue({ approved: null, remark: '' })).toBe(true);
    expect(isAssessmentValue({ approved: 'ja', remark: '' })).toBe(false);
  });

  it('count what is assessed and rejected', () => {
    expect(
      assessmentCounts([
        { approved: true, remark: '' },
        { approved: false, remark: 'x' },
        { approved: null, remark: '' },
      ]),
    ).toEqual({ assessed: 2, rejected: 1 });
  });
});
