// Peer pools over HTTP (issue 8 item 6, variant `peer`): the demo's pool of three members led by
// CI Toetsbureau, forming and editing pools (secretariat any, ci-admin its own CI's), the proposed
// visits where no member audits itself, one open pool per member, and who reads which pool.
// Also the demo's third member, whose self-evaluation is under way. SQLite, and PostgreSQL in
// api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, Client, USERS } from './server.mjs';

let server;
const c = {};
const ids = {};

before(async () => {
  server = await startServer();
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  c.member = await loggedIn(server.url, USERS.member);
  c.third = await loggedIn(server.url, USERS.thirdMember);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.auditor = await loggedIn(server.url, USERS.auditor);
  c.committee = await loggedIn(server.url, USERS.committee);
  const orgs = (await c.secretariat.get('/api/v1/organisations')).data.organisations;
  for (const o of orgs) ids[o.name] = o.id;
});

after(async () => {
  const result = await server.stop();
  assert.equal(result.code, 0);
});

function noneAuditsItself(pool) {
  for (const v of pool.visits) {
    assert.ok(!v.auditors.some((a) => a.id === v.audited.id), `${v.audited.name} audits itself`);
    assert.equal(v.auditors.length, 2);
    assert.equal(v.led_by.id, pool.ci.id);
  }
  assert.deepEqual(pool.visits.map((v) => v.audited.id).sort(), pool.members.map((m) => m.id).sort());
}

async function newMember(name, lidnummer) {
  const res = await c.secretariat.post('/api/v1/members', {
    name, lidnummer, kvk: '12345678', town: 'Amersfoort', member_from: '2020-01-01',
  });
  assert.equal(res.status, 201, res.text);
  return res.data.id;
}

test('the demo has a third member whose self-evaluation is under way', async () => {
  const list = await c.third.get('/api/v1/self-evaluations');
  assert.equal(list.status, 200, list.text);
  assert.equal(list.data.self_evaluations.length, 1);
  const [se] = list.data.self_evaluations;
  assert.equal(se.member.name, 'Stichting Buurtwerk Oost');
  assert.equal(se.state, 'open');
  const answered = se.progress.reduce((n, p) => n + p.answered, 0);
  const total = se.progress.reduce((n, p) => n + p.total, 0);
  assert.ok(answered > 0 && answered < total, `${answered} of ${total} answered`);
  assert.ok(se.started_on < new Date().toISOString().slice(0, 10), 'started before the seeding day');
  const member = await c.secretariat.get(`/api/v1/members/${ids['Stichting Buurtwerk Oost']}`);
  assert.equal(member.status, 200, member.text);
  assert.equal(member.data.active, true);
});

test('the demo pool: WijkKracht, Welzijn Samen and Buurtwerk Oost, led by CI Toetsbureau, A and B at C', async () => {
  const res = await c.secretariat.get('/api/v1/peer-pools');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.peer_pools.length, 1);
  const [pool] = res.data.peer_pools;
  assert.deepEqual(Object.keys(pool), ['id', 'name', 'ci', 'state', 'members', 'visits']);
  assert.equal(pool.state, 'open');
  assert.equal(pool.ci.name, 'CI Toetsbureau');
  assert.deepEqual(pool.members.map((m) => m.name), ['Stichting WijkKracht', 'Welzijn Samen', 'Stichting Buurtwerk Oost']);
  assert.deepEqual(
    pool.visits.map((v) => `${v.audited.name} <- ${v.auditors.map((a) => a.name).join(' + ')}`),
    [
      'Stichting WijkKracht <- Welzijn Samen + Stichting Buurtwerk Oost',
      'Welzijn Samen <- Stichting WijkKracht + Stichting Buurtwerk Oost',
      'Stichting Buurtwerk Oost <- Stichting WijkKracht + Welzijn Samen',
    ],
  );
  noneAuditsItself(pool);
  ids.demoPool = pool.id;
});

test('members of the pool read it and cannot change it; others get 404', async () => {
  for (const client of [c.member, c.third, c.ciAdmin]) {
    const one = await client.get(`/api/v1/peer-pools/${ids.demoPool}`);
    assert.equal(one.status, 200, one.text);
    assert.equal((await client.get('/api/v1/peer-pools')).data.peer_pools.length, 1);
  }
  const put = await c.member.request('PUT', `/api/v1/peer-pools/${ids.demoPool}`, {
    json: { name: 'Van mij', ci_id: ids['CI Toetsbureau'], members: [1, 2, 3] },
  });
  assert.equal(put.status, 403, put.text);
  // The CI's own team leader is no peer auditor of a member: the pool is not theirs to see.
  assert.equal((await c.auditor.get(`/api/v1/peer-pools/${ids.demoPool}`)).status, 404);
  assert.deepEqual((await c.auditor.get('/api/v1/peer-pools')).data.peer_pools, []);
  assert.equal((await c.committee.get('/api/v1/peer-pools')).status, 403);
  assert.equal((await new Client(server.url).get('/api/v1/peer-pools')).status, 401);
  assert.equal((await c.secretariat.get('/api/v1/peer-pools/987654')).status, 404);
});

