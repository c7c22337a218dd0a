// Issue 7.3: behind a reverse proxy. X-Forwarded-For names the client only when the connection
// comes from a trusted proxy (--trusted-proxy); HSTS when the base URL is https.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, loginFrom, from, USERS } from './server.mjs';

const PROXY = '127.0.0.20';
const NOT_A_PROXY = '127.0.0.21';
let server;

before(async () => {
  server = await startServer({ args: ['--trusted-proxy', `${PROXY}/32`, '--trusted-proxy', '10.9.0.0/16'] });
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
});

async function auditIps(action, email) {
  const secretariat = await loggedIn(server.url, USERS.secretariat);
  const log = await secretariat.get(`/api/v1/audit-log?limit=500&action=${action}&actor=${encodeURIComponent(email)}`);
  assert.equal(log.status, 200);
  return log.data.entries.map((e) => e.ip);
}

test('through a trusted proxy the throttle and the audit log see the forwarded client', async () => {
  const victim = USERS.auditor;
  for (let i = 0; i < 5; i += 1) {
    const res = await loginFrom(PROXY, server.url, victim, `fout-${i}`, { 'x-forwarded-for': '203.0.113.9' });
    assert.equal(res.status, 401);
  }
  // That client is refused now...
  assert.equal((await loginFrom(PROXY, server.url, victim, 'x', { 'x-forwarded-for': '203.0.113.9' })).status, 429);
  // ...also when it puts a made-up address in front (only the proxy's own entry counts)...
  const spoofed = await loginFrom(PROXY, server.url, victim, 'x', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' });
  assert.equal(spoofed.status, 429);
  // ...behind a chain of trusted proxies too...
  const chained = await loginFrom(PROXY, server.url, victim, 'x', { 'x-forwarded-for': '203.0.113.9, 10.9.1.1' });
  assert.equal(chained.status, 429);
  // ...while another client behind the same proxy is not.
  const other = await loginFrom(PROXY, server.url, victim, undefined, { 'x-forwarded-for': '203.0.113.10' });
  assert.equal(other.status, 200, other.text);
  const ips = await auditIps('login-failed', victim);
  assert.equal(ips.filter((ip) => ip === '203.0.113.9').length, 5, JSON.stringify(ips));
  assert.ok(!ips.includes(PROXY));
  assert.ok((await auditIps('login', victim)).includes('203.0.113.10'));
});

test('from an untrusted peer X-Forwarded-For is ignored: a client cannot dodge the throttle with it', async () => {
  const victim = USERS.assessor;
  for (let i = 0; i < 5; i += 1) {
    const res = await loginFrom(NOT_A_PROXY, server.url, victim, `fout-${i}`, { 'x-forwarded-for': `198.51.100.${i}` });
    assert.equal(res.status, 401);
  }
  const res = await loginFrom(NOT_A_PROXY, server.url, victim, undefined, { 'x-forwarded-for': '198.51.100.77' });
  assert.equal(res.status, 429);
  const ips = await auditIps('login-failed', victim);
  assert.deepEqual([...new Set(ips)], [NOT_A_PROXY]);
});

test('no Strict-Transport-Security over plain http', async () => {
  const res = await from('127.0.0.1', server.url, 'GET', '/healthz');
  assert.equal(res.headers['strict-transport-security'], undefined);
});

test('Strict-Transport-Security when --base-url is https; STERK_TRUSTED_PROXY from the environment', async () => {
  const https = await startServer({
    args: ['--base-url', 'https://sterk.example'],
    env: { STERK_TRUSTED_PROXY: ` ${PROXY} , 10.9.0.0/16` },
  });
  try {
    for (const path of ['/healthz', '/api/v1/frameworks', '/inloggen']) {
      const res = await from('127.0.0.1', https.url, 'GET', path);
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000', path);
    }
    for (let i = 0; i < 5; i += 1) {
      await loginFrom(PROXY, https.url, USERS.member, `fout-${i}`, {
        'x-forwarded-for': '203.0.113.50', origin: 'https://sterk.example',
      });
    }
    const viaProxy = await loginFrom(PROXY, https.url, USERS.member, undefined, {
      'x-forwarded-for': '203.0.113.51', origin: 'https://sterk.example',
    });
    assert.equal(viaProxy.status, 200, viaProxy.text);
  } finally {
    assert.equal((await https.stop()).code, 0);
  }
});
