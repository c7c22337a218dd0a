// Every read of the findings and of Part B leaves an entry in the audit log (issue "Evidence",
// item 4): as JSON and as PDF, by the member, by the CI's administrator and team leader, and by the
// secretariat once it asked with a reason; a read that shows no Part B (Part A's PDF, the
// secretariat before its request) leaves none. Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, USERS } from './server.mjs';
import { parties, toFinalFindings } from './flow.mjs';

let server;
let c;
let id;

before(async () => {
  server = await startServer();
  c = await parties(server.url, ['member', 'ciAdmin', 'auditor', 'assessor', 'secretariat']);
  id = await toFinalFindings(c, () => '+');
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
});

// entries: the log's entries of `action` by `email` about this trajectory.
async function entries(action, email) {
  const res = await c.secretariat.get(`/api/v1/audit-log?action=${action}&limit=500`);
  assert.equal(res.status, 200, res.text);
  return res.data.entries.filter((e) => e.actor_email === email && e.subject === `trajectory:${id}`);
}

// reads: does `path` read by `who` answer 200 and add exactly `logged` entries of `action`?
async function reads(who, path, action, logged) {
  const before = (await entries(action, USERS[who])).length;
  const res = await fetch(`${server.url}/api/v1/trajectories/${id}/${path}`, { headers: { cookie: `sterk_session=${c[who].cookie}` } });
  await res.arrayBuffer();
  const after = (await entries(action, USERS[who])).length;
  return { status: res.status, added: after - before, expected: logged };
}

test('findings and Part B, as JSON and PDF, read by the member and the CI: each read is logged', async () => {
  const failures = [];
  for (const who of ['member', 'ciAdmin', 'auditor']) {
    for (const [path, action] of [['findings', 'report.findings.read'], ['report', 'report.part-b.read'],
      ['report?version=2', 'report.part-b.read'], ['report.pdf?part=B', 'report.part-b.read'],
      ['report.pdf?part=B&version=1', 'report.part-b.read']]) {
      for (let i = 0; i < 2; i += 1) {
        const r = await reads(who, path, action, 1);
        if (r.status !== 200 || r.added !== 1) failures.push(`${who} ${path} (read ${i + 1}): ${r.status}, ${r.added} entries`);
      }
    }
    // Part A's PDF shows no findings.
    const partA = await reads(who, 'report.pdf?part=A', 'report.part-b.read', 0);
    if (partA.status !== 200 || partA.added !== 0) failures.push(`${who} Part A PDF: ${partA.status}, ${partA.added} Part B entries`);
  }
  assert.deepEqual(failures, []);
});

test('the secretariat: no Part B and no entry before its request; after it every read is logged', async () => {
  const json = await reads('secretariat', 'report', 'report.part-b.read', 0);
  assert.deepEqual([json.status, json.added], [200, 0]);
  const pdf = await reads('secretariat', 'report.pdf?part=B', 'report.part-b.read', 0);
  assert.equal(pdf.status, 403);
  assert.equal(pdf.added, 0);
  const findings = await reads('secretariat', 'findings', 'report.findings.read', 0);
  assert.deepEqual([findings.status, findings.added], [403, 0]);

  const asked = await c.secretariat.post(`/api/v1/trajectories/${id}/part-b-requests`, { reason: 'Klacht over de toetsing' });
  assert.equal(asked.status, 201, asked.text);
  const request = await c.secretariat.get(`/api/v1/audit-log?limit=500`);
  assert.ok(request.data.entries.some((e) => e.actor_email === USERS.secretariat && e.subject === `trajectory:${id}`
    && e.detail.includes('Klacht over de toetsing')), 'the request and its reason are logged');
  for (const path of ['report', 'report.pdf?part=B', 'report.pdf?part=B&version=1']) {
    const r = await reads('secretariat', path, 'report.part-b.read', 1);
    assert.deepEqual([r.status, r.added], [200, 1], path);
  }
  const entry = (await entries('report.part-b.read', USERS.secretariat))[0];
  assert.match(entry.detail, /deel B gelezen \(versie \d\)/);
});
