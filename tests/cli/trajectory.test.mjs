// `sterklabel trajectory`: where a trajectory stands, read from its event log, as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = process.env.STERK_BIN ?? 'build/sterklabel';
const EXAMPLES = join(process.env.STERK_SOURCE_DIR ?? '.', 'examples', 'trajectories');

function run(args, input) {
  const r = spawnSync(BIN, ['trajectory', ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function view(doc, today) {
  const r = run(['-', '--today', today, '--json'], JSON.stringify(doc));
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

function example(name) {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));
}

// The log as it stood on a date: only the events recorded by then.
function until(doc, date) {
  return { ...doc, events: doc.events.filter((e) => e.on <= date) };
}

const byKey = (deadlines, key) => deadlines.filter((d) => d.key === key);

test('scenario a: from self-evaluation to a certificate from its issue date', () => {
  const v = view(example('scenario-a.json'), '2026-04-27');
  assert.deepEqual(Object.keys(v).slice(0, 9),
    ['kind', 'state', 'scenario', 'advice', 'deadlines', 'certificate', 'previous_certificate', 'previous_check', 'actions']);
  assert.equal(v.kind, 'initial');
  assert.equal(v.state, 'certified');
  assert.equal(v.scenario, 'all-met');
  assert.equal(v.advice, 'positive');
  assert.deepEqual(v.certificate,
    { valid_from: '2026-04-27', valid_through: '2028-04-26', expires: '2028-04-27', issued: '2026-04-27', number: 'SSW-2026-0001' });
  assert.equal(v.previous_certificate, null);
  // The member let the correction window pass: it is closed and the final report ran from its end.
  assert.equal(byKey(v.deadlines, 'factual_corrections')[0].status, 'closed');
  assert.deepEqual(byKey(v.deadlines, 'final_report')[0],
    { key: 'final_report', actor: 'ci', after: 'factual_corrections', from: '2026-04-03', due: '2026-04-17',
      status: 'met', met_on: '2026-04-06', label: 'Definitief rapport na correctie feitelijke onjuistheden', source: 'B6 §8' });
  for (const d of v.deadlines) assert.ok(['met', 'closed'].includes(d.status), `${d.key} ${d.status}`);
  assert.deepEqual(v.actions, []);
});

test('scenario a seen while it ran: the state and who must act next', () => {
  const doc = example('scenario-a.json');
  assert.equal(view(until(doc, '2026-02-02'), '2026-02-03').state, 'requested');
  assert.deepEqual(view(until(doc, '2026-02-02'), '2026-02-03').actions.map((a) => [a.actor, a.key]), [['ci', 'audit_accepted']]);
  const concept = view(until(doc, '2026-03-20'), '2026-03-25');
  assert.equal(concept.state, 'concept');
  assert.deepEqual(concept.actions, [{ actor: 'member', key: 'factual_corrections',
    todo: 'Correctie feitelijke onjuistheden in het conceptrapport naar de CI', due: '2026-04-03', status: 'open' }]);
  // On its due date the action says so; the view computes it, no reader has to.
  assert.equal(view(until(doc, '2026-03-20'), '2026-04-03').actions[0].status, 'due-today');
  // The window ended unused: the CI's final report is due 2 weeks later, and overdue the day after.
  assert.deepEqual(view(until(doc, '2026-03-20'), '2026-04-18').actions.map((a) => [a.key, a.due, a.status]),
    [['final_report', '2026-04-17', 'overdue']]);
  const overdue = view(until(doc, '2026-04-06'), '2026-04-14');
  assert.equal(overdue.state, 'part-a');
  assert.equal(byKey(overdue.deadlines, 'part_a_to_secretariat')[0].status, 'overdue');
});

test('scenario b: a rejected plan, its revision overdue for the CI', () => {
  const v = view(example('scenario-b.json'), '2026-06-15');
  assert.equal(v.state, 'plan');
  assert.equal(v.scenario, 'plan-required');
  assert.equal(v.advice, null);
  assert.deepEqual(v.deadlines.map((d) => [d.key, d.status]), [
    ['concept_report', 'met'], ['factual_corrections', 'met'], ['final_report', 'met'],
    ['improvement_plan', 'met'], ['plan_assessment', 'met'], ['plan_revision', 'met'],
    ['revision_assessment', 'overdue']]);
  assert.deepEqual(v.actions.map((a) => [a.actor, a.key, a.due, a.status]), [['ci', 'revision_assessment', '2026-06-12', 'overdue']]);
});

test('scenario b: positive advice before the plan is approved is refused (exit 2)', () => {
  const doc = example('scenario-b.json');
  doc.events.push({ on: '2026-06-01', event: 'positive_advice' });
  const r = run(['-', '--today', '2026-06-15'], JSON.stringify(doc));
  assert.equal(r.code, 2);
  assert.match(r.err, /gebeurtenis 13 \(positive_advice\): in scenario b is het advies pas positief als de CI het verbeterplan heeft goedgekeurd/);
});

test('scenario c in a re-certification: suspended from expiry, renewed from the old expiry date', () => {
  const doc = example('scenario-c-renewal.json');
  const running = view(until(doc, '2026-08-12'), '2026-08-12');
  assert.equal(running.state, 'additional-audit');
  assert.equal(running.scenario, 'over-threshold');
  assert.deepEqual(running.previous_certificate,
    { status: 'suspended', expires: '2026-06-30', number: 'SSW-2024-0007', suspended_through: '2026-12-30' });
  assert.deepEqual(byKey(running.deadlines, 'additional_audit')[0],
    { key: 'additional_audit', actor: 'ci', after: 'certificate_expiry', from: '2026-06-30', due: '2026-12-30',
      status: 'open', label: 'Aanvullend onderzoek ter plekke (scenario c)', source: 'B6 §9c' });
  const done = view(doc, '2026-10-26');
  assert.equal(done.state, 'certified');
  assert.equal(done.advice, 'positive');
  assert.deepEqual(done.certificate,
    { valid_from: '2026-06-30', valid_through: '2028-06-29', expires: '2028-06-30', issued: '2026-10-26', number: 'SSW-2026-0042' });
  assert.equal(done.previous_certificate.status, 'superseded');
});

test('without a decision the suspended certificate lapses the day after the suspension', () => {
  const doc = until(example('scenario-c-renewal.json'), '2026-08-12');
  assert.equal(view(doc, '2026-12-30').previous_certificate.status, 'suspended');
  const lapsed = view(doc, '2026-12-31').previous_certificate;
  assert.equal(lapsed.status, 'lapsed');
  assert.equal(lapsed.lapsed_on, '2026-12-31');
});

test('text output names the state, the advice and each deadline with due date, weekday, status and source', () => {
  const r = run([join(EXAMPLES, 'scenario-b.json'), '--today', '2026-06-15']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Stand: verbeterplan \(plan\)/);
  assert.match(r.out, /Advies: nog niet gegeven/);
  assert.match(r.out, /Beoordeling aangepast verbeterplan door de CI \[revision_assessment, CI\]\n    uiterlijk vrijdag 2026-06-12 \(B6 §9b-ii, §9b-iii\) — te laat/);
  assert.match(r.out, /Conceptrapport \(deel A en B\) naar de organisatie \[concept_report, CI\]\n    uiterlijk dinsdag 2026-03-24 \(B6 §6\) — op tijd gedaan op 2026-03-20/);
  assert.match(r.out, /Wat vraagt nu actie\?\n  CI: Beoordeling aangepast verbeterplan door de CI, uiterlijk vrijdag 2026-06-12 \(te laat\)/);
});

test('today defaults to the real date', () => {
  const r = run([join(EXAMPLES, 'scenario-a.json'), '--json']);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).state, 'certified');
  const future = example('scenario-a.json');
  future.events.push({ on: '2999-01-01', event: 'trajectory_withdrawn' });
  const f = run(['-'], JSON.stringify(future));
  assert.equal(f.code, 2);
  assert.match(f.err, /gebeurtenis 12 \(trajectory_withdrawn\): de datum 2999-01-01 ligt na de peildatum/);
});

