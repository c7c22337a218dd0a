// Driving a trajectory through the route over the API, for tests that start after the audit:
// the demo's requested trajectory of Stichting WijkKracht is accepted, registered and planned,
// every norm gets a finding, the concept goes out, the member submits a remark that the CI
// rejects, and the findings become final with the verdicts asked for. Also: the same log seen by
// the core through the CLI (`sterklabel trajectory - --json`), to compare the API's view with.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { binary, loggedIn, USERS } from './server.mjs';

export function localDate(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const twoSources = [
  { kind: 'interview', function: 'jongerenwerker', department: 'Jeugd' },
  { kind: 'document', title: 'Jaarverslag 2025' },
];

// parties: the clients a route needs, logged in.
export async function parties(url, keys = ['member', 'ciAdmin', 'auditor', 'assessor', 'secretariat']) {
  const c = {};
  for (const key of keys) c[key] = await loggedIn(url, USERS[key]);
  return c;
}

export function record(client, id, event, fields = {}) {
  return client.post(`/api/v1/trajectories/${id}/events`, { event, on: localDate(), ...fields });
}

export async function recorded(client, id, event, fields = {}) {
  const res = await record(client, id, event, fields);
  assert.equal(res.status, 201, `${event}: ${res.text}`);
  return res.data;
}

// toAudit: the WijkKracht trajectory accepted, registered and planned with the demo's team leader and
// assessor on today: the findings can be written. Returns the trajectory id. `requestedId`: another
// requested trajectory of WijkKracht.
export async function toAudit(c, requestedId = undefined) {
  const list = (await c.ciAdmin.get('/api/v1/trajectories')).data.trajectories;
  const id = requestedId ?? list.find((t) => t.member.name === 'Stichting WijkKracht' && t.state === 'requested').id;
  await recorded(c.ciAdmin, id, 'audit_accepted');
  await recorded(c.secretariat, id, 'membership_confirmed');
  const auditors = (await c.ciAdmin.get('/api/v1/auditors')).data.auditors;
  const team = [
    { auditor_id: auditors.find((a) => a.email === USERS.auditor).id, role: 'team_leader' },
    { auditor_id: auditors.find((a) => a.email === USERS.assessor).id, role: 'assessor' },
  ];
  await recorded(c.ciAdmin, id, 'audit_planned', { first_day: localDate(), last_day: localDate(), team });
  return id;
}

// toFinalFindings: the WijkKracht trajectory with final findings; `verdictOf(code)` gives each
// norm's verdict. Returns the trajectory id. `requestedId`: another requested trajectory of WijkKracht.
export async function toFinalFindings(c, verdictOf, requestedId = undefined) {
  const id = await toAudit(c, requestedId);
  const norms = (await c.auditor.get('/api/v1/frameworks/2019')).data.norms.map((n) => n.code);
  for (const code of norms) {
    const saved = await c.auditor.put(`/api/v1/trajectories/${id}/findings/${code}`,
      { version: 0, verdict: verdictOf(code), text: `Bevindingen bij ${code}.`, sources: twoSources });
    assert.equal(saved.status, 200, saved.text);
  }
  await recorded(c.auditor, id, 'last_audit_day');
  await recorded(c.auditor, id, 'concept_sent');
  const remark = await c.member.post(`/api/v1/trajectories/${id}/remarks`, { target: norms[0], text: 'Feitelijke correctie.' });
  assert.equal(remark.status, 201, remark.text);
  await recorded(c.member, id, 'corrections_received');
  const decided = await c.auditor.post(`/api/v1/trajectories/${id}/remarks/${remark.data.id}/decision`,
    { decision: 'rejected', reason: 'Klopt zoals het er staat.' });
  assert.equal(decided.status, 200, decided.text);
  await recorded(c.auditor, id, 'findings_final');
  return id;
}

// coreView: the trajectory's log as the API shows it, evaluated by the core through the CLI.
export function coreView(trajectory, today = localDate()) {
  const events = trajectory.events.map(({ seq, recorded_by, ...event }) => event);
  const log = { framework: trajectory.framework, kind: trajectory.kind, events };
  if (trajectory.kind === 'recertification') log.previous_certificate = trajectory.previous_certificate;
  const out = execFileSync(binary(), ['trajectory', '-', '--json', '--today', today], { input: JSON.stringify(log) });
  return JSON.parse(out.toString());
}

// assertMatchesCore: state, scenario, advice, deadlines and actions of the API's view are the core's.
export async function assertMatchesCore(client, id, step) {
  const t = (await client.get(`/api/v1/trajectories/${id}`)).data;
  const core = coreView(t);
  for (const key of ['state', 'scenario', 'advice', 'deadlines', 'actions']) {
    assert.deepEqual(t[key], core[key], `${step}: ${key} differs from the core's`);
  }
  return t;
}
