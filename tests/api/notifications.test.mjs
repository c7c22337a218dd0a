// Notifications end to end (issue 10 §5) through a real local SMTP sink (aiosmtpd, Maildir): an
// event tells the right users in their language; with the sink down messages wait and go out when
// it is back; the daily job reminds an overdue deadline once and sends the secretariat one digest;
// stopping the server while it sends and starting it again delivers every message exactly once.
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, loggedIn, freePort, freshDatabase, binary, waitForPort, USERS, until } from './server.mjs';
import { localDate } from './flow.mjs';

const SERVER_ARGS = (port) => [
  '--smtp-url', `smtp://127.0.0.1:${port}`, '--smtp-from', 'Sterklabel <noreply@sterklabel.example>',
  '--base-url', 'https://sterk.example', '--outbox-poll-ms', '100', '--outbox-backoff-ms', '200',
  '--lifecycle-every-min', '0',
];

let dir;
let db;
let server;
let smtpPort;
let smtp;
let maildir;
const c = {};
const ids = {};

async function startSink() {
  smtp = spawn('/usr/bin/aiosmtpd', ['-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], {
    stdio: 'ignore',
  });
  await waitForPort(smtpPort);
}

async function stopSink() {
  const exited = new Promise((resolve) => smtp.on('exit', resolve));
  smtp.kill('SIGTERM');
  await exited;
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
  const subject = (headers.subject ?? '')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8')).trim();
  return { headers, subject, body, to: headers.to, messageId: headers['message-id'] };
}

// outboxMails: every message in the Maildir sent from the outbox (password reset and invitation
// mails have random Message-IDs), by outbox row id.
function outboxMails() {
  const out = [];
  for (const sub of ['new', 'cur']) {
    const d = join(maildir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      const mail = parseMail(readFileSync(join(d, f), 'utf8'));
      const m = (mail.messageId ?? '').match(/^<outbox-(\d+)@sterklabel\.example>$/);
      if (m) out.push({ ...mail, id: Number(m[1]) });
    }
  }
  return out;
}


async function outbox(status) {
  const res = await c.secretariat.get(`/api/v1/outbox${status ? `?status=${status}` : ''}`);
  assert.equal(res.status, 200, res.text);
  return res.data;
}

async function start() {
  server = await startServer({ db: db.url, args: SERVER_ARGS(smtpPort) });
  c.member = await loggedIn(server.url, USERS.member);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
}

function lifecycleRun(today) {
  return execFileSync(binary(), ['lifecycle', 'run', '--db', db.url, '--today', today, '--base-url', 'https://sterk.example'],
    { encoding: 'utf8' });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sterk-notify-'));
  maildir = join(dir, 'Maildir');  // Python's Maildir makes tmp/new/cur only when it does not exist yet
  db = freshDatabase(dir);
  smtpPort = await freePort();
  await startSink();
  await start();
  for (const org of (await c.secretariat.get('/api/v1/organisations')).data.organisations) {
    if (org.name === 'Stichting WijkKracht') ids.wijkkracht = org.id;
    if (org.name === 'Sociaal Werk Nederland') ids.secretariat = org.id;
  }
  for (const t of (await c.secretariat.get('/api/v1/trajectories')).data.trajectories) {
    if (t.member.name === 'Stichting WijkKracht') ids.trajectory = t.id;
  }
  assert.ok(ids.wijkkracht && ids.secretariat && ids.trajectory, JSON.stringify(ids));
});

