// The auditors registry and the audit team at planning, over HTTP (issue 8, items 1 and 5): a
// ci-admin keeps its own CI's auditors, the secretariat all of them, a member puts its peer
// auditors forward; planning is refused naming the auditor when its B9 declaration is missing or
// it is tied to the audited member. Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';
import { tinyPdf, upload } from './files.mjs';

let server;
const c = {};
const orgs = {};

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
  const list = await c.secretariat.get('/api/v1/organisations');
  for (const org of list.data.organisations) {
    if (org.name === 'Stichting WijkKracht') orgs.wijkkracht = org.id;
    if (org.name === 'Welzijn Samen') orgs.welzijnSamen = org.id;
    if (org.name === 'CI Toetsbureau') orgs.ci = org.id;
  }
  const other = await c.secretariat.post('/api/v1/cis', {
    name: 'Andere CI', kvk: '87654321', town: 'Utrecht', iso17021_ea38_until: localDate(300),
    insured_until: localDate(300), complaints_procedure: true,
  });
  assert.equal(other.status, 201, other.text);
  orgs.otherCi = other.data.id;
});

after(async () => {
  await server.stop();
});

test('the demo: CI Toetsbureau\'s team leader and assessor, each seeing what is theirs', async () => {
  const mine = await c.ciAdmin.get('/api/v1/auditors');
  assert.equal(mine.status, 200, mine.text);
  assert.deepEqual(mine.data.auditors.map((a) => [a.name, a.role, a.organisation_name]), [
    ['Beoordelaar CI Toetsbureau', 'assessor', 'CI Toetsbureau'],
    ['Teamleider CI Toetsbureau', 'team_leader', 'CI Toetsbureau'],
  ]);
  for (const a of mine.data.auditors) {
    assert.ok(a.declaration_received_on < localDate(), a.declaration_received_on);
    assert.equal(typeof a.user_id, 'number', 'linked to its login');
  }
  // The team leader reads its own record and no other.
  const own = await c.auditor.get('/api/v1/auditors');
  assert.deepEqual(own.data.auditors.map((a) => a.email), ['teamleider@ci-toets.example']);
  const assessor = mine.data.auditors[0];
  assert.equal((await c.auditor.get(`/api/v1/auditors/${assessor.id}`)).status, 404);
  assert.equal((await c.auditor.get(`/api/v1/auditors/${own.data.auditors[0].id}`)).status, 200);
  assert.deepEqual((await c.member.get('/api/v1/auditors')).data.auditors, []);
  assert.equal((await c.committee.get('/api/v1/auditors')).status, 403);
  assert.equal((await c.secretariat.get('/api/v1/auditors')).data.auditors.length, 2);
});

test('a ci-admin adds and changes its own auditors; another CI\'s auditor does not exist for it', async () => {
  const ties = await c.ciAdmin.get('/api/v1/auditors/organisations');
  assert.equal(ties.status, 200, ties.text);
  assert.deepEqual(ties.data.organisations.map((o) => o.name), ['Stichting WijkKracht', 'Welzijn Samen', 'Stichting Buurtwerk Oost', 'Buurtwerk Noord', 'Welzijnswerk De Brug',
    // The demo register's members without logins (demo_certificates.cpp).
    'Stichting Buurtkracht Tilburg', 'Sociaal Werk De Kempen', 'Welzijn Aan Zee', 'Stichting Samen Sterk Arnhem',
    'Sociaal Werk Súdwest-Fryslân']);

  const bad = await c.ciAdmin.post('/api/v1/auditors', {
    name: '', email: 'geen-adres', role: 'assessor',
    ties: [{ organisation_id: orgs.welzijnSamen, kind: 'advises', from: '2026-01-01', until: '2025-01-01' }],
  });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.data.field, 'name');
  assert.match(bad.data.message, /Vul de naam van de auditor in\..*e-mailadres.*Band 1: de einddatum ligt vóór de begindatum\./);
  const badKind = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'X', email: 'x@ci-toets.example', role: 'assessor', ties: [{ organisation_id: orgs.welzijnSamen, kind: 'vriend', from: '2026-01-01' }],
  });
  assert.equal(badKind.status, 400);
  assert.equal(badKind.data.field, 'ties[0].kind');
  const future = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'X', email: 'x@ci-toets.example', role: 'assessor', declaration_received_on: localDate(1),
  });
  assert.equal(future.status, 400);
  assert.equal(future.data.field, 'declaration_received_on');
  const elsewhere = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'X', email: 'x@ci-toets.example', role: 'assessor', organisation_id: orgs.otherCi,
  });
  assert.equal(elsewhere.status, 403, elsewhere.text);
  const peer = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'X', email: 'x@ci-toets.example', role: 'peer', organisation_id: orgs.wijkkracht,
  });
  assert.equal(peer.status, 403, peer.text);

  const created = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'Anouk Assessor', email: 'Anouk@CI-Toets.example', role: 'assessor', declaration_received_on: localDate(-3),
    ties: [{ organisation_id: orgs.welzijnSamen, kind: 'advises', from: '2024-01-01', until: null }],
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.email, 'anouk@ci-toets.example');
  assert.equal(created.data.organisation_id, orgs.ci, 'the ci-admin\'s own CI by default');
  assert.equal(created.data.user_id, null);
  assert.deepEqual(created.data.ties.map((t) => [t.organisation_name, t.kind, t.from, t.until]),
    [['Welzijn Samen', 'advises', '2024-01-01', null]]);
  const changed = await c.ciAdmin.request('PUT', `/api/v1/auditors/${created.data.id}`, {
    json: { ...created.data, id: undefined, organisation_name: undefined, ties: [], active: false },
  });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.data.ties, []);
  assert.equal(changed.data.active, false);

  // The secretariat manages every CI's auditors; to CI Toetsbureau's admin the other one is not there.
  const theirs = await c.secretariat.post('/api/v1/auditors', {
    name: 'Olga Ander', email: 'olga@andere-ci.example', role: 'team_leader', organisation_id: orgs.otherCi,
    declaration_received_on: localDate(-10),
  });
  assert.equal(theirs.status, 201, theirs.text);
  assert.equal((await c.ciAdmin.get(`/api/v1/auditors/${theirs.data.id}`)).status, 404);
  const put = await c.ciAdmin.request('PUT', `/api/v1/auditors/${theirs.data.id}`,
    { json: { name: 'Olga', email: 'olga@andere-ci.example', role: 'team_leader' } });
  assert.equal(put.status, 404, put.text);
  assert.ok(!(await c.ciAdmin.get('/api/v1/auditors')).data.auditors.some((a) => a.id === theirs.data.id));
  assert.equal((await c.ciAdmin.get('/api/v1/auditors/987654')).status, 404);

  const log = await c.secretariat.get('/api/v1/audit-log?action=auditor.create');
  assert.ok(log.data.entries.some((e) => e.subject === `auditor:${created.data.id}` && e.actor_email === USERS.ciAdmin),
    log.text);
});

