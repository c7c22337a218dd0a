// Issue 7.4: the audit log cannot be flooded out of sight. The secretariat pages through all of it
// with a cursor and filters by action, actor and date; floods of reset requests are limited per
// client address and counted, not logged one row each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, loginFrom, from, USERS } from './server.mjs';

let server;
let secretariat;

before(async () => {
  server = await startServer();
  secretariat = await loggedIn(server.url, USERS.secretariat);
  // Some history: logins of every demo user and a few failures, from several addresses.
  for (const [i, email] of Object.values(USERS).entries()) {
    assert.equal((await loginFrom(`127.0.1.${i + 1}`, server.url, email)).status, 200);
    assert.equal((await loginFrom(`127.0.1.${i + 1}`, server.url, email, 'fout-wachtwoord')).status, 401);
  }
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
});

function utcDay(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

async function allPages(query, limit) {
  const seen = [];
  let cursor = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    const res = await secretariat.get(`/api/v1/audit-log?${params}`);
    assert.equal(res.status, 200, res.text);
    assert.ok(res.data.entries.length <= limit);
    seen.push(...res.data.entries);
    cursor = res.data.next_cursor;
    if (cursor === null) return seen;
    assert.equal(typeof cursor, 'string');
  }
  throw new Error('more than 100 pages');
}

test('paging with a cursor visits every entry once, newest first, and ends with next_cursor null', async () => {
  const whole = await secretariat.get('/api/v1/audit-log?limit=500');
  assert.equal(whole.status, 200);
  assert.equal(whole.data.next_cursor, null);
  const total = whole.data.entries.length;
  assert.ok(total >= 15, `${total} entries`);
  const paged = await allPages({}, 4);
  assert.deepEqual(paged.map((e) => e.id), whole.data.entries.map((e) => e.id));
  assert.equal(new Set(paged.map((e) => e.id)).size, paged.length);
  for (let i = 1; i < paged.length; i += 1) {
    const [a, b] = [paged[i - 1], paged[i]];
    assert.ok(a.at > b.at || (a.at === b.at && a.id > b.id), 'newest first');
  }
  const first = await secretariat.get('/api/v1/audit-log?limit=4');
  assert.equal(first.data.entries.length, 4);
  assert.notEqual(first.data.next_cursor, null);
});

test('filters: action, actor (any case), date range; they combine with paging', async () => {
  const logins = await allPages({ action: 'login' }, 3);
  assert.ok(logins.length >= 7);
  assert.ok(logins.every((e) => e.action === 'login'));
  const member = await allPages({ actor: USERS.member.toUpperCase() }, 2);
  assert.ok(member.length >= 2);
  assert.ok(member.every((e) => e.actor_email === USERS.member));
  const both = await allPages({ action: 'login-failed', actor: USERS.member }, 10);
  assert.equal(both.length, 1);
  const today = await allPages({ from: utcDay(-1), to: utcDay(1) }, 50);
  assert.ok(today.length >= 15);
  assert.deepEqual(await allPages({ from: utcDay(1) }, 50), []);
  assert.deepEqual(await allPages({ to: utcDay(-1) }, 50), []);
});

test('bad parameters: 400 naming the parameter, in Dutch', async () => {
  for (const [query, field] of [
    ['cursor=zomaar', 'cursor'],
    ['cursor=12.', 'cursor'],
    ['from=2024-13-01', 'from'],
    ['to=gisteren', 'to'],
    [`from=${utcDay(1)}&to=${utcDay(-1)}`, 'to'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=tien', 'limit'],
  ]) {
    const res = await secretariat.get(`/api/v1/audit-log?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.data.field, field, query);
    assert.match(res.data.message, /[a-z]/, query);
  }
});

test('reset requests for unknown addresses: limited per client address and counted, not logged one by one', async () => {
  const statuses = [];
  for (let i = 0; i < 25; i += 1) {
    const res = await from('127.0.2.1', server.url, 'POST', '/api/v1/password-reset', {
      json: { email: `onbekend-${i}@nergens.example` },
    });
    statuses.push(res.status);
    if (res.status === 429) {
      assert.equal(res.data.code, 'resource_exhausted');
      assert.match(res.data.message, /Te veel aanvragen/);
    }
  }
  assert.deepEqual(statuses, [...Array(20).fill(202), ...Array(5).fill(429)]);
  // Another address is not affected.
  const elsewhere = await from('127.0.2.2', server.url, 'POST', '/api/v1/password-reset', { json: { email: 'x@nergens.example' } });
  assert.equal(elsewhere.status, 202);
  const rows = (await allPages({}, 500)).filter((e) => e.ip === '127.0.2.1');
  assert.equal(rows.filter((e) => e.action === 'password-reset.unknown').length, 1, JSON.stringify(rows));
  assert.equal(rows.filter((e) => e.action === 'password-reset.refused').length, 1, JSON.stringify(rows));
  assert.equal(rows.length, 2);
});
