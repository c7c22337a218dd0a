// Header injection in mail (issue "Evidence", item 3): CR/LF and header-like text in every
// user-controlled value that reaches a mail (a user's name, an organisation's name, a withdrawal's
// and a certificate's reason, e-mail addresses). Through a real SMTP sink (aiosmtpd, Maildir; it
// records the envelope's recipients as X-RcptTo), every message must carry exactly the headers the
// mailer writes, one recipient in To and in the envelope, and never the injected Bcc or header.
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, loggedIn, freePort, waitForPort, USERS, until } from './server.mjs';
import { localDate } from './flow.mjs';

// What an attacker types: a line break, a header of its own, an extra recipient, and an SMTP
// end-of-data followed by a command.
const EVIL = 'indringer@evil.example';
const INJECTED = (what) => `${what}\r\nBcc: ${EVIL}\r\nX-Ingevoegd: ja\nCc: ${EVIL}\r\n\r\n.\r\nRCPT TO:<${EVIL}>\r\n`;

// The mailer's own headers, and those the sink adds (X-Peer, X-MailFrom, X-RcptTo).
const ALLOWED_HEADERS = new Set(['date', 'from', 'to', 'subject', 'message-id', 'mime-version', 'content-type',
  'content-transfer-encoding', 'x-peer', 'x-mailfrom', 'x-rcptto']);

let dir;
let maildir;
let smtp;
let server;
const c = {};
const ids = {};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sterk-hostile-mail-'));
  maildir = join(dir, 'Maildir');
  const port = await freePort();
  smtp = spawn('/usr/bin/aiosmtpd', ['-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    { stdio: 'ignore' });
  await waitForPort(port);
  server = await startServer({
    args: ['--smtp-url', `smtp://127.0.0.1:${port}`, '--smtp-from', 'Sterklabel <noreply@sterklabel.example>',
      '--base-url', 'https://sterk.example', '--outbox-poll-ms', '100', '--lifecycle-every-min', '0'],
  });
  c.member = await loggedIn(server.url, USERS.member);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  for (const org of (await c.secretariat.get('/api/v1/organisations')).data.organisations) {
    if (org.name === 'Stichting WijkKracht') ids.wijkkracht = org.id;
  }
  for (const t of (await c.secretariat.get('/api/v1/trajectories')).data.trajectories) {
    if (t.member.name === 'Stichting WijkKracht' && t.state === 'requested') ids.trajectory = t.id;
  }
  const register = await c.secretariat.get('/api/v1/register?q=wijkkracht');
  ids.certificate = register.data.entries?.[0]?.certificate?.number;
  assert.ok(ids.wijkkracht && ids.trajectory && ids.certificate, JSON.stringify({ ids, register: register.text }));
});

