// Password reset end to end through a real local SMTP sink (aiosmtpd with a Maildir), and the
// audit log that records it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, loggedIn, freePort, waitForPort, USERS, DEMO_PASSWORD } from './server.mjs';

const NEW_PASSWORD = 'een-heel-nieuw-wachtwoord';
let server;
let smtp;
let mailRoot;
let maildir;

async function waitForMail(count, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  const dir = join(maildir, 'new');
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    if (files.length >= count) return files.map((f) => readFileSync(join(dir, f), 'utf8'));
    if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${files.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function parseMail(original) {
  const text = original.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = text.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split('\n')) {
    const m = line.match(/^([^:]+):\s*(.*)$/);
    if (m) headers[m[1].toLowerCase()] = m[2];
  }
  let body = text.slice(split + 2);
  if ((headers['content-transfer-encoding'] ?? '').toLowerCase() === 'quoted-printable') {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { headers, body };
}

function decodeWords(value) {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8')).trim();
}

before(async () => {
  // Python's Maildir creates tmp/new/cur only when the directory does not exist yet.
  mailRoot = mkdtempSync(join(tmpdir(), 'sterk-mail-'));
  maildir = join(mailRoot, 'Maildir');
  const port = await freePort();
  smtp = spawn('/usr/bin/aiosmtpd', ['-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], {
    stdio: 'ignore',
  });
  await waitForPort(port);
  server = await startServer({
    args: ['--smtp-url', `smtp://127.0.0.1:${port}`, '--smtp-from', 'Sterklabel <noreply@sterklabel.example>',
      '--base-url', 'https://sterk.example',
      // Only the reset's mails in this Maildir: the daily job's reminders have their own test
      // (notifications.test.mjs).
      '--lifecycle-every-min', '0'],
  });
});

after(async () => {
  if (server) assert.equal((await server.stop()).code, 0);
  if (smtp) smtp.kill('SIGTERM');
  rmSync(mailRoot, { recursive: true, force: true });
});

test('cookie is Secure when --base-url is https', async () => {
  const res = await new Client(server.url).login(USERS.committee);
  assert.equal(res.status, 200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sterk_session='));
  assert.match(cookie, /;\s*Secure/i);
});

test('password reset end to end', async () => {
  const oldSession = await loggedIn(server.url, USERS.member);
  const anonymous = new Client(server.url);

  // Unknown address: the same 202, and no mail.
  assert.equal((await anonymous.post('/api/v1/password-reset', { email: 'niemand@nergens.example' })).status, 202);
  const res = await anonymous.post('/api/v1/password-reset', { email: 'Kwaliteit@WijkKracht.example' });
  assert.equal(res.status, 202);

  const [raw] = await waitForMail(1);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(readdirSync(join(maildir, 'new')).length, 1, 'only the known address got a mail');
  const mail = parseMail(raw);
  assert.match(mail.headers.to, /kwaliteit@wijkkracht\.example/);
  assert.match(mail.headers.from, /noreply@sterklabel\.example/);
  assert.match(mail.headers.subject, /^=\?UTF-8\?B\?/i, 'non-ASCII subject is RFC 2047-encoded');
  assert.equal(decodeWords(mail.headers.subject), 'Wachtwoord herstellen – Sterklabel');
  assert.match(mail.headers['content-type'], /text\/plain; charset=UTF-8/i);
  const link = mail.body.match(/https:\/\/sterk\.example\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]+)/);
  assert.ok(link, mail.body);
  const token = link[1];
  assert.match(mail.body, /1 uur/);

  const short = await anonymous.post('/api/v1/password-reset/confirm', { token, password: 'te-kort' });
  assert.equal(short.status, 400);
  assert.equal(short.data.field, 'password');

  const confirm = await anonymous.post('/api/v1/password-reset/confirm', { token, password: NEW_PASSWORD });
  assert.equal(confirm.status, 204);

  assert.equal((await oldSession.get('/api/v1/me')).status, 401, 'all sessions of the user ended');
  assert.equal((await new Client(server.url).login(USERS.member, DEMO_PASSWORD)).status, 401);
  assert.equal((await new Client(server.url).login(USERS.member, NEW_PASSWORD)).status, 200);

  const again = await anonymous.post('/api/v1/password-reset/confirm', { token, password: 'nog-een-ander-wachtwoord' });
  assert.equal(again.status, 400);
  assert.equal(again.data.field, 'token');
  assert.equal((await new Client(server.url).login(USERS.member, NEW_PASSWORD)).status, 200);
});

test('audit log shows logins, failures and the reset; newest first; secretariat only; read-only', async () => {
  await new Client(server.url).login(USERS.ciAdmin, 'fout-wachtwoord');
  const secretariat = await loggedIn(server.url, USERS.secretariat);
  const res = await secretariat.get('/api/v1/audit-log?limit=500');
  assert.equal(res.status, 200);
  const entries = res.data.entries;
  const actions = entries.map((e) => e.action);
  for (const action of ['login', 'login-failed', 'password-reset.request', 'password-reset.confirm']) {
    assert.ok(actions.includes(action), `${action} in ${actions.join(',')}`);
  }
  assert.equal(entries[0].action, 'login');
  assert.equal(entries[0].actor_email, USERS.secretariat);
  for (let i = 1; i < entries.length; i += 1) assert.ok(entries[i - 1].id > entries[i].id, 'newest first');
  const entry = entries.find((e) => e.action === 'password-reset.confirm');
  assert.equal(entry.actor_email, USERS.member);
  assert.match(entry.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.equal(entry.ip, '127.0.0.1');
  assert.deepEqual(Object.keys(entry).sort(), ['action', 'actor_email', 'at', 'detail', 'id', 'ip', 'subject', 'user_id']);
  const failed = entries.find((e) => e.action === 'login-failed' && e.actor_email === USERS.ciAdmin);
  assert.ok(failed);
  assert.equal((await secretariat.get('/api/v1/audit-log?limit=2')).data.entries.length, 2);
  for (const limit of ['0', '501', 'abc', '']) {
    const bad = await secretariat.get(`/api/v1/audit-log?limit=${limit}`);
    assert.equal(bad.status, 400, limit);
    assert.equal(bad.data.field, 'limit');
  }
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    assert.equal((await secretariat.request(method, '/api/v1/audit-log', { json: {} })).status, 405, method);
  }
  const member = await loggedIn(server.url, USERS.otherMember);
  assert.equal((await member.get('/api/v1/audit-log')).status, 403);
});

test('confirming one reset link makes the older links of that user useless', async () => {
  const dir = join(maildir, 'new');
  const already = existsSync(dir) ? readdirSync(dir).length : 0;
  const anonymous = new Client(server.url);
  for (let i = 0; i < 2; i += 1) {
    assert.equal((await anonymous.post('/api/v1/password-reset', { email: USERS.assessor })).status, 202);
  }
  const mails = (await waitForMail(already + 2)).map(parseMail).filter((m) => m.headers.to.includes(USERS.assessor));
  assert.equal(mails.length, 2);
  const tokens = mails.map((m) => m.body.match(/wachtwoord-herstellen\?token=([A-Za-z0-9_-]+)/)[1]);
  assert.notEqual(tokens[0], tokens[1]);

  const first = await anonymous.post('/api/v1/password-reset/confirm', { token: tokens[1], password: NEW_PASSWORD });
  assert.equal(first.status, 204);
  const older = await anonymous.post('/api/v1/password-reset/confirm', { token: tokens[0], password: 'weer-een-ander-wachtwoord' });
  assert.equal(older.status, 400);
  assert.equal(older.data.field, 'token');
  assert.equal((await new Client(server.url).login(USERS.assessor, NEW_PASSWORD)).status, 200);
});
