// The route up to a planned audit for the variants beside `ci` (issue 8, "Tests and figures"):
// `peer` (intercollegiale toetsing: the CI's team leader with branchetoetsers of other members of
// the pool, never of the audited member) and `combi` (a CI audit combined with ISO/HKZ: the CI's
// own team only). Each party records its own step; the planning check names the auditor it
// refuses. Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';

let server;
const c = {};
const ids = {};

function localDate(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

before(async () => {
  server = await startServer();
  for (const [key, email] of Object.entries(USERS)) c[key] = await loggedIn(server.url, email);
  for (const org of (await c.secretariat.get('/api/v1/organisations')).data.organisations) {
    if (org.name === 'Stichting WijkKracht') ids.wijkkracht = org.id;
    if (org.name === 'Welzijn Samen') ids.welzijnSamen = org.id;
    if (org.name === 'CI Toetsbureau') ids.ci = org.id;
  }
  const leader = (await c.ciAdmin.get('/api/v1/auditors')).data.auditors.find((a) => a.role === 'team_leader');
  ids.leader = leader.id;
  ids.assessor = (await c.ciAdmin.get('/api/v1/auditors')).data.auditors.find((a) => a.role === 'assessor').id;
});

after(async () => {
  await server.stop();
});

// request: the member asks CI Toetsbureau for an audit in `variant`; the CI accepts and the
// secretariat confirms the membership, each as its own party. The trajectory, registered.
async function requestedAndRegistered(member, variant) {
  const created = await member.post('/api/v1/trajectories', {
    ci_id: ids.ci, variant, self_evaluation_completed_on: localDate(-20),
    fte: { professionals_employed: 30, management_support: 4 }, scope: { whole: true },
    preferred_period: { from: localDate(20), until: localDate(50) },
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.variant, variant);
  assert.equal(created.data.state, 'requested');
  const path = `/api/v1/trajectories/${created.data.id}/events`;
  assert.equal((await member.post(path, { event: 'audit_accepted', on: localDate() })).status, 403, 'the CI accepts, not the member');
  assert.equal((await c.ciAdmin.post(path, { event: 'audit_accepted', on: localDate() })).status, 201);
  const confirmed = await c.secretariat.post(path, { event: 'membership_confirmed', on: localDate() });
  assert.equal(confirmed.status, 201, confirmed.text);
  assert.equal(confirmed.data.state, 'registered');
  return created.data.id;
}

async function peerAuditor(name, memberId, declared = true) {
  const res = await c.secretariat.post('/api/v1/auditors', {
    name, email: `${name.split(' ')[0].toLowerCase()}@leden.example`, role: 'peer', organisation_id: memberId,
    ...(declared ? { declaration_received_on: localDate(-10) } : {}),
  });
  assert.equal(res.status, 201, res.text);
  return res.data.id;
}

function plan(id, team) {
  return c.ciAdmin.post(`/api/v1/trajectories/${id}/events`, {
    event: 'audit_planned', on: localDate(), first_day: localDate(25), last_day: localDate(26), team,
  });
}

test('peer: led by the CI with a branchetoetser of another member, never one of the audited member', async () => {
  // WijkKracht's demo request was for variant ci: it withdraws it and asks for a peer audit.
  const [running] = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const withdrawn = await c.member.post(`/api/v1/trajectories/${running.id}/events`,
    { event: 'trajectory_withdrawn', on: localDate(), reason: 'wij doen mee met de pool' });
  assert.equal(withdrawn.status, 201, withdrawn.text);
  const id = await requestedAndRegistered(c.member, 'peer');

  // The demo pool proposes who audits WijkKracht: the other two members, led by the CI.
  const [pool] = (await c.member.get('/api/v1/peer-pools')).data.peer_pools;
  const visit = pool.visits.find((v) => v.audited.id === ids.wijkkracht);
  assert.deepEqual(visit.auditors.map((a) => a.id).sort(), pool.members.map((m) => m.id).filter((m) => m !== ids.wijkkracht).sort());
  assert.equal(visit.led_by.id, ids.ci);

  const own = await peerAuditor('Ria Eigenlid', ids.wijkkracht);
  const other = await peerAuditor('Piet Anderlid', ids.welzijnSamen);
  const undeclared = await peerAuditor('Kees Zonderverklaring', ids.welzijnSamen, false);

  const withoutPeer = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }]);
  assert.equal(withoutPeer.status, 409, withoutPeer.text);
  assert.equal(withoutPeer.data.field, 'team');
  assert.match(withoutPeer.data.message, /minstens één branchetoetser/);

  const ownOrganisation = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }, { auditor_id: own, role: 'peer' }]);
  assert.equal(ownOrganisation.status, 409, ownOrganisation.text);
  assert.match(ownOrganisation.data.message, /^Ria Eigenlid .*Stichting WijkKracht en mag deze organisatie niet toetsen\.$/);

  const noDeclaration = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }, { auditor_id: undeclared, role: 'peer' }]);
  assert.equal(noDeclaration.status, 409, noDeclaration.text);
  assert.match(noDeclaration.data.message, /^Voor Kees Zonderverklaring is geen ondertekende gedragscode/);

  const peerAsLeader = await plan(id, [{ auditor_id: other, role: 'team_leader' }]);
  assert.equal(peerAsLeader.status, 409, peerAsLeader.text);

  const planned = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }, { auditor_id: other, role: 'peer' }]);
  assert.equal(planned.status, 201, planned.text);
  assert.equal(planned.data.state, 'planned');
  assert.deepEqual(planned.data.planning.team.map((m) => [m.name, m.role]),
    [['Teamleider CI Toetsbureau', 'team_leader'], ['Piet Anderlid', 'peer']]);
  // Nothing refused was written: the log holds one audit_planned.
  assert.equal(planned.data.events.filter((e) => e.event === 'audit_planned').length, 1);
});

test('combi (with ISO/HKZ): the CI\'s own team; a branchetoetser is refused, naming them', async () => {
  const id = await requestedAndRegistered(c.thirdMember, 'combi-iso-hkz');
  const peer = await peerAuditor('Bert Branche', ids.welzijnSamen);

  const withPeer = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }, { auditor_id: peer, role: 'peer' }]);
  assert.equal(withPeer.status, 409, withPeer.text);
  assert.match(withPeer.data.message, /^Bert Branche is branchetoetser; branchetoetsers toetsen alleen mee bij intercollegiale toetsing/);

  const planned = await plan(id, [{ auditor_id: ids.leader, role: 'team_leader' }, { auditor_id: ids.assessor, role: 'assessor' }]);
  assert.equal(planned.status, 201, planned.text);
  assert.equal(planned.data.variant, 'combi-iso-hkz');
  assert.equal(planned.data.state, 'planned');
  // The third member sees its planned audit, the other members do not see it at all.
  assert.equal((await c.thirdMember.get(`/api/v1/trajectories/${id}`)).data.state, 'planned');
  assert.equal((await c.member.get(`/api/v1/trajectories/${id}`)).status, 404);
});
