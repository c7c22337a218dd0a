// The registries of members and CIs over HTTP: the secretariat keeps them, a member reads its own
// entry, everyone signed in reads the CIs and whether each can be chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';

let server;
const c = {};

before(async () => {
  server = await startServer();
  c.member = await loggedIn(server.url, USERS.member);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
});

after(async () => {
  await server.stop();
});

const NEW_MEMBER = {
  name: 'Stichting Buurtkracht', lidnummer: 'SWN-1099', kvk: '12345678', address: 'Dorpsstraat 1',
  postcode: '1234 AB', town: 'Amersfoort', contact_person: 'Sanne Bakker', phone: '033 111 22 33',
  email: 'info@buurtkracht.example', website: 'https://buurtkracht.example', member_from: '2020-01-01',
};

test('the demo registry: members with an active membership, a CI that can be chosen', async () => {
  const members = await c.secretariat.get('/api/v1/members');
  assert.equal(members.status, 200, members.text);
  const wk = members.data.members.find((m) => m.lidnummer === 'SWN-1001');
  assert.equal(wk.name, 'Stichting WijkKracht');
  assert.equal(wk.kvk, '41178322');
  assert.equal(wk.active, true);
  assert.equal(wk.inactive_reason, null);
  const cis = await c.member.get('/api/v1/cis');
  assert.equal(cis.status, 200, cis.text);
  const ci = cis.data.cis.find((x) => x.name === 'CI Toetsbureau');
  assert.equal(ci.eligible, true);
  assert.deepEqual(ci.lapsed, []);
  assert.equal(ci.tariff_code, 'CIIO');
  // A member reads its own entry, not another's.
  assert.equal((await c.member.get(`/api/v1/members/${wk.id}`)).status, 200);
  const other = members.data.members.find((m) => m.lidnummer === 'SWN-1002');
  assert.equal((await c.member.get(`/api/v1/members/${other.id}`)).status, 403);
  assert.equal((await c.member.get('/api/v1/members')).status, 403);
});

test('the secretariat adds and changes a member; every field error is named in Dutch', async () => {
  const bad = await c.secretariat.post('/api/v1/members', { ...NEW_MEMBER, kvk: '123', member_until: '2019-01-01' });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.data.field, 'kvk');
  assert.match(bad.data.message, /Een KvK-nummer heeft 8 cijfers\..*Het lidmaatschap kan niet eindigen vóór het begint\./);
  const notADate = await c.secretariat.post('/api/v1/members', { ...NEW_MEMBER, member_from: '1-1-2020' });
  assert.equal(notADate.status, 400);
  assert.equal(notADate.data.field, 'member_from');
  assert.equal((await c.member.post('/api/v1/members', NEW_MEMBER)).status, 403);

  const created = await c.secretariat.post('/api/v1/members', NEW_MEMBER);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.active, true);
  const ended = await c.secretariat.request('PUT', `/api/v1/members/${created.data.id}`,
    { json: { ...NEW_MEMBER, member_until: '2021-12-31' } });
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.data.active, false);
  assert.equal(ended.data.inactive_reason, 'Het lidmaatschap is geëindigd op 2021-12-31.');
  const log = await c.secretariat.get('/api/v1/audit-log?action=member.update');
  assert.ok(log.data.entries.some((e) => e.subject === `organisation:${created.data.id}`), log.text);
});

