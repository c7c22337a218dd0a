// Strict input handling, size limits, slow and idle clients, and static files of the web app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { startServer, Client, loggedIn, USERS, DEMO_PASSWORD, raw } from './server.mjs';

let server;
let webRoot;

before(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'sterk-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Sterklabel</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("sterk");');
  writeFileSync(join(webRoot, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startServer({ args: ['--web-root', webRoot] });
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
  rmSync(webRoot, { recursive: true, force: true });
});

async function send(body, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : null };
}

test('malformed JSON → 400 saying the JSON is invalid, with no field', async () => {
  for (const body of ['{"email":', 'nope', '', '{"email":"a" "password":"b"}']) {
    const res = await send(body);
    assert.equal(res.status, 400, body);
    assert.equal(res.data.code, 'invalid_argument');
    assert.match(res.data.message, /JSON/);
    assert.ok(!res.data.field, `no field for ${body}`);
  }
  const array = await send('[1,2]');
  assert.equal(array.status, 400);
});

test('a body that is not application/json → 415 unsupported_media_type (no login by a text/plain form post)', async () => {
  const login = JSON.stringify({ email: USERS.secretariat, password: DEMO_PASSWORD });
  for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const res = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': type }, body: login });
    assert.equal(res.status, 415, type);
    assert.equal(res.headers.getSetCookie().length, 0, type);
    const data = await res.json();
    assert.equal(data.code, 'unsupported_media_type');
    assert.match(data.message, /JSON/);
  }
  const none = await raw(server.port, `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${login.length}\r\n\r\n${login}`);
  assert.match(none, /^HTTP\/1\.1 415/);
  for (const type of ['application/json', 'Application/JSON; charset=utf-8']) {
    assert.equal((await send(login, type)).status, 200, type);
  }
});

test('wrong types → 400 naming the field', async () => {
  let res = await send(JSON.stringify({ email: 5, password: 'x' }));
  assert.equal(res.status, 400);
  assert.equal(res.data.field, 'email');
  res = await send(JSON.stringify({ email: 'a@b.example', password: ['x'] }));
  assert.equal(res.data.field, 'password');
  res = await send(JSON.stringify({ email: null, password: 'x' }));
  assert.equal(res.data.field, 'email');
  const reset = await fetch(`${server.url}/api/v1/password-reset/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: true, password: 'lang-genoeg-wachtwoord' }),
  });
  assert.equal(reset.status, 400);
  assert.equal((await reset.json()).field, 'token');
});

test('unknown and missing fields → 400 naming the field', async () => {
  let res = await send(JSON.stringify({ email: 'a@b.example', password: 'x', role: 'secretariat' }));
  assert.equal(res.status, 400);
  assert.equal(res.data.field, 'role');
  res = await send(JSON.stringify({ email: 'a@b.example' }));
  assert.equal(res.status, 400);
  assert.equal(res.data.field, 'password');
  const reset = await fetch(`${server.url}/api/v1/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'a@b.example', extra: 1 }),
  });
  assert.equal(reset.status, 400);
  assert.equal((await reset.json()).field, 'extra');
});

test('password reset confirm: short password → field password, unknown token → field token', async () => {
  const client = new Client(server.url);
  const short = await client.post('/api/v1/password-reset/confirm', { token: 'x', password: 'kort' });
  assert.equal(short.status, 400);
  assert.equal(short.data.field, 'password');
  const unknown = await client.post('/api/v1/password-reset/confirm', { token: 'x', password: 'lang-genoeg-wachtwoord' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.field, 'token');
});

test('body over 1 MiB → 413, and the server keeps serving', async () => {
  const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(1024 * 1024) });
  const res = await send(big);
  assert.equal(res.status, 413);
  assert.equal(res.data.code, 'payload_too_large');
  // Chunked, without Content-Length: stopped while reading.
  const chunk = 'y'.repeat(64 * 1024);
  let request = 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
  for (let i = 0; i < 20; i += 1) request += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
  request += '0\r\n\r\n';
  const answer = await raw(server.port, request);
  assert.match(answer, /^HTTP\/1\.1 413/);
  // Just under the limit is parsed (and refused for its content).
  const under = await send(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(1000 * 1000) }));
  assert.equal(under.status, 401);
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
});

test('an idle connection and a slow half-sent request do not block new requests', async () => {
  const idle = net.connect(server.port, '127.0.0.1');
  const slow = net.connect(server.port, '127.0.0.1');
  await Promise.all([new Promise((r) => idle.on('connect', r)), new Promise((r) => slow.on('connect', r))]);
  slow.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
  const started = Date.now();
  const res = await fetch(`${server.url}/api/v1/frameworks`);
  assert.equal(res.status, 200);
  assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
  idle.destroy();
  slow.destroy();
});