after(async () => {
  if (server) await server.stop();
  if (smtp) {
    const exited = new Promise((resolve) => smtp.on('exit', resolve));
    smtp.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

// mails: every stored message, its raw header lines (unfolded) and its body.
function mails() {
  const out = [];
  for (const sub of ['new', 'cur']) {
    const d = join(maildir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      const raw = readFileSync(join(d, f), 'latin1').replace(/\r\n/g, '\n');
      const split = raw.indexOf('\n\n');
      const lines = raw.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n');
      const headers = lines.map((line) => {
        const m = line.match(/^([^:]+):\s*(.*)$/);
        return m ? { name: m[1].toLowerCase(), value: m[2] } : { name: null, value: line };
      });
      const subject = (headers.find((h) => h.name === 'subject')?.value ?? '')
        .replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
      out.push({ file: f, headers, subject, body: raw.slice(split + 2) });
    }
  }
  return out;
}

// memberFields: WijkKracht as stored, in the shape PUT /members/{id} takes.
async function memberFields() {
  const { id, active, inactive_reason: _, ...fields } = (await c.secretariat.get(`/api/v1/members/${ids.wijkkracht}`)).data;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}


test('an e-mail address with a line break, a comma or angle brackets is refused wherever it is typed', async () => {
  const bad = [`nieuw@wijkkracht.example\r\nBcc: ${EVIL}`, `nieuw@wijkkracht.example, ${EVIL}`,
    `Nieuw <${EVIL}>`, `nieuw@wijkkracht.example\nX-Ingevoegd: ja`];
  for (const email of bad) {
    const user = await c.secretariat.post('/api/v1/users', { email, role: 'member', organisation_id: ids.wijkkracht });
    assert.equal(user.status, 400, `${JSON.stringify(email)}: ${user.text}`);
    assert.equal(user.data.field, 'email');
    const reset = await c.secretariat.post('/api/v1/password-reset', { email });
    assert.equal(reset.status, 400, `${JSON.stringify(email)}: ${reset.text}`);
    assert.equal(reset.data.field, 'email');
    const auditor = await c.ciAdmin.post('/api/v1/auditors', { name: 'Nieuwe auditor', email, role: 'assessor' });
    assert.equal(auditor.status, 400, `${JSON.stringify(email)}: ${auditor.text}`);
    assert.equal(auditor.data.field, 'email');
  }
  const fields = await memberFields();
  const org = await c.secretariat.put(`/api/v1/members/${ids.wijkkracht}`, { ...fields, email: bad[0] });
  assert.equal(org.status, 400, org.text);
  assert.equal(org.data.field, 'email');
});

test('CR/LF and header text in names and reasons never become a header or a recipient', async () => {
  // The user's own name (greeting of the invitation and of every notification to them).
  const invited = await c.secretariat.post('/api/v1/users', {
    email: 'nieuw-lid@wijkkracht.example', name: INJECTED('Nieuw Lid'), role: 'member', organisation_id: ids.wijkkracht,
  });
  assert.equal(invited.status, 201, invited.text);
  // The organisation's name (subject and body of every trajectory notification).
  const fields = await memberFields();
  const renamed = await c.secretariat.put(`/api/v1/members/${ids.wijkkracht}`, { ...fields, name: INJECTED('WijkKracht') });
  assert.equal(renamed.status, 200, renamed.text);
  // A withdrawal's reason (to the CI and the secretariat) and a certificate's public reason.
  const withdrawn = await c.member.post(`/api/v1/trajectories/${ids.trajectory}/events`,
    { event: 'trajectory_withdrawn', on: localDate(), reason: INJECTED('Toch niet') });
  assert.equal(withdrawn.status, 201, withdrawn.text);
  const certificate = await c.secretariat.post(`/api/v1/certificates/${ids.certificate}/withdraw`,
    { reason: INJECTED('Ingetrokken') });
  assert.equal(certificate.status, 200, certificate.text);

  await until('the outbox to be sent', async () => {
    const res = await c.secretariat.get('/api/v1/outbox');
    return res.data.counts.pending === 0 && res.data.counts.sent > 0;
  }, 20000);
  const got = await until('the invitation and the notifications', () => {
    const all = mails();
    return all.some((m) => m.subject.includes('Uitnodiging')) && all.some((m) => m.subject.includes(ids.certificate))
      ? all : null;
  }, 20000);

  const problems = [];
  let reached = 0;
  for (const mail of got) {
    const names = mail.headers.map((h) => h.name);
    for (const h of mail.headers) {
      if (h.name === null || !ALLOWED_HEADERS.has(h.name)) problems.push(`${mail.file}: header line ${JSON.stringify(h)}`);
    }
    for (const once of ['to', 'from', 'subject', 'x-rcptto']) {
      if (names.filter((n) => n === once).length !== 1) problems.push(`${mail.file}: ${once} ${names.filter((n) => n === once).length}×`);
    }
    const to = mail.headers.find((h) => h.name === 'to')?.value ?? '';
    const rcpt = mail.headers.find((h) => h.name === 'x-rcptto')?.value ?? '';
    if (!/^[^\s,<>]+@[^\s,<>]+$/.test(to)) problems.push(`${mail.file}: To ${to}`);
    if (rcpt !== to) problems.push(`${mail.file}: envelope ${rcpt}, To ${to}`);
    if (mail.headers.some((h) => h.value.includes(EVIL) && h.name !== 'subject')) problems.push(`${mail.file}: ${EVIL} in a header`);
    // The body is quoted-printable: no line of it starts with a bare dot (SMTP end of data).
    if (/^\.\s*$/m.test(mail.body)) problems.push(`${mail.file}: a lone dot in the body`);
    if (mail.subject.includes('Bcc:') || mail.body.includes('Bcc:') || mail.body.includes('Bcc=3A')) reached += 1;
  }
  assert.deepEqual(problems, []);
  assert.ok(reached >= 3, `the hostile values reached ${reached} of ${got.length} mails`);
  // Flattened on one line where they reach a subject.
  const subjects = got.map((m) => m.subject).filter((s) => s.includes('Bcc:'));
  for (const s of subjects) assert.doesNotMatch(s, /[\r\n]/, s);
  assert.ok(got.every((m) => !(m.headers.find((h) => h.name === 'x-rcptto')?.value ?? '').includes('evil.example')));
});