test('a CI whose insurance has lapsed cannot be chosen, and the registry says why', async () => {
  const created = await c.secretariat.post('/api/v1/cis', {
    name: 'Keurmerk Toetsing', kvk: '87654321', town: 'Utrecht', iso17021_ea38_until: '2099-01-01',
    insured_until: '2020-01-01', complaints_procedure: true, framework_contract: false,
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.eligible, false);
  assert.deepEqual(created.data.lapsed, ['geen geldige verzekering']);
  const typo = await c.secretariat.post('/api/v1/cis', { name: 'X', kvk: '87654321', town: 'U', complaints_procedure: 'ja' });
  assert.equal(typo.status, 400);
  assert.equal(typo.data.field, 'complaints_procedure');
  assert.equal((await c.ciAdmin.request('PUT', `/api/v1/cis/${created.data.id}`, { json: { name: 'X' } })).status, 403);
});

function localDate(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a member requests an audit from an eligible CI; the rules refuse what they must, naming why', async () => {
  const cis = (await c.member.get('/api/v1/cis')).data.cis;
  const toets = cis.find((x) => x.name === 'CI Toetsbureau');
  const request = {
    ci_id: toets.id, variant: 'ci', self_evaluation_completed_on: localDate(-30),
    fte: { professionals_employed: 12.5, management_support: 2 }, scope: { whole: true },
  };
  const running = await c.member.post('/api/v1/trajectories', request);
  assert.equal(running.status, 409, running.text);
  assert.match(running.data.message, /Er loopt al een traject \(toetsing aangevraagd\)/);
  assert.equal((await c.ciAdmin.post('/api/v1/trajectories', request)).status, 403);

  const [mine] = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const withdrawn = await c.member.post(`/api/v1/trajectories/${mine.id}/events`,
    { event: 'trajectory_withdrawn', on: localDate(), reason: 'andere CI' });
  assert.equal(withdrawn.status, 201, withdrawn.text);
  assert.equal(withdrawn.data.state, 'withdrawn');

  const badVariant = await c.member.post('/api/v1/trajectories', { ...request, variant: 'iso' });
  assert.equal(badVariant.status, 400);
  assert.equal(badVariant.data.field, 'variant');
  const noFte = await c.member.post('/api/v1/trajectories', { ...request, fte: {} });
  assert.equal(noFte.status, 400);
  assert.equal(noFte.data.field, 'fte');
  const stale = await c.member.post('/api/v1/trajectories', { ...request, self_evaluation_completed_on: localDate(-400) });
  assert.equal(stale.status, 409, stale.text);
  assert.match(stale.data.message, /een nieuwe zelfevaluatie is nodig/);
  const lapsed = cis.find((x) => x.name === 'Keurmerk Toetsing');
  const notEligible = await c.member.post('/api/v1/trajectories', { ...request, ci_id: lapsed.id });
  assert.equal(notEligible.status, 409, notEligible.text);
  assert.equal(notEligible.data.field, 'ci_id');
  assert.equal(notEligible.data.message, 'Keurmerk Toetsing kan nu niet gekozen worden: geen geldige verzekering.');

  const created = await c.member.post('/api/v1/trajectories', request);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.state, 'requested');
  assert.equal(created.data.variant, 'ci');
  assert.equal(created.data.ci.name, 'CI Toetsbureau');
  assert.deepEqual(created.data.events.map((e) => [e.event, e.on]),
    [['self_evaluation_completed', localDate(-30)], ['audit_requested', localDate()]]);
  assert.deepEqual(created.data.actions.map((a) => [a.actor, a.key]), [['ci', 'audit_accepted']]);
});

test('the estimate gives the days for the scope and the cost at each CI that can be chosen', async () => {
  const res = await c.member.get('/api/v1/estimate?fte=12,5&variant=ci');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.band, '11-20');
  assert.equal(res.data.days, 2.5);
  const toets = res.data.per_ci.find((x) => x.name === 'CI Toetsbureau');
  assert.equal(toets.estimate.ci, 'CIIO');
  assert.equal(toets.estimate.cost_eur, 3000);
  assert.equal(toets.estimate.travel_note, 'plus reiskosten € 0,45 per km');
  // The CI with lapsed insurance is not offered.
  assert.equal(res.data.per_ci.some((x) => x.name === 'Keurmerk Toetsing'), false);
  const bad = await c.member.get('/api/v1/estimate?fte=0&variant=ci');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'fte');
  const badVariant = await c.member.get('/api/v1/estimate?fte=5&variant=iso');
  assert.equal(badVariant.status, 400);
  assert.equal(badVariant.data.field, 'variant');
});
