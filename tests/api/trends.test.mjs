// The trend analysis (issue 12) over the API: only the committee and the secretariat read it; a
// group of fewer than five organisations shows "te weinig gegevens" and no figure that could give
// it away, in JSON and CSV alike; the counters kept up to date by the events equal a recount from
// scratch (`sterklabel trends check`) after each step; a member sees its own calibration only.
// Two fictitious audits (`demo-data --audits 2`) plus the demo's Buurtwerk Noord and De Brug make four
// organisations with a final report; WijkKracht's audit walked to its final findings is the fifth.
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, loggedIn, binary, freshDatabase, USERS } from './server.mjs';
import { parties, toFinalFindings, recorded } from './flow.mjs';

let server;
let db;
let c;

// trendsCheck: the CLI's recount against the stored counters; exit 0 when they agree.
function trendsCheck(step) {
  const run = spawnSync(binary(), ['trends', 'check', '--db', db.url], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${step}: ${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /de trendcijfers kloppen/, step);
  return Number(run.stdout.match(/(\d+) definitieve rapporten/)[1]);
}

const allYears = (view) => view.columns.findIndex((col) => col.year === null);

before(async () => {
  db = freshDatabase(mkdtempSync(join(tmpdir(), 'sterk-trends-')));
  execFileSync(binary(), ['demo-data', '--db', db.url, '--audits', '2'], { encoding: 'utf8' });
  server = await startServer({ db: db.url });
  c = await parties(server.url, ['member', 'otherMember', 'ciAdmin', 'auditor', 'assessor', 'secretariat', 'committee']);
});

after(async () => {
  await server?.stop();
  db?.drop();
});

test('only the committee and the secretariat read the trends; bad selections name the field', async () => {
  for (const key of ['member', 'ciAdmin', 'auditor']) {
    assert.equal((await c[key].get('/api/v1/trends')).status, 403, key);
    assert.equal((await c[key].get('/api/v1/trends.csv')).status, 403, key);
  }
  assert.equal((await fetch(`${server.url}/api/v1/trends`)).status, 401);
  const bad = await c.committee.get('/api/v1/trends?variant=onbekend');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'variant');
  const band = await c.committee.get('/api/v1/trends?band=reus');
  assert.equal(band.status, 400);
  assert.equal(band.data.field, 'band');
});

test('four organisations are "te weinig gegevens" everywhere; the fifth final report shows the figures', async () => {
  assert.equal(trendsCheck('at the start'), 4, 'two fictitious audits, Buurtwerk Noord and De Brug');
  const four = (await c.committee.get('/api/v1/trends')).data;
  const at = allYears(four);
  assert.ok(at >= 0, 'a column for all years');
  assert.equal(four.columns[at].suppressed, true);
  assert.equal(four.columns[at].organisations, null, 'a suppressed group does not say how small it is');
  for (const norm of four.norms) assert.equal(norm.columns[at], null, norm.code);
  assert.deepEqual(four.most_not_met, []);
  const csvFour = await c.committee.get('/api/v1/trends.csv');
  assert.equal(csvFour.status, 200);
  const allYearsLines = csvFour.text.split('\r\n').filter((line) => line.startsWith('alle jaren;'));
  assert.equal(allYearsLines.length, 49);
  for (const line of allYearsLines) assert.match(line, /;te weinig gegevens;/);

  // Each step of WijkKracht's audit is an event the counters follow; the recount agrees after each.
  const id = await toFinalFindings(c, (code) => (code === 'VM5' ? '-' : code === 'DV6' ? '+/-' : '+'));
  assert.equal(trendsCheck('after findings_final'), 5);
  const five = (await c.committee.get('/api/v1/trends')).data;
  const column = five.columns[allYears(five)];
  assert.equal(column.suppressed, false);
  assert.equal(column.organisations, 5);
  assert.equal(column.reports, 5);
  const vm5 = five.norms.find((n) => n.code === 'VM5').columns[allYears(five)];
  assert.equal(vm5.total, 5);
  assert.ok(vm5.not_met >= 1, 'WijkKracht did not meet VM5');
  for (const norm of five.norms) {
    const counts = norm.columns[allYears(five)];
    assert.equal(counts.met + counts.partly + counts.not_met + counts.not_applicable, 5, norm.code);
  }
  // The CSV carries the same figures as the JSON.
  const csv = (await c.committee.get('/api/v1/trends.csv')).text;
  const line = csv.split('\r\n').find((l) => l.startsWith('alle jaren;') && l.split(';')[2] === 'VM5');
  assert.deepEqual(line.split(';').slice(3).map(Number), [vm5.met, vm5.partly, vm5.not_met, vm5.not_applicable, 5, 5]);

  // A later event does not count the report twice, nor does a withdrawal erase a final report.
  await recorded(c.member, id, 'trajectory_withdrawn', { reason: 'Het lid stopt met het traject.' });
  assert.equal(trendsCheck('after the withdrawal'), 5);
  const again = (await c.committee.get('/api/v1/trends')).data;
  assert.equal(again.columns[allYears(again)].reports, 5);
});

test('the committee never sees which CI; the secretariat sees the steps per CI', async () => {
  const committee = (await c.committee.get('/api/v1/trends')).data;
  assert.deepEqual(committee.per_ci, []);
  const secretariat = (await c.secretariat.get('/api/v1/trends')).data;
  assert.ok(secretariat.per_ci.some((ci) => ci.name === 'CI Toetsbureau'));
  for (const ci of secretariat.per_ci) {
    if (ci.suppressed) assert.equal(ci.organisations, null, ci.name);
  }
});

test('a member reads its own calibration only', async () => {
  const organisations = (await c.secretariat.get('/api/v1/organisations')).data.organisations;
  const wijkkracht = organisations.find((o) => o.name === 'Stichting WijkKracht').id;
  const own = await c.member.get(`/api/v1/members/${wijkkracht}/calibration`);
  assert.equal(own.status, 200, own.text);
  assert.equal(own.data.audits.length, 1);
  const audit = own.data.audits[0];
  assert.equal(audit.norms.length, 49);
  assert.equal(audit.norms.find((n) => n.code === 'VM5').audit, '-');
  assert.equal(audit.norms.find((n) => n.code === 'DV6').audit, '+/-');
  assert.equal((await c.otherMember.get(`/api/v1/members/${wijkkracht}/calibration`)).status, 403);
  assert.equal((await c.committee.get(`/api/v1/members/${wijkkracht}/calibration`)).status, 403);
  assert.equal((await c.secretariat.get(`/api/v1/members/${wijkkracht}/calibration`)).status, 200);
});