test('fewer than three members is refused naming members; a member of an open pool cannot join another', async () => {
  const two = await c.secretariat.post('/api/v1/peer-pools', {
    name: 'Te klein', ci_id: ids['CI Toetsbureau'], members: [ids['Stichting WijkKracht'], ids['Welzijn Samen']],
  });
  assert.equal(two.status, 400, two.text);
  assert.equal(two.data.field, 'members');
  assert.match(two.data.message, /minstens drie leden/);
  const noName = await c.secretariat.post('/api/v1/peer-pools', { ci_id: ids['CI Toetsbureau'], members: [] });
  assert.equal(noName.status, 400);
  assert.equal(noName.data.field, 'name');
  const wrongType = await c.secretariat.post('/api/v1/peer-pools', { name: 'X', ci_id: ids['CI Toetsbureau'], members: 'a,b,c' });
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.data.field, 'members');

  const noord = await newMember('Wijkwerk Noord', 'SWN-2001');
  const taken = await c.secretariat.post('/api/v1/peer-pools', {
    name: 'Pool Noord', ci_id: ids['CI Toetsbureau'], members: [noord, ids['Welzijn Samen'], ids['Stichting WijkKracht']],
  });
  assert.equal(taken.status, 409, taken.text);
  assert.equal(taken.data.field, 'members');
  assert.match(taken.data.message, /Welzijn Samen zit al in de open pool/);
});

test('a ci-admin forms a pool for its own CI only; the visits rotate through the ring, never to oneself', async () => {
  const m = [];
  for (const [i, name] of ['Buurtzorg West', 'Welzijn Zuid', 'Samen Sterk', 'Kracht Centrum', 'Wijkteam Oost'].entries()) {
    m.push(await newMember(name, `SWN-30${i}`));
  }
  const otherCi = await c.secretariat.post('/api/v1/cis', {
    name: 'CI Elders', kvk: '87654321', town: 'Utrecht', iso17021_ea38_until: '2099-01-01',
    insured_until: '2099-01-01', complaints_procedure: true, framework_contract: false,
  });
  assert.equal(otherCi.status, 201, otherCi.text);
  const forOther = await c.ciAdmin.post('/api/v1/peer-pools', { name: 'Niet van mij', ci_id: otherCi.data.id, members: m.slice(0, 3) });
  assert.equal(forOther.status, 403, forOther.text);
  assert.equal(forOther.data.field, 'ci_id');

  const created = await c.ciAdmin.post('/api/v1/peer-pools', { name: 'Pool West', ci_id: ids['CI Toetsbureau'], members: m });
  assert.equal(created.status, 201, created.text);
  const pool = created.data;
  assert.equal(pool.members.length, 5);
  noneAuditsItself(pool);
  // Each member audits exactly twice.
  const audits = {};
  for (const v of pool.visits) for (const a of v.auditors) audits[a.id] = (audits[a.id] ?? 0) + 1;
  assert.deepEqual(Object.values(audits), [2, 2, 2, 2, 2]);
  assert.equal((await c.member.get(`/api/v1/peer-pools/${pool.id}`)).status, 404, 'WijkKracht is not in it');

  const handOver = await c.ciAdmin.request('PUT', `/api/v1/peer-pools/${pool.id}`, {
    json: { name: 'Pool West', ci_id: otherCi.data.id, members: m },
  });
  assert.equal(handOver.status, 403, handOver.text);

  // Closed: its members are free for a new pool.
  const closed = await c.ciAdmin.request('PUT', `/api/v1/peer-pools/${pool.id}`, {
    json: { name: 'Pool West 2026', ci_id: ids['CI Toetsbureau'], members: m, state: 'closed' },
  });
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.data.state, 'closed');
  assert.equal(closed.data.name, 'Pool West 2026');
  const next = await c.secretariat.post('/api/v1/peer-pools', { name: 'Pool West 2028', ci_id: otherCi.data.id, members: m.slice(0, 3) });
  assert.equal(next.status, 201, next.text);
  // The other CI's pool: the secretariat sees it, CI Toetsbureau's admin does not.
  assert.equal((await c.ciAdmin.get(`/api/v1/peer-pools/${next.data.id}`)).status, 404);
  assert.equal((await c.secretariat.get(`/api/v1/peer-pools/${next.data.id}`)).status, 200);
  const badState = await c.secretariat.request('PUT', `/api/v1/peer-pools/${next.data.id}`, {
    json: { name: 'X', ci_id: otherCi.data.id, members: m.slice(0, 3), state: 'dicht' },
  });
  assert.equal(badState.status, 400);
  assert.equal(badState.data.field, 'state');

  const candidates = await c.ciAdmin.get('/api/v1/peer-pool-candidates');
  assert.equal(candidates.status, 200, candidates.text);
  const byId = Object.fromEntries(candidates.data.members.map((x) => [x.id, x]));
  assert.deepEqual(byId[ids['Welzijn Samen']].open_pool, { id: ids.demoPool, name: 'Branchetoetsing Utrecht-Zwolle-Deventer' });
  assert.deepEqual(byId[m[0]].open_pool, { id: null, name: null }, "another CI's pool is not named to this CI");
  assert.equal(byId[m[4]].open_pool, null);
  assert.equal((await c.member.get('/api/v1/peer-pool-candidates')).status, 403);
});

test('every change to a pool is in the audit log', async () => {
  const created = await c.secretariat.get('/api/v1/audit-log?action=peer-pool.create');
  assert.ok(created.data.entries.length >= 3, created.text);
  assert.match(created.data.entries[0].subject, /^peer-pool:\d+$/);
  const updated = await c.secretariat.get('/api/v1/audit-log?action=peer-pool.update');
  assert.equal(updated.data.entries[0].actor_email, USERS.ciAdmin);
});