test('an impossible log exits 2 with a Dutch message naming the event position, key and reason', () => {
  const base = example('scenario-a.json');
  const withEvents = (events) => JSON.stringify({ ...base, events });
  const e = base.events;
  const cases = [
    [withEvents([e[0], { on: '2026-02-02', event: 'audit_asked' }]), /gebeurtenis 2 \(audit_asked\): onbekende gebeurtenis 'audit_asked'/],
    [withEvents([e[0], e[2]]), /gebeurtenis 2 \(audit_accepted\): er ligt geen aanvraag bij de CI/],
    [withEvents([e[1], e[0]]), /gebeurtenis 1 \(audit_requested\): een eerste certificering begint met de zelfevaluatie/],
    [withEvents([e[0], e[1], { ...e[2], on: '2026-01-20' }]), /gebeurtenis 3 \(audit_accepted\): staat niet in datumvolgorde/],
    [withEvents([{ ...e[0], on: '2026-02-30' }]), /gebeurtenis 1 \(self_evaluation_completed\): 'on' is geen datum/],
    [withEvents([e[0], e[1], e[2], e[3], { ...e[4], first_day: '2027-02-01', last_day: '2027-02-02' }]),
      /gebeurtenis 5 \(audit_planned\): de toetsing op 2027-02-01 ligt meer dan 12 maanden na de zelfevaluatie/],
    [withEvents([...e.slice(0, 6), { ...e[6], verdicts: { ...e[6].verdicts, VM1: undefined, XX9: '+' } }]),
      /gebeurtenis 7 \(findings_final\): onbekende normcode: XX9/],
    [withEvents([...e.slice(0, 6), { on: '2026-04-06', event: 'findings_final' }]), /gebeurtenis 7 \(findings_final\): 'verdicts' ontbreekt/],
    [JSON.stringify({ ...base, kind: 'renewal' }), /kind.*"initial" of "recertification"/],
    [JSON.stringify({ ...base, kind: 'recertification' }), /een hercertificering noemt het vorige certificaat/],
    ['{not json', /geen geldige JSON/],
  ];
  for (const [input, message] of cases) {
    const r = run(['-', '--today', '2026-12-01'], input);
    assert.equal(r.code, 2, `${message}: ${r.err}`);
    assert.match(r.err, message);
  }
  const badToday = run([join(EXAMPLES, 'scenario-a.json'), '--today', '2026-13-01']);
  assert.equal(badToday.code, 2);
  assert.match(badToday.err, /--today/);
});

test('advise reports a rubric that is wholly n.v.t. and n.v.t. on an always-applicable norm', () => {
  const verdicts = example('scenario-a.json').events[6].verdicts;
  for (let i = 1; i <= 11; i++) verdicts[`DV${i}`] = 'n.v.t.';
  const r = spawnSync(BIN, ['advise', '-'], { input: JSON.stringify({ framework: '2019', verdicts }), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Let op: geen positief advies mogelijk: in rubriek DV is elke norm n\.v\.t\./);
  assert.match(r.stdout, /n\.v\.t\. bij een norm die altijd van toepassing is: DV1, DV2, DV3, DV4, DV5, DV6, DV7, DV8, DV9/);
});
