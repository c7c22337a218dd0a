// Each user's deadlines across its trajectories (issue 10): GET /me/actions in the order people
// work them, the secretariat's filtered list, and the private calendar feed, read back by a second
// parser (Debian's python3-icalendar). Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, loggedIn, Client, USERS } from './server.mjs';
import { localDate } from './flow.mjs';

let server;
const c = {};

before(async () => {
  server = await startServer();
  for (const key of ['member', 'ciAdmin', 'auditor', 'secretariat', 'committee']) c[key] = await loggedIn(server.url, USERS[key]);
});

after(async () => {
  await server.stop();
});

function rank(a) {
  return { overdue: 0, 'due-today': 1, open: 2 }[a.status];
}

test("each party's open actions: its own only, overdue first, then by due date", async () => {
  for (const [key, actor] of [['member', 'member'], ['ciAdmin', 'ci'], ['auditor', 'ci'], ['secretariat', 'secretariat']]) {
    const res = await c[key].get('/api/v1/me/actions');
    assert.equal(res.status, 200, res.text);
    const { actions } = res.data;
    assert.ok(actions.every((a) => a.actor === actor), `${key}: only ${actor} actions`);
    for (let i = 1; i < actions.length; i += 1) {
      const [p, q] = [actions[i - 1], actions[i]];
      assert.ok(rank(p) < rank(q) || (rank(p) === rank(q) && (q.due === null || (p.due !== null && p.due <= q.due))),
        `${key}: ${JSON.stringify(p)} before ${JSON.stringify(q)}`);
    }
  }
  // The member's request waits for the CI: the CI has it, the member does not.
  const ci = (await c.ciAdmin.get('/api/v1/me/actions')).data.actions;
  const request = ci.find((a) => a.member.name === 'Stichting WijkKracht' && a.key === 'audit_accepted');
  assert.ok(request, JSON.stringify(ci));
  assert.equal(request.state, 'requested');
  assert.equal(request.ci.name, 'CI Toetsbureau');
  const member = (await c.member.get('/api/v1/me/actions')).data.actions;
  assert.ok(!member.some((a) => a.key === 'audit_accepted'));
  // A month from now the concept of the audit planned in two weeks is overdue for the CI, and comes first.
  const later = (await c.ciAdmin.get(`/api/v1/me/actions?today=${localDate(31)}`)).data.actions;
  assert.equal(later[0].status, 'overdue', JSON.stringify(later));
  assert.ok(later.some((a) => a.key === 'concept_report' && a.status === 'overdue'), JSON.stringify(later));
  // Today the demo's submitted plan of Buurtwerk Noord waits for the CI's assessment, long overdue: first.
  assert.equal(ci[0].key, 'plan_assessment');
  assert.equal(ci[0].status, 'overdue');
  assert.equal(ci[0].member.name, 'Buurtwerk Noord');
  assert.equal((await c.committee.get('/api/v1/me/actions')).data.actions.length, 0);
  const bad = await c.member.get('/api/v1/me/actions?today=gisteren');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'today');
});

test('the secretariat filters the trajectories by CI, party, state and overdue', async () => {
  const all = (await c.secretariat.get('/api/v1/trajectories')).data.trajectories;
  const ciId = all[0].ci.id;
  const byCi = (await c.secretariat.get(`/api/v1/trajectories?ci=${ciId}`)).data.trajectories;
  assert.deepEqual(byCi.map((t) => t.id), all.filter((t) => t.ci.id === ciId).map((t) => t.id));
  const requested = (await c.secretariat.get('/api/v1/trajectories?state=requested')).data.trajectories;
  assert.ok(requested.length >= 1 && requested.every((t) => t.state === 'requested'));
  const forCi = (await c.secretariat.get('/api/v1/trajectories?party=ci')).data.trajectories;
  assert.ok(forCi.every((t) => t.actions.some((a) => a.actor === 'ci')));
  const overdue = (await c.secretariat.get(`/api/v1/trajectories?overdue=true&party=ci&today=${localDate(31)}`)).data.trajectories;
  assert.ok(overdue.length >= 1);
  assert.ok(overdue.every((t) => t.actions.some((a) => a.actor === 'ci' && a.status === 'overdue')));
  const none = (await c.secretariat.get('/api/v1/trajectories?overdue=true&party=secretariat')).data.trajectories;
  assert.deepEqual(none, []);
  for (const [query, field] of [['ci=x', 'ci'], ['party=iedereen', 'party'], ['state=klaar', 'state'], ['overdue=ja', 'overdue']]) {
    const res = await c.secretariat.get(`/api/v1/trajectories?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.data.field, field);
  }
});

test('a private calendar feed: shown once, parsed back with the due dates, renewed, stopped', async () => {
  assert.deepEqual((await c.ciAdmin.get('/api/v1/me/calendar')).data, { active: false, url: null, created_at: null });
  const made = await c.ciAdmin.post('/api/v1/me/calendar');
  assert.equal(made.status, 200, made.text);
  assert.equal(made.data.active, true);
  const url = new URL(made.data.url);
  assert.match(url.pathname, /^\/api\/v1\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
  assert.equal((await c.ciAdmin.get('/api/v1/me/calendar')).data.url, null, 'the URL is not shown again');

  const anonymous = new Client(server.url);
  const feed = await anonymous.get(url.pathname);
  assert.equal(feed.status, 200, feed.text);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(sys.stdin.read())
print(json.dumps([{"uid": str(e["UID"]), "day": e.decoded("DTSTART").isoformat(), "summary": str(e["SUMMARY"])}
                  for e in cal.walk("VEVENT")]))`], { input: feed.text }).toString());
  const dated = (await c.ciAdmin.get('/api/v1/me/actions')).data.actions.filter((a) => a.due);
  assert.ok(dated.length >= 1, 'the demo gives the CI a dated action');
  assert.equal(parsed.length, dated.length);
  for (const a of dated) {
    const entry = parsed.find((e) => e.uid === `sterklabel-${a.trajectory_id}-${a.key}-${a.due}@sterklabel`);
    assert.ok(entry, `${a.key} ${a.due} in ${JSON.stringify(parsed)}`);
    assert.equal(entry.day, a.due, 'an all-day event on the due date');
    assert.equal(entry.summary, `${a.todo} – ${a.member.name}`);
  }

  const renewed = await c.ciAdmin.post('/api/v1/me/calendar');
  assert.notEqual(renewed.data.url, made.data.url);
  assert.equal((await anonymous.get(url.pathname)).status, 404, 'the old link stops working');
  assert.equal((await anonymous.get(new URL(renewed.data.url).pathname)).status, 200);
  assert.equal((await c.ciAdmin.delete('/api/v1/me/calendar')).status, 204);
  assert.equal((await anonymous.get(new URL(renewed.data.url).pathname)).status, 404);
  const log = (await c.secretariat.get('/api/v1/audit-log?action=calendar.renew')).data.entries;
  assert.equal(log.filter((e) => e.actor_email === USERS.ciAdmin).length, 2);
});