test('the signed declaration is uploaded to the documents store; only an own document can be named', async () => {
  const uploaded = await upload(c.ciAdmin, 'verklaring-b9.pdf', tinyPdf(), 'application/pdf');
  assert.equal(uploaded.status, 201, uploaded.text);
  const withDocument = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'Dirk Document', email: 'dirk@ci-toets.example', role: 'assessor', declaration_received_on: localDate(-1),
    declaration_document_id: uploaded.data.id,
  });
  assert.equal(withDocument.status, 201, withDocument.text);
  assert.equal(withDocument.data.declaration_document_id, uploaded.data.id);
  assert.equal((await c.ciAdmin.get(`/api/v1/documents/${uploaded.data.id}/meta`)).status, 200);
  // A document of another organisation (here: a member's) cannot be passed off as the declaration.
  const theirs = await upload(c.member, 'iets.pdf', tinyPdf(), 'application/pdf');
  assert.equal(theirs.status, 201, theirs.text);
  const foreign = await c.ciAdmin.post('/api/v1/auditors', {
    name: 'Dirk Ander', email: 'dirk2@ci-toets.example', role: 'assessor', declaration_document_id: theirs.data.id,
  });
  assert.equal(foreign.status, 400, foreign.text);
  assert.equal(foreign.data.field, 'declaration_document_id');
});

test('a member puts its peer auditor forward; the secretariat records the declaration', async () => {
  const withDeclaration = await c.member.post('/api/v1/auditors', {
    name: 'Piet Peer', email: 'piet@wijkkracht.example', role: 'peer', declaration_received_on: localDate(-1),
  });
  assert.equal(withDeclaration.status, 403, withDeclaration.text);
  assert.equal(withDeclaration.data.field, 'declaration_received_on');
  const assessor = await c.member.post('/api/v1/auditors', { name: 'Piet', email: 'piet@wijkkracht.example', role: 'assessor' });
  assert.equal(assessor.status, 403);
  const peer = await c.member.post('/api/v1/auditors', { name: 'Piet Peer', email: 'piet@wijkkracht.example', role: 'peer' });
  assert.equal(peer.status, 201, peer.text);
  assert.equal(peer.data.organisation_id, orgs.wijkkracht);
  assert.deepEqual((await c.member.get('/api/v1/auditors')).data.auditors.map((a) => a.name), ['Piet Peer']);
  assert.equal((await c.otherMember.get(`/api/v1/auditors/${peer.data.id}`)).status, 404);
  assert.equal((await c.ciAdmin.get(`/api/v1/auditors/${peer.data.id}`)).status, 404, 'not on one of its teams');
  const recorded = await c.secretariat.request('PUT', `/api/v1/auditors/${peer.data.id}`, {
    json: { name: 'Piet Peer', email: 'piet@wijkkracht.example', role: 'peer', organisation_id: orgs.wijkkracht,
      declaration_received_on: localDate(-1) },
  });
  assert.equal(recorded.status, 200, recorded.text);
  assert.equal(recorded.data.declaration_received_on, localDate(-1));
});

