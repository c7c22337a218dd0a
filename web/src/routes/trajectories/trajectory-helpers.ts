// Pure helpers for the trajectory pages: which party a role speaks for, dates with their weekday, and
// the steps a party may record from the trajectory's open actions. The server decides (the home
// page's open actions come from GET /api/v1/me/actions); these only shape what it answered.
import type { Party, Role, Trajectory, TrajectoryAction, TrajectoryDeadline, TrajectoryEvent, TrajectoryState } from '../../api/client';
import type { MessageKey } from '../../i18n/nl';

/** The party a role records events for; the committee has none. */
export function partyOf(role: Role): Party | null {
  switch (role) {
    case 'member':
      return 'member';
    case 'ci-admin':
    case 'auditor':
      return 'ci';
    case 'secretariat':
      return 'secretariat';
    default:
      return null;
  }
}

export const TRAJECTORY_STATES: readonly TrajectoryState[] = [
  'self-evaluation',
  'requested',
  'declined',
  'accepted',
  'registered',
  'planned',
  'concept',
  'finalising',
  'plan',
  'additional-audit',
  'part-a',
  'certification',
  'certified',
  'negative',
  'withdrawn',
];

/** The dictionary key of a state's name ("toetsing gepland"), the same words as the server's. */
export function stateKey(state: TrajectoryState): MessageKey {
  return `trajectory.state.${state}` as MessageKey;
}

/** Today in the browser as YYYY-MM-DD (local calendar day, as the user sees it). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first open action of a trajectory (any party): the list's "next step". */
export function nextAction(trajectory: Trajectory): TrajectoryAction | null {
  return trajectory.actions[0] ?? null;
}

function parseIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "vrijdag 20 maart 2026" / "Friday 20 March 2026". */
export function formatDate(iso: string, language: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parseIso(iso));
}

/** A payload field a step's form asks for. */
export type StepField = 'reason' | 'first_day' | 'last_day' | 'date' | 'due' | 'days' | 'locations' | 'team' | 'previous_number' | 'previous_expires';

/** A step the signed-in party may record now: its event key and what its form asks for. */
export interface Step {
  event: string;
  fields: StepField[];
  /** Which fields must be filled in before sending. */
  required: StepField[];
}

// The events a form is offered for, with their payload (the server's payload_spec). Events whose
// payload is a verdict per norm or a certificate number are recorded on pages of their own.
const STEP_FORMS: Record<string, Omit<Step, 'event'>> = {
  self_evaluation_completed: { fields: [], required: [] },
  audit_requested: { fields: [], required: [] },
  audit_accepted: { fields: [], required: [] },
  audit_declined: { fields: ['reason'], required: [] },
  membership_confirmed: { fields: ['previous_number', 'previous_expires'], required: [] },
  audit_planned: { fields: ['first_day', 'last_day', 'days', 'locations', 'team'], required: ['first_day', 'last_day', 'team'] },
  last_audit_day: { fields: [], required: [] },
  concept_sent: { fields: [], required: [] },
  corrections_received: { fields: [], required: [] },
  plan_submitted: { fields: [], required: [] },
  revision_submitted: { fields: [], required: [] },
  plan_approved: { fields: [], required: [] },
  plan_rejected: { fields: ['reason'], required: [] },
  final_report_with_plans_sent: { fields: [], required: [] },
  next_steps_agreed: { fields: ['due', 'reason'], required: ['due'] },
  additional_audit_planned: { fields: ['date'], required: ['date'] },
  positive_advice: { fields: [], required: [] },
  negative_advice: { fields: ['reason'], required: [] },
  part_a_received: { fields: [], required: [] },
  receipt_confirmed: { fields: [], required: [] },
  part_a_found_incomplete: { fields: ['reason'], required: [] },
  part_a_returned: { fields: [], required: [] },
  part_a_resubmitted: { fields: [], required: [] },
};

