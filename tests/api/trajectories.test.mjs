// Stored trajectories over HTTP (issue 8's backbone): each party sees its own, records its own
// steps, and the route's rules answer with their reason. Runs on SQLite, and on PostgreSQL in
// api_tests_pg. The demo seeds WijkKracht `requested` and Welzijn Samen `planned`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';

let server;
const c = {};

function localDate(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

before(async () => {
  server = await startServer();
  c.member = await loggedIn(server.url, USERS.member);
  c.otherMember = await loggedIn(server.url, USERS.otherMember);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.auditor = await loggedIn(server.url, USERS.auditor);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  c.committee = await loggedIn(server.url, USERS.committee);
});

after(async () => {
  await server.stop();
});

async function own(client) {
  const res = await client.get('/api/v1/trajectories');
  assert.equal(res.status, 200, res.text);
  return res.data.trajectories;
}

test('each party sees only the trajectories that are its own', async () => {
  const mine = await own(c.member);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].member.name, 'Stichting WijkKracht');
  assert.equal(mine[0].ci.name, 'CI Toetsbureau');
  assert.equal(mine[0].state, 'requested');
  assert.deepEqual(mine[0].actions.map((a) => [a.actor, a.key]), [['ci', 'audit_accepted']]);
  const theirs = await own(c.otherMember);
  assert.equal(theirs.length, 1);
  assert.equal(theirs[0].state, 'planned');
  // Buurtwerk Noord's audit with its final report is the third, De Brug's additional audit the fourth.
  assert.equal((await own(c.ciAdmin)).length, 4);
  assert.equal((await own(c.secretariat)).length, 4);
  // The demo team leader is on the teams of Welzijn Samen, Buurtwerk Noord and De Brug; WijkKracht's request is not its audit.
  const audits = await own(c.auditor);
  assert.deepEqual(audits.map((a) => a.member.name).sort(), ['Buurtwerk Noord', 'Welzijn Samen', 'Welzijnswerk De Brug']);
  assert.equal((await c.auditor.get(`/api/v1/trajectories/${mine[0].id}`)).status, 404);
  assert.equal((await c.committee.get('/api/v1/trajectories')).status, 403);
  // Another member's trajectory does not exist for this member (no existence leak).
  const hidden = await c.member.get(`/api/v1/trajectories/${theirs[0].id}`);
  assert.equal(hidden.status, 404);
  assert.equal((await c.member.get('/api/v1/trajectories/987654')).status, 404);
});

test('one trajectory has the CLI view plus its identity and events; ?today moves the statuses', async () => {
  const [planned] = await own(c.otherMember);
  const res = await c.otherMember.get(`/api/v1/trajectories/${planned.id}`);
  assert.equal(res.status, 200, res.text);
  const t = res.data;
  assert.deepEqual(Object.keys(t).slice(0, 7), ['id', 'member', 'ci', 'variant', 'framework', 'kind', 'state']);
  // The demo's certified members wait for their recertification (issue 11's demo register).
  assert.equal(t.kind, 'recertification');
  assert.equal(t.previous_certificate.status, 'suspended'); // Welzijn Samen's expired while its audit runs
  assert.deepEqual(t.events.map((e) => e.event),
    ['self_evaluation_completed', 'audit_requested', 'audit_accepted', 'membership_confirmed', 'audit_planned']);
  assert.equal(t.events[4].first_day, localDate(14));
  assert.deepEqual(t.events[4].team.map((m) => m.role), ['team_leader', 'assessor']);
  assert.deepEqual(t.planning.team.map((m) => [m.name, m.role, m.organisation.name]),
    [['Teamleider CI Toetsbureau', 'team_leader', 'CI Toetsbureau'], ['Beoordelaar CI Toetsbureau', 'assessor', 'CI Toetsbureau']]);
  assert.deepEqual(t.planning.locations, ['Stadsweg 3, Zwolle']);
  assert.equal(t.planning.first_day, localDate(14));
  assert.deepEqual(t.deadlines, []);
  // Three weeks on, the concept report is overdue for the CI (2 weeks after the last audit day).
  const later = await c.otherMember.get(`/api/v1/trajectories/${planned.id}?today=${localDate(31)}`);
  assert.equal(later.status, 200, later.text);
  assert.deepEqual(later.data.deadlines.map((d) => [d.key, d.actor, d.due, d.status]),
    [['concept_report', 'ci', localDate(29), 'overdue']]);
  const bad = await c.otherMember.get(`/api/v1/trajectories/${planned.id}?today=morgen`);
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'today');
});