after(async () => {
  if (server) await server.stop();
  if (smtp && smtp.exitCode === null) await stopSink();
  db.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('an event tells the party that acts next and those informed, each in its own language', async () => {
  const language = await c.member.put('/api/v1/me/language', { language: 'en' });
  assert.equal(language.status, 200, language.text);
  assert.deepEqual(language.data, { language: 'en' });
  assert.deepEqual((await c.member.get('/api/v1/me/language')).data, { language: 'en' });
  const refused = await c.member.put('/api/v1/me/language', { language: 'fr' });
  assert.equal(refused.status, 400);
  assert.equal(refused.data.field, 'language');

  const members = (await c.secretariat.get(`/api/v1/organisations/${ids.wijkkracht}/users`)).data.users
    .filter((u) => u.status !== 'deactivated').map((u) => u.email).sort();
  const secretaries = (await c.secretariat.get(`/api/v1/organisations/${ids.secretariat}/users`)).data.users
    .filter((u) => u.status !== 'deactivated').map((u) => u.email).sort();
  assert.ok(members.includes(USERS.member) && secretaries.includes(USERS.secretariat));

  const accepted = await c.ciAdmin.post(`/api/v1/trajectories/${ids.trajectory}/events`,
    { event: 'audit_accepted', on: localDate() });
  assert.equal(accepted.status, 201, accepted.text);

  const expected = members.length + secretaries.length;
  const mails = await until('the mails of audit_accepted', () => {
    const got = outboxMails();
    return got.length >= expected ? got : null;
  });
  assert.deepEqual(mails.map((m) => m.to).sort(), [...members, ...secretaries].sort(), 'not the CI that recorded it');

  const english = mails.find((m) => m.to === USERS.member);
  assert.equal(english.subject, 'Sterklabel: Audit request accepted by the certification body – Stichting WijkKracht');
  assert.match(english.body, /This message is for your information/);
  assert.match(english.body, new RegExp(`https://sterk\\.example/trajecten/${ids.trajectory}\\b`));
  const dutch = mails.find((m) => m.to === USERS.secretariat);
  assert.equal(dutch.subject, 'Sterklabel: Aanvraag geaccepteerd door de CI – Stichting WijkKracht');
  assert.match(dutch.body, /Wat er nu van u gevraagd wordt:\n- Lidmaatschap en lidnummer bevestigen/);
  assert.match(dutch.body, new RegExp(`Bekijk het traject: https://sterk\\.example/trajecten/${ids.trajectory}\\n`));

  // The same message in the app, for the member only.
  const mine = await c.member.get('/api/v1/me/notifications');
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.data.notifications.length, 1);
  assert.equal(mine.data.notifications[0].kind, 'audit_accepted');
  assert.equal(mine.data.notifications[0].subject, english.subject);
  assert.equal(mine.data.notifications[0].link, `/trajecten/${ids.trajectory}`);
  assert.equal(mine.data.notifications[0].trajectory_id, ids.trajectory);
  assert.equal((await c.ciAdmin.get('/api/v1/me/notifications')).data.notifications.length, 0);

  const sent = await until('the outbox to record them sent', async () => {
    const list = await outbox();
    return list.counts.pending === 0 ? list : null;
  });
  assert.equal(sent.counts.sent, expected);
  const row = sent.messages.find((m) => m.recipient === USERS.member);
  assert.equal(row.language, 'en');
  assert.equal(row.status, 'sent');
  assert.equal(row.attempts, 0);
  assert.equal(row.next_attempt_at, null);
  assert.equal(typeof row.sent_at, 'number');
  assert.equal(english.id, row.id, 'the Message-ID names the outbox row');
  // A sent message cannot be "retried".
  const retry = await c.secretariat.post(`/api/v1/outbox/${row.id}/retry`);
  assert.equal(retry.status, 409, retry.text);
});

test('with the mail server down messages wait and retry; when it is back they go out once', async () => {
  await stopSink();
  const before = outboxMails().length;
  const confirmed = await c.secretariat.post(`/api/v1/trajectories/${ids.trajectory}/events`,
    { event: 'membership_confirmed', on: localDate() });
  assert.equal(confirmed.status, 201, confirmed.text);
  const waiting = await until('a failed attempt', async () => {
    const pending = (await outbox('pending')).messages.filter((m) => m.kind === 'membership_confirmed');
    return pending.length > 0 && pending.every((m) => m.attempts >= 1) ? pending : null;
  });
  assert.ok(waiting.every((m) => m.recipient !== USERS.secretariat), 'not the secretariat that recorded it');
  assert.ok(waiting.some((m) => m.recipient === USERS.ciAdmin), 'the CI must plan the audit');
  assert.ok(waiting[0].last_error.length > 0);
  assert.equal(typeof waiting[0].next_attempt_at, 'number');

  await startSink();
  await until('the waiting messages to go out', async () => (await outbox('pending')).messages.length === 0);
  const mails = outboxMails();
  assert.equal(mails.length, before + waiting.length);
  for (const m of waiting) {
    assert.equal(mails.filter((mail) => mail.id === m.id).length, 1, `message ${m.id} exactly once`);
  }
  const plan = mails.find((m) => m.to === USERS.ciAdmin && waiting.some((w) => w.id === m.id));
  assert.match(plan.body, /- Toetsing plannen \(data en team\)/);
});

test('overdue deadlines: one reminder and one digest, not again; stopping mid-send loses and repeats nothing', async () => {
  // More secretariat users, so the digest makes a batch worth interrupting.
  for (let i = 0; i < 6; i += 1) {
    const made = await c.secretariat.post('/api/v1/users',
      { email: `secretaris-${i}@sociaalwerk.example`, name: `Secretaris ${i}`, role: 'secretariat', organisation_id: ids.secretariat });
    assert.equal(made.status, 201, made.text);
  }
  // Welzijn Samen's audit is planned two weeks ahead; four months on, its concept report is late.
  const later = localDate(120);
  const first = lifecycleRun(later);
  assert.match(first, /toegepast: overdue:\d+:concept_report:\d{4}-\d\d-\d\d/);
  assert.match(first, new RegExp(`toegepast: digest:${later}`));
  // Stop the server while the worker sends them (SIGTERM: the message in flight is finished).
  await new Promise((r) => setTimeout(r, 150));
  const stopped = await server.stop();
  assert.equal(stopped.code, 0, 'exits 0 on SIGTERM');

  assert.match(lifecycleRun(later), /0 nieuwe effecten, 0 berichten/);
  assert.match(lifecycleRun(localDate(121)), /0 nieuwe effecten, 0 berichten/);

  await start();
  await until('every message to be sent', async () => (await outbox('pending')).messages.length === 0, 30000);
  const list = await outbox();
  assert.equal(list.counts.failed, 0);
  const mails = outboxMails();
  const sentIds = list.messages.filter((m) => m.status === 'sent').map((m) => m.id).sort((a, b) => a - b);
  assert.deepEqual(mails.map((m) => m.id).sort((a, b) => a - b), sentIds, 'each outbox row exactly once in the Maildir');

  const reminders = list.messages.filter((m) => m.kind === 'reminder.overdue');
  assert.ok(reminders.length >= 1);
  assert.ok(reminders.some((m) => m.recipient === USERS.ciAdmin), 'the CI is late with the concept');
  const reminder = mails.find((m) => m.id === reminders.find((r) => r.recipient === USERS.ciAdmin).id);
  assert.match(reminder.subject, /^Sterklabel: termijn verstreken – Conceptrapport \(deel A en B\) naar de organisatie$/);
  assert.match(reminder.body, /Dit is de enige herinnering/);
  const secretaries = (await c.secretariat.get(`/api/v1/organisations/${ids.secretariat}/users`)).data.users
    .filter((u) => u.status !== 'deactivated');
  const digests = list.messages.filter((m) => m.kind === 'digest.overdue');
  assert.equal(digests.length, secretaries.length, 'one digest for each secretariat user');
  assert.ok(digests.length >= 7);
  const digest = mails.find((m) => m.id === digests[0].id);
  assert.equal(digest.subject, `Sterklabel: verstreken termijnen op ${later}`);
  assert.match(digest.body, /\* Welzijn Samen \(traject \d+\): Conceptrapport \(deel A en B\) naar de organisatie; CI, uiterlijk/);
  assert.equal(digests[0].trajectory_id, null);
});