test('planning names the auditor without a declaration or with a tie; a valid team is planned and shown', async () => {
  const [t] = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const path = `/api/v1/trajectories/${t.id}/events`;
  assert.equal((await c.ciAdmin.post(path, { event: 'audit_accepted', on: localDate() })).status, 201);
  assert.equal((await c.secretariat.post(path, { event: 'membership_confirmed', on: localDate() })).status, 201);

  const add = async (body) => {
    const res = await c.ciAdmin.post('/api/v1/auditors', body);
    assert.equal(res.status, 201, res.text);
    return res.data.id;
  };
  const without = await add({ name: 'Sanne Zonder', email: 'sanne@ci-toets.example', role: 'assessor' });
  const tied = await add({
    name: 'Tim Gebonden', email: 'tim@ci-toets.example', role: 'assessor', declaration_received_on: localDate(-5),
    ties: [{ organisation_id: orgs.wijkkracht, kind: 'works_for', from: '2023-05-01' }],
  });
  const all = (await c.ciAdmin.get('/api/v1/auditors')).data.auditors;
  const leader = all.find((a) => a.role === 'team_leader').id;
  const assessor = all.find((a) => a.email === 'beoordelaar@ci-toets.example').id;
  const plan = (team) => c.ciAdmin.post(path, { event: 'audit_planned', on: localDate(), first_day: localDate(20),
    last_day: localDate(21), team, locations: ['Wijkplein 12, Utrecht'], days: 2.5 });

  const noTeam = await plan([]);
  assert.equal(noTeam.status, 409, noTeam.text);
  assert.equal(noTeam.data.field, 'team');
  assert.equal(noTeam.data.message, 'Het toetsteam heeft een teamleider van CI Toetsbureau nodig.');
  const noDeclaration = await plan([{ auditor_id: leader, role: 'team_leader' }, { auditor_id: without, role: 'assessor' }]);
  assert.equal(noDeclaration.status, 409, noDeclaration.text);
  assert.equal(noDeclaration.data.field, 'team');
  assert.equal(noDeclaration.data.message,
    'Voor Sanne Zonder is geen ondertekende gedragscode en geheimhoudingsverklaring (B9) ontvangen vóór de eerste toetsdag.');
  const withTie = await plan([{ auditor_id: leader, role: 'team_leader' }, { auditor_id: tied, role: 'assessor' }]);
  assert.equal(withTie.status, 409, withTie.text);
  assert.equal(withTie.data.message, 'Tim Gebonden werkt voor Stichting WijkKracht en mag deze organisatie niet toetsen.');
  const badRole = await plan([{ auditor_id: leader, role: 'baas' }]);
  assert.equal(badRole.status, 400, badRole.text);

  // The candidates say the same before the CI tries.
  const candidates = await c.ciAdmin.get(`/api/v1/trajectories/${t.id}/team-candidates?first_day=${localDate(20)}&last_day=${localDate(21)}`);
  assert.equal(candidates.status, 200, candidates.text);
  const byName = Object.fromEntries(candidates.data.candidates.map((x) => [x.name, x]));
  assert.equal(byName['Teamleider CI Toetsbureau'].eligible, true);
  assert.equal(byName['Sanne Zonder'].eligible, false);
  assert.match(byName['Tim Gebonden'].reasons.join(' '), /werkt voor Stichting WijkKracht/);
  assert.ok(!('Olga Ander' in byName), 'another CI\'s auditors are not offered');
  assert.equal((await c.member.get(`/api/v1/trajectories/${t.id}/team-candidates`)).status, 403);
  assert.equal((await c.auditor.get(`/api/v1/trajectories/${t.id}/team-candidates`)).status, 403);

  assert.equal((await c.auditor.get(`/api/v1/trajectories/${t.id}`)).status, 404, 'not on its team yet');
  const planned = await plan([{ auditor_id: leader, role: 'team_leader' }, { auditor_id: assessor, role: 'assessor' }]);
  assert.equal(planned.status, 201, planned.text);
  assert.equal(planned.data.state, 'planned');
  assert.deepEqual(planned.data.planning.team.map((m) => [m.name, m.role]),
    [['Teamleider CI Toetsbureau', 'team_leader'], ['Beoordelaar CI Toetsbureau', 'assessor']]);
  assert.deepEqual(planned.data.planning.locations, ['Wijkplein 12, Utrecht']);
  assert.equal(planned.data.planning.days, 2.5);
  assert.deepEqual(planned.data.events.at(-1).team, [{ auditor_id: leader, role: 'team_leader' }, { auditor_id: assessor, role: 'assessor' }]);
  // Now on the team: the team leader sees it among its audits.
  assert.equal((await c.auditor.get(`/api/v1/trajectories/${t.id}`)).status, 200);
  const audits = (await c.auditor.get('/api/v1/trajectories')).data.trajectories;
  assert.ok(audits.some((a) => a.id === t.id));
});