test('the parties walk the route to a planned audit; the wrong party and the wrong step are refused', async () => {
  const [t] = await own(c.member);
  const path = `/api/v1/trajectories/${t.id}/events`;
  const notYours = await c.member.post(path, { event: 'audit_accepted', on: localDate() });
  assert.equal(notYours.status, 403, notYours.text);
  const tooEarly = await c.secretariat.post(path, { event: 'membership_confirmed', on: localDate() });
  assert.equal(tooEarly.status, 409, tooEarly.text);
  assert.match(tooEarly.data.message, /nadat de CI de aanvraag heeft geaccepteerd/);
  const future = await c.ciAdmin.post(path, { event: 'audit_accepted', on: localDate(1) });
  assert.equal(future.status, 400, future.text);

  const accepted = await c.ciAdmin.post(path, { event: 'audit_accepted', on: localDate() });
  assert.equal(accepted.status, 201, accepted.text);
  assert.equal(accepted.data.state, 'accepted');
  const registered = await c.secretariat.post(path, { event: 'membership_confirmed', on: localDate() });
  assert.equal(registered.status, 201, registered.text);
  assert.equal(registered.data.state, 'registered');
  // The CI plans, with the demo team (the team leader and assessor of CI Toetsbureau).
  const auditors = await c.ciAdmin.get('/api/v1/auditors');
  assert.equal(auditors.status, 200, auditors.text);
  const team = auditors.data.auditors.map((a) => ({ auditor_id: a.id, role: a.role }));
  // A recertification is not bound to the 12 months after the self-evaluation (an initial one is:
  // rule cases), but the days must still be in order.
  const backwards = await c.ciAdmin.post(path, { event: 'audit_planned', on: localDate(), first_day: localDate(21), last_day: localDate(20), team });
  assert.equal(backwards.status, 409, backwards.text);
  assert.match(backwards.data.message, /ligt vóór first_day/);
  const missing = await c.ciAdmin.post(path, { event: 'audit_planned', on: localDate(), first_day: localDate(20), team });
  assert.equal(missing.status, 400, missing.text);
  assert.match(missing.data.message, /last_day/);
  // Until the team is on it, an auditor does not see the trajectory, let alone plan it.
  const notYet = await c.auditor.post(path, { event: 'audit_planned', on: localDate(), first_day: localDate(20), last_day: localDate(21), team });
  assert.equal(notYet.status, 404, notYet.text);
  const planned = await c.ciAdmin.post(path, { event: 'audit_planned', on: localDate(), first_day: localDate(20), last_day: localDate(21), team });
  assert.equal(planned.status, 201, planned.text);
  assert.equal(planned.data.state, 'planned');
  assert.equal(planned.data.events.length, 5);
  assert.equal(typeof planned.data.events[4].recorded_by, 'number');
  assert.equal(planned.data.events[0].recorded_by, null, 'the demo seeded the first events');

  const log = await c.secretariat.get('/api/v1/audit-log?action=trajectory.event');
  assert.equal(log.status, 200, log.text);
  assert.ok(log.data.entries.some((e) => e.subject === `trajectory:${t.id}` && e.detail.startsWith('audit_planned op ')),
    JSON.stringify(log.data.entries));
});
