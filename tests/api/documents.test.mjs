// Uploaded documents over HTTP (issue 8 item 3: evidence): the body is the file itself, its type is
// judged by its content with libmagic (not by its name or the browser's Content-Type), at most
// 10 MB, kept in the database; a download is an attachment with its detected type. Only the owner
// organisation and the secretariat read it; anyone else gets 404. Runs on SQLite, and on PostgreSQL
// in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, loggedIn, USERS } from './server.mjs';
import { tinyPdf, PNG, ELF, upload } from './files.mjs';

let server;
const c = {};

async function download(client, id) {
  const headers = { cookie: `sterk_session=${client.cookie}` };
  const res = await fetch(`${server.url}/api/v1/documents/${id}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  server = await startServer();
  c.member = await loggedIn(server.url, USERS.member);
  c.otherMember = await loggedIn(server.url, USERS.otherMember);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  c.committee = await loggedIn(server.url, USERS.committee);
});

after(async () => {
  await server.stop();
});

let pdf;

test('a real PDF is stored and comes back byte for byte as an attachment', async () => {
  const bytes = tinyPdf();
  const res = await upload(c.member, 'Beleidsplan 2025.pdf', bytes, 'application/pdf');
  assert.equal(res.status, 201, res.text);
  pdf = res.data;
  assert.deepEqual(Object.keys(pdf), ['id', 'filename', 'media_type', 'size', 'sha256', 'uploaded_at']);
  assert.equal(pdf.filename, 'Beleidsplan 2025.pdf');
  assert.equal(pdf.media_type, 'application/pdf');
  assert.equal(pdf.size, bytes.length);
  assert.equal(pdf.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.match(pdf.uploaded_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

  const file = await download(c.member, pdf.id);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(file.headers.get('content-disposition'),
    "attachment; filename=\"Beleidsplan 2025.pdf\"; filename*=UTF-8''Beleidsplan%202025.pdf");
  assert.ok(file.bytes.equals(bytes), 'the same bytes');

  const meta = await c.member.get(`/api/v1/documents/${pdf.id}/meta`);
  assert.equal(meta.status, 200, meta.text);
  assert.deepEqual(meta.data, pdf);

  const log = await c.secretariat.get('/api/v1/audit-log?action=document.upload');
  assert.equal(log.status, 200);
  assert.ok(log.data.entries.some((e) => e.subject === `document:${pdf.id}` && e.detail.includes('Beleidsplan 2025.pdf')));
});

test('a PNG is accepted whatever the browser calls it; the type comes from the content', async () => {
  const res = await upload(c.member, 'organogram.png', PNG, 'text/html');
  assert.equal(res.status, 201, res.text);
  assert.equal(res.data.media_type, 'image/png');
  const file = await download(c.member, res.data.id);
  assert.equal(file.headers.get('content-type'), 'image/png');
  assert.ok(file.bytes.equals(PNG));
});

test('a program or a web page named .pdf is refused in Dutch, naming what is allowed', async () => {
  for (const [bytes, what] of [
    [ELF, 'application/x-'],
    [Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n'), 'text/html'],
  ]) {
    const res = await upload(c.member, 'jaarverslag.pdf', bytes, 'application/pdf');
    assert.equal(res.status, 400, res.text);
    assert.equal(res.data.code, 'invalid_argument');
    assert.equal(res.data.field, 'file');
    assert.match(res.data.message, /^Dit bestandstype wordt niet aanvaard: /);
    assert.ok(res.data.message.includes(what), res.data.message);
    assert.match(res.data.message, /Toegestaan: PDF, Word \(\.docx\)/);
  }
  const empty = await upload(c.member, 'leeg.pdf', Buffer.alloc(0));
  assert.equal(empty.status, 400, empty.text);
  assert.equal(empty.data.message, 'Het bestand is leeg.');
  const unnamed = await c.member.request('POST', '/api/v1/documents', { body: tinyPdf(), headers: { 'content-type': 'application/pdf' } });
  assert.equal(unnamed.status, 400);
  assert.equal(unnamed.data.field, 'filename');
});

test('10 MB is accepted; one byte more gets 413 with the limit in Dutch, and the server goes on', async () => {
  const limit = 10 * 1024 * 1024;
  const exact = Buffer.concat([tinyPdf(), Buffer.alloc(limit - tinyPdf().length, 0x20)]);
  assert.equal(exact.length, limit);
  const ok = await upload(c.member, 'groot.pdf', exact, 'application/pdf');
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.data.size, limit);
  const back = await download(c.member, ok.data.id);
  assert.ok(back.bytes.equals(exact), 'the 10 MB came back the same');

  const res = await upload(c.member, 'te-groot.pdf', Buffer.concat([exact, Buffer.from(' ')]), 'application/pdf');
  assert.equal(res.status, 413, res.text);
  assert.equal(res.data.code, 'payload_too_large');
  assert.equal(res.data.field, 'file');
  assert.equal(res.data.message, 'Het bestand is te groot. Een document mag hoogstens 10 MB zijn.');
  // Other routes keep their 1 MiB limit.
  const json = await c.member.request('PUT', '/api/v1/self-evaluations/1/answers/VM1', {
    body: JSON.stringify({ explanation: 'x'.repeat(2 * 1024 * 1024), version: 0 }),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(json.status, 413);
  assert.match(json.data.message, /1 MiB/);
  assert.equal((await c.member.get(`/api/v1/documents/${pdf.id}/meta`)).status, 200);
});

test('another member, the CI and the committee do not get the document; the secretariat does', async () => {
  for (const client of [c.otherMember, c.ciAdmin]) {
    const meta = await client.get(`/api/v1/documents/${pdf.id}/meta`);
    assert.equal(meta.status, 404, meta.text);
    assert.equal(meta.data.code, 'not_found');
    assert.equal((await download(client, pdf.id)).status, 404);
  }
  assert.equal((await c.committee.get(`/api/v1/documents/${pdf.id}/meta`)).status, 403);
  assert.equal((await c.member.get('/api/v1/documents/987654/meta')).status, 404);
  assert.equal((await c.member.get('/api/v1/documents/abc')).status, 404);
  const secretariat = await download(c.secretariat, pdf.id);
  assert.equal(secretariat.status, 200);
});

test('an upload needs the CSRF token and the own site, like every write', async () => {
  const noToken = await c.member.request('POST', '/api/v1/documents?filename=x.pdf', {
    body: tinyPdf(),
    headers: { 'content-type': 'application/pdf' },
    csrf: false,
  });
  assert.equal(noToken.status, 403);
  assert.equal(noToken.data.code, 'csrf');
  const crossSite = await upload(c.member, 'x.pdf', tinyPdf(), 'application/pdf', { origin: 'https://evil.example' });
  assert.equal(crossSite.status, 403);
  assert.equal(crossSite.data.code, 'csrf');
});

test('a name with quotes and accents is offered safely and exactly', async () => {
  const res = await upload(c.member, 'Rapport "definitief" – café.txt', Buffer.from('Gewone tekst.\n'), 'text/plain');
  assert.equal(res.status, 201, res.text);
  assert.equal(res.data.media_type, 'text/plain');
  const file = await download(c.member, res.data.id);
  assert.equal(file.headers.get('content-disposition'),
    "attachment; filename=\"Rapport _definitief_ _ caf_.txt\"; filename*=UTF-8''Rapport%20%22definitief%22%20%E2%80%93%20caf%C3%A9.txt");
});
