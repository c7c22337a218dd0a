import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Trajectory, TrajectoryAction, TrajectoryDeadline } from '../../api/client';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import {
  errorField,
  eventDetails,
  formatDate,
  partyOf,
  reasonText,
  stateKey,
  stepsFor,
  timelineItems,
  todayIso,
  TRAJECTORY_STATES,
} from './trajectory-helpers';

function trajectory(id: number, actions: TrajectoryAction[], deadlines: TrajectoryDeadline[] = []): Trajectory {
  return {
    id,
    member: { id: 10 + id, name: `Lid ${id}` },
    ci: { id: 3, name: 'CI Toetsbureau' },
    variant: 'ci',
    framework: '2019',
    kind: 'initial',
    state: 'requested',
    scenario: null,
    advice: null,
    deadlines,
    certificate: null,
    previous_certificate: null,
    previous_check: null,
    actions,
    notes: [],
    events: [],
  } as Trajectory;
}

function deadline(key: string, due: string, status: TrajectoryDeadline['status'], actor: TrajectoryDeadline['actor'] = 'ci'): TrajectoryDeadline {
  return { key, actor, after: 'x', from: '2026-01-01', due, status, label: key, source: `B6 ${key}` };
}

describe('partyOf', () => {
  it('maps each role to the party it records for', () => {
    expect(partyOf('member')).toBe('member');
    expect(partyOf('ci-admin')).toBe('ci');
    expect(partyOf('auditor')).toBe('ci');
    expect(partyOf('secretariat')).toBe('secretariat');
    expect(partyOf('committee')).toBeNull();
  });
});