test('keep-alive: several requests on one connection', async () => {
  const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
  const answer = await raw(server.port, request + request + request.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
  assert.equal(answer.match(/HTTP\/1\.1 200/g).length, 3);
});

test('static files: MIME types, caching, SPA fallback to index.html', async () => {
  const index = await fetch(`${server.url}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  assert.match(await index.text(), /Sterklabel/);
  const js = await fetch(`${server.url}/assets/app-1234.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  assert.match(js.headers.get('cache-control'), /immutable/);
  const css = await fetch(`${server.url}/assets/style.css`);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  const svg = await fetch(`${server.url}/favicon.svg`);
  assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
  for (const route of ['/inloggen', '/normenkader', '/wachtwoord-herstellen?token=abc', '/gebruikers/12']) {
    const res = await fetch(server.url + route);
    assert.equal(res.status, 200, route);
    assert.match(await res.text(), /<div id="root">/, route);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  }
  // API paths never fall back to the app.
  const api = await fetch(`${server.url}/api/v1/nope`);
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type'), /json/);
});

test('HEAD is answered like GET, without a body', async () => {
  for (const path of ['/healthz', '/api/v1/frameworks', '/api/openapi.json', '/', '/assets/app-1234.js']) {
    const get = await fetch(`${server.url}${path}`);
    const getBody = await get.text();
    const head = await fetch(`${server.url}${path}`, { method: 'HEAD' });
    assert.equal(head.status, 200, path);
    assert.equal(await head.text(), '', path);
    assert.equal(head.headers.get('content-type'), get.headers.get('content-type'), path);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(getBody), path);
  }
  const me = await fetch(`${server.url}/api/v1/me`, { method: 'HEAD' });
  assert.equal(me.status, 401);
});

test('no path traversal out of the web root', async () => {
  for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd',
    '/..%5c..%5cetc/passwd', '/%00']) {
    const answer = await raw(server.port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.ok(!answer.includes('root:'), path);
    assert.match(answer, /^HTTP\/1\.1 (200|400|404)/, path);
    // A 200 can only be the app's index.html (client-side routing), never another file.
    if (answer.startsWith('HTTP/1.1 200')) assert.match(answer, /<title>Sterklabel<\/title>/, path);
  }
});

test('the server survived everything above', async () => {
  const client = await loggedIn(server.url, USERS.secretariat);
  assert.equal((await client.get('/api/v1/users')).status, 200);
});

test('malformed framing gets an answer, then the connection closes (issue 7.6)', async () => {
  const cases = [
    ['Content-Length: abc\r\n', 400, 'Content-Length'],
    ['Content-Length: -1\r\n', 400, 'Content-Length'],
    ['Content-Length: 2\r\nContent-Length: 3\r\n', 400, 'Content-Length'],
    ['Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', 400, null],
    ['Transfer-Encoding: chunked\r\nContent-Length: 2\r\n', 400, null],
    ['Transfer-Encoding: chunked, gzip\r\n', 400, 'Transfer-Encoding'],
    ['Transfer-Encoding: gzip\r\n', 400, 'Transfer-Encoding'],
  ];
  for (const [headers, status, field] of cases) {
    const started = Date.now();
    const answer = await raw(
      server.port,
      `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n{}`,
    );
    assert.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `), JSON.stringify(headers));
    assert.match(answer, /\r\nConnection: close\r\n/i, headers);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(body.code, 'invalid_argument', headers);
    assert.match(body.message, /Content-Length|Transfer-Encoding/, headers);
    if (field) assert.equal(body.field, field, headers);
    else assert.ok(['Content-Length', 'Transfer-Encoding'].includes(body.field), headers);
    // Closed by the server, not by raw()'s timeout.
    assert.ok(Date.now() - started < 4000, `${headers}: closed after ${Date.now() - started} ms`);
  }
  const garbled = await raw(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nKapotte regel zonder dubbele punt\r\n\r\n');
  assert.match(garbled, /^HTTP\/1\.1 400 /);
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
});

test('oversized headers → 431, then the connection closes (issue 7.6)', async () => {
  const started = Date.now();
  const answer = await raw(server.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Groot: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
  assert.match(answer, /^HTTP\/1\.1 431 /);
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  assert.equal(body.code, 'headers_too_large');
  assert.match(body.message, /kopregels/);
  assert.ok(Date.now() - started < 4000, `closed after ${Date.now() - started} ms`);
  // Many headers that together exceed the limit.
  let many = 'GET /healthz HTTP/1.1\r\nHost: x\r\n';
  for (let i = 0; i < 400; i += 1) many += `X-Veld-${i}: ${'b'.repeat(60)}\r\n`;
  assert.match(await raw(server.port, `${many}\r\n`), /^HTTP\/1\.1 431 /);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});