// An open action stands for a choice between events: accepting or declining a request. A deadline's
// action (its key is the deadline's) is met by an event: the concept report by concept_sent (after the
// last audit day, when that is not recorded yet), the member's corrections by corrections_received.
const ALTERNATIVES: Record<string, string[]> = {
  audit_accepted: ['audit_accepted', 'audit_declined'],
  plan_approved: ['plan_approved', 'plan_rejected'],
  concept_report: ['last_audit_day', 'concept_sent'],
  factual_corrections: ['corrections_received'],
  // The improvement plan (issue 10): the CI assesses a plan or its revision (plan_approved is refused
  // while a norm is rejected or unassessed), after a second rejection records negative advice or an
  // agreed next step, and after approval sends the final report with the plans. The member submits
  // on the plan page, where the items are.
  plan_assessment: ['plan_approved', 'plan_rejected'],
  revision_assessment: ['plan_approved', 'plan_rejected'],
  next_steps_agreed: ['negative_advice', 'next_steps_agreed'],
  final_report_with_plans: ['final_report_with_plans_sent'],
};

/** The steps `party` may record now, from the trajectory's open actions (in their order). */
export function stepsFor(trajectory: Pick<Trajectory, 'actions'> & Partial<Pick<Trajectory, 'events'>>, party: Party | null): Step[] {
  if (!party) {
    return [];
  }
  const steps: Step[] = [];
  // Recorded once: the last audit day is not offered again.
  const seen = new Set<string>((trajectory.events ?? []).filter((e) => e.event === 'last_audit_day').map((e) => e.event));
  for (const action of trajectory.actions) {
    if (action.actor !== party) {
      continue;
    }
    for (const event of ALTERNATIVES[action.key] ?? [action.key]) {
      const form = STEP_FORMS[event];
      if (form && !seen.has(event)) {
        seen.add(event);
        steps.push({ event, ...form });
      }
    }
  }
  return steps;
}

/**
 * The form field a server error is about: "events[2].first_day" → "first_day". A bad date of the
 * event itself is named "events[2]" with code invalid_argument (a date after today) → "on".
 */
export function errorField(field: string | null, code: string | null, step: Step): StepField | 'on' | null {
  if (!field) {
    return null;
  }
  const last = field.split('.').at(-1) ?? field;
  if (last === 'on' || (/^events\[\d+\]$/.test(last) && code === 'invalid_argument')) {
    return 'on';
  }
  return (step.fields as string[]).includes(last) ? (last as StepField) : null;
}

/** The rule's reason without the log position the server puts first: "gebeurtenis 3 (audit_planned): de …" → "De …". */
export function reasonText(message: string): string {
  const stripped = message.replace(/^gebeurtenis \d+ \([a-z_]+\): /, '');
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

export type TimelineItem =
  | { kind: 'event'; date: string; event: TrajectoryEvent }
  | { kind: 'deadline'; date: string; deadline: TrajectoryDeadline };

/** Events (on their date) and deadlines (on their due date) in date order; on one day, what happened first. */
export function timelineItems(trajectory: Pick<Trajectory, 'events' | 'deadlines'>): TimelineItem[] {
  const items: TimelineItem[] = [
    ...(trajectory.events ?? []).map((event): TimelineItem => ({ kind: 'event', date: event.on, event })),
    ...trajectory.deadlines.map((deadline): TimelineItem => ({ kind: 'deadline', date: deadline.due, deadline })),
  ];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.date !== b.item.date) {
        return a.item.date < b.item.date ? -1 : 1;
      }
      if (a.item.kind !== b.item.kind) {
        return a.item.kind === 'event' ? -1 : 1;
      }
      return a.index - b.index;
    })
    .map(({ item }) => item);
}

/** The payload of an event worth showing on the timeline, as [field, value] pairs. */
export function eventDetails(event: TrajectoryEvent): [StepField | 'number', string][] {
  const shown: (StepField | 'number')[] = ['first_day', 'last_day', 'date', 'due', 'number', 'previous_number', 'previous_expires', 'reason'];
  return shown
    .filter((field) => typeof event[field] === 'string' && event[field] !== '')
    .map((field) => [field, String(event[field])]);
}