describe('state names', () => {
  it('has a Dutch and an English name for every state, the Dutch one as the server says it', () => {
    for (const state of TRAJECTORY_STATES) {
      expect(nl[stateKey(state)], state).toBeTruthy();
      expect(en[stateKey(state)], state).toBeTruthy();
    }
    expect(nl[stateKey('planned')]).toBe('toetsing gepland');
    expect(nl[stateKey('requested')]).toBe('toetsing aangevraagd');
  });

  it('match the server: every state of src/core/trajectory/trajectory_names.cpp with its Dutch name', () => {
    const source = readFileSync(fileURLToPath(new URL('../../../../src/core/trajectory/trajectory_names.cpp', import.meta.url)), 'utf8');
    const pairs = [...source.matchAll(/\{TrajectoryState::\w+, "([a-z-]+)", "([^"]+)"\}/g)].map((m) => [m[1], m[2]]);
    expect(pairs.map(([key]) => key).sort()).toEqual([...TRAJECTORY_STATES].sort());
    for (const [key, dutch] of pairs) {
      expect(nl[`trajectory.state.${key}` as keyof typeof nl]).toBe(dutch);
    }
  });
});

describe('event labels', () => {
  it('are the framework file\'s procedure.events labels, for every event', () => {
    const yaml = readFileSync(fileURLToPath(new URL('../../../../frameworks/ssw-2019.yaml', import.meta.url)), 'utf8');
    const events = [...yaml.matchAll(/- \{key: "([a-z_]+)", actor: "\w+", label: "([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(events.length).toBeGreaterThan(20);
    for (const [key, label] of events) {
      expect(nl[`trajectory.event.${key}` as keyof typeof nl], key).toBe(label);
      expect(en[`trajectory.event.${key}` as keyof typeof en], key).toBeTruthy();
    }
    const known = Object.keys(nl).filter((k) => k.startsWith('trajectory.event.')).length;
    expect(known).toBe(events.length);
  });
});

describe('dates', () => {
  it('gives today as the local calendar day', () => {
    expect(todayIso(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
  });

  it('writes a date with its weekday', () => {
    expect(formatDate('2026-03-20', 'nl')).toBe('vrijdag 20 maart 2026');
    expect(formatDate('2026-03-20', 'en')).toBe('Friday, 20 March 2026');
  });
});

describe('stepsFor', () => {
  it('offers accepting and declining for an open request, only to the CI', () => {
    const t = trajectory(1, [{ actor: 'ci', key: 'audit_accepted', todo: '', due: null, status: 'open' }]);
    expect(stepsFor(t, 'ci').map((s) => s.event)).toEqual(['audit_accepted', 'audit_declined']);
    expect(stepsFor(t, 'ci')[1].fields).toEqual(['reason']);
    expect(stepsFor(t, 'secretariat')).toEqual([]);
    expect(stepsFor(t, null)).toEqual([]);
  });

  it('asks for the audit days when planning, and skips events recorded elsewhere (verdicts)', () => {
    const planning = trajectory(1, [{ actor: 'ci', key: 'audit_planned', todo: '', due: null, status: 'open' }]);
    expect(stepsFor(planning, 'ci')).toEqual([
      { event: 'audit_planned', fields: ['first_day', 'last_day', 'days', 'locations', 'team'], required: ['first_day', 'last_day', 'team'] },
    ]);
    const final = trajectory(1, [{ actor: 'ci', key: 'findings_final', todo: '', due: null, status: 'open' }]);
    expect(stepsFor(final, 'ci')).toEqual([]);
  });

  it('offers the events that meet a deadline: the concept (after the last audit day, once) and the corrections', () => {
    const concept = trajectory(1, [{ actor: 'ci', key: 'concept_report', todo: '', due: '2026-12-15', status: 'open' }]);
    expect(stepsFor(concept, 'ci').map((s) => s.event)).toEqual(['last_audit_day', 'concept_sent']);
    const recorded = { ...concept, events: [{ seq: 7, on: '2026-12-01', event: 'last_audit_day', recorded_by: 4 }] };
    expect(stepsFor(recorded, 'ci').map((s) => s.event)).toEqual(['concept_sent']);
    expect(stepsFor(concept, 'member')).toEqual([]);
    const corrections = trajectory(1, [{ actor: 'member', key: 'factual_corrections', todo: '', due: '2026-12-15', status: 'open' }]);
    expect(stepsFor(corrections, 'member').map((s) => s.event)).toEqual(['corrections_received']);
    // The final report is made on the report page (findings_final), not with a form here.
    expect(stepsFor(trajectory(1, [{ actor: 'ci', key: 'final_report', todo: '', due: null, status: 'open' }]), 'ci')).toEqual([]);
  });

  it('offers the CI its plan steps: assess, after a second rejection advise or agree a next step, after approval send the report', () => {
    const open = (actor: 'ci' | 'member', key: string) => trajectory(1, [{ actor, key, todo: '', due: null, status: 'open' }]);
    expect(stepsFor(open('ci', 'plan_assessment'), 'ci').map((s) => s.event)).toEqual(['plan_approved', 'plan_rejected']);
    expect(stepsFor(open('ci', 'revision_assessment'), 'ci').map((s) => s.event)).toEqual(['plan_approved', 'plan_rejected']);
    const twice = stepsFor(open('ci', 'next_steps_agreed'), 'ci');
    expect(twice.map((s) => s.event)).toEqual(['negative_advice', 'next_steps_agreed']);
    expect(twice[1].required).toEqual(['due']);
    expect(stepsFor(open('ci', 'final_report_with_plans'), 'ci').map((s) => s.event)).toEqual(['final_report_with_plans_sent']);
    // The member hands the plan in on the plan page, with its items.
    expect(stepsFor(open('member', 'improvement_plan'), 'member')).toEqual([]);
  });
});

describe('server errors on a step', () => {
  const step = { event: 'audit_planned', fields: ['first_day', 'last_day'] as const, required: [] } as never;

  it('finds the field the message is about', () => {
    expect(errorField('events[2].first_day', 'invalid_argument', step)).toBe('first_day');
    expect(errorField('events[2]', 'invalid_argument', step)).toBe('on');
    expect(errorField('events[2]', 'failed_precondition', step)).toBeNull();
    expect(errorField('event', 'permission_denied', step)).toBeNull();
    expect(errorField(null, 'failed_precondition', step)).toBeNull();
  });

  it('shows the rule\'s reason without the log position', () => {
    expect(reasonText('gebeurtenis 3 (membership_confirmed): het lidmaatschap wordt bevestigd nadat …')).toBe(
      'Het lidmaatschap wordt bevestigd nadat …',
    );
    expect(reasonText('Iets anders.')).toBe('Iets anders.');
  });
});

describe('timeline', () => {
  it('puts events and deadlines in date order, what happened first on one day', () => {
    const t = trajectory(1, [], [deadline('concept_report', '2026-03-10', 'open'), deadline('x', '2026-03-01', 'met')]);
    t.events = [
      { seq: 1, on: '2026-01-05', event: 'self_evaluation_completed', recorded_by: null },
      { seq: 2, on: '2026-03-01', event: 'audit_planned', first_day: '2026-03-02', last_day: '2026-03-03', recorded_by: 4 },
    ];
    expect(timelineItems(t).map((i) => (i.kind === 'event' ? i.event.event : i.deadline.key))).toEqual([
      'self_evaluation_completed',
      'audit_planned',
      'x',
      'concept_report',
    ]);
    expect(eventDetails(t.events[1])).toEqual([
      ['first_day', '2026-03-02'],
      ['last_day', '2026-03-03'],
    ]);
  });
});
