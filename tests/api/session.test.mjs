// Login, logout, cookies, CSRF, throttling and the security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loggedIn, USERS, DEMO_PASSWORD } from './server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
});

function sessionCookie(res) {
  return res.headers.getSetCookie().find((c) => c.startsWith('sterk_session='));
}

test('login sets an HttpOnly, SameSite=Strict, Path=/ cookie (no Secure over http) and returns user and csrf', async () => {
  const client = new Client(server.url);
  const res = await client.login(USERS.secretariat);
  assert.equal(res.status, 200);
  assert.equal(res.data.user.email, USERS.secretariat);
  assert.equal(res.data.user.role, 'secretariat');
  assert.ok(res.data.csrf_token.length >= 32);
  const cookie = sessionCookie(res);
  assert.ok(cookie, 'Set-Cookie sterk_session');
  const attributes = cookie.split(';').map((p) => p.trim().toLowerCase());
  assert.ok(attributes.includes('httponly'));
  assert.ok(attributes.includes('samesite=strict'));
  assert.ok(attributes.includes('path=/'));
  assert.ok(!attributes.includes('secure'));
  assert.ok(client.cookie.length >= 32);
});

test('wrong password and unknown e-mail: 401 with the same message', async () => {
  const client = new Client(server.url);
  const wrong = await client.login(USERS.committee, 'verkeerd-wachtwoord');
  const unknown = await client.login('onbekend@nergens.example', DEMO_PASSWORD);
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.data.code, 'unauthenticated');
  assert.equal(wrong.data.message, unknown.data.message);
  assert.equal(sessionCookie(wrong), undefined);
});

test('5 failed logins for an e-mail → 429 with a Dutch message, even with the right password', async () => {
  const client = new Client(server.url);
  for (let i = 0; i < 5; i += 1) {
    assert.equal((await client.login(USERS.assessor, `fout-${i}`)).status, 401);
  }
  const blocked = await client.login(USERS.assessor);
  assert.equal(blocked.status, 429);
  assert.equal(blocked.data.code, 'resource_exhausted');
  assert.match(blocked.data.message, /Te veel mislukte inlogpogingen/);
  // Unknown addresses are throttled the same way (no account enumeration).
  for (let i = 0; i < 5; i += 1) {
    assert.equal((await client.login('bestaat-niet@nergens.example', 'x')).status, 401);
  }
  assert.equal((await client.login('bestaat-niet@nergens.example', 'x')).status, 429);
  // Other accounts are not affected.
  assert.equal((await client.login(USERS.ciAdmin)).status, 200);
});

test('CSRF: state-changing requests with a session need the session token', async () => {
  const client = await loggedIn(server.url, USERS.member);
  const missing = await client.request('DELETE', '/api/v1/session', { csrf: false });
  assert.equal(missing.status, 403);
  assert.equal(missing.data.code, 'csrf');
  const wrong = await client.request('DELETE', '/api/v1/session', {
    csrf: false,
    headers: { 'x-csrf-token': 'niet-het-token' },
  });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.data.code, 'csrf');
  const reset = await client.post('/api/v1/password-reset', { email: 'x@y.example' }, { csrf: false });
  assert.equal(reset.status, 403);
  assert.equal(reset.data.code, 'csrf');
  // Another session's token does not work either.
  const other = await loggedIn(server.url, USERS.otherMember);
  const foreign = await client.request('DELETE', '/api/v1/session', {
    csrf: false,
    headers: { 'x-csrf-token': other.csrf },
  });
  assert.equal(foreign.data.code, 'csrf');
  // Still signed in; with the right token it works.
  assert.equal((await client.get('/api/v1/me')).status, 200);
  assert.equal((await client.request('DELETE', '/api/v1/session')).status, 204);
});

test('CSRF: a state-changing request from another site is refused, also without a session (login CSRF)', async () => {
  const anonymous = new Client(server.url);
  const login = { email: USERS.committee, password: DEMO_PASSWORD };
  for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' },
    { origin: `${server.url}.evil.example` }]) {
    const res = await anonymous.request('POST', '/api/v1/session', { json: login, headers });
    assert.equal(res.status, 403, JSON.stringify(headers));
    assert.equal(res.data.code, 'csrf');
    assert.equal(res.headers.getSetCookie().length, 0);
  }
  const reset = await anonymous.request('POST', '/api/v1/password-reset', {
    json: { email: USERS.committee }, headers: { origin: 'https://evil.example' },
  });
  assert.equal(reset.status, 403);
  // The app itself: same origin, same-origin fetch metadata; and a GET from anywhere still works.
  const own = await anonymous.request('POST', '/api/v1/session', {
    json: login, headers: { origin: server.url, 'sec-fetch-site': 'same-origin' },
  });
  assert.equal(own.status, 200);
  const read = await anonymous.request('GET', '/api/v1/me', { headers: { origin: 'https://evil.example' } });
  assert.equal(read.status, 200);
});

test('logout clears the cookie; /me is 401 afterwards, also with the old cookie', async () => {
  const client = await loggedIn(server.url, USERS.auditor);
  const oldCookie = client.cookie;
  assert.equal((await client.get('/api/v1/me')).status, 200);
  const out = await client.request('DELETE', '/api/v1/session');
  assert.equal(out.status, 204);
  const cleared = sessionCookie(out);
  assert.match(cleared, /^sterk_session=;/);
  assert.match(cleared, /Max-Age=0/i);
  assert.equal((await client.get('/api/v1/me')).status, 401);
  const replay = new Client(server.url);
  replay.cookie = oldCookie;
  const res = await replay.get('/api/v1/me');
  assert.equal(res.status, 401);
  assert.equal(res.data.code, 'unauthenticated');
});

test('security headers on every response; API responses are not cached', async () => {
  const client = new Client(server.url);
  for (const path of ['/healthz', '/api/v1/frameworks', '/api/v1/me', '/api/v1/nope', '/some/page']) {
    const res = await client.get(path);
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, `${path}: CSP`);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) {
      assert.ok(csp.includes(directive), `${path}: ${directive}`);
    }
    assert.ok(!csp.includes('unsafe-inline'), `${path}: no inline scripts`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    if (path !== '/some/page') assert.equal(res.headers.get('cache-control'), 'no-store', path);
  }
  const login = await client.login(USERS.secretariat);
  assert.equal(login.headers.get('cache-control'), 'no-store');
});

test('healthz', async () => {
  const res = await new Client(server.url).get('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(res.data, { status: 'ok' });
});

test('login sent with a stale sterk_session cookie: exactly one Set-Cookie, the new session (issue 7.5)', async () => {
  const client = await loggedIn(server.url, USERS.member);
  const stale = client.cookie;
  assert.equal((await client.request('DELETE', '/api/v1/session')).status, 204);
  const again = new Client(server.url);
  again.cookie = stale;
  const res = await again.login(USERS.member);
  assert.equal(res.status, 200);
  const cookies = res.headers.getSetCookie();
  assert.equal(cookies.length, 1, JSON.stringify(cookies));
  assert.match(cookies[0], /^sterk_session=[^;]{32,};/);
  assert.notEqual(again.cookie, stale);
  assert.equal((await again.get('/api/v1/me')).status, 200);
  // A request that is not a login, with the stale cookie, still gets the clearing cookie.
  const old = new Client(server.url);
  old.cookie = stale;
  const me = await old.get('/api/v1/me');
  assert.equal(me.status, 401);
  assert.deepEqual(me.headers.getSetCookie().map((c) => c.split(';')[0]), ['sterk_session=']);
});
