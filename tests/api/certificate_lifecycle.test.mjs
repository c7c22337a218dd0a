// The certificates in the daily job (issue 11 §4) on the demo register: `sterklabel lifecycle run
// --today D` walks the dates of Stichting WijkKracht's certificate (expires in about three months,
// no re-certification registered for it) through its reminder, the two-week notice and the lapse,
// and Welzijn Samen's (expired, its audit accepted before the expiry) is suspended; each effect is
// applied once, so running again, or on a later day, adds nothing for it. The messages are in the
// outbox for the member (and, for suspension and lapse, the secretariat).
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, loggedIn, binary, freshDatabase, USERS } from './server.mjs';
import { localDate } from './flow.mjs';

let server;
let db;
let secretariat;
let wijkkracht;  // the demo's WijkKracht certificate

function lifecycleRun(today) {
  return execFileSync(binary(), ['lifecycle', 'run', '--db', db.url, '--today', today], { encoding: 'utf8' });
}

const applied = (output) => [...output.matchAll(/toegepast: (\S+)/g)].map((m) => m[1]);

async function outbox(kind) {
  const list = (await secretariat.get('/api/v1/outbox')).data.messages;
  return list.filter((m) => m.kind === kind);
}

before(async () => {
  db = freshDatabase(mkdtempSync(join(tmpdir(), 'sterk-certlife-')));
  server = await startServer({ db: db.url, args: ['--lifecycle-every-min', '0'] });
  secretariat = await loggedIn(server.url, USERS.secretariat);
  const register = await (await fetch(`${server.url}/api/v1/register?q=wijkkracht`)).json();
  wijkkracht = register.entries.find((e) => e.member === 'Stichting WijkKracht').certificate.number;
});

after(async () => {
  await server.stop();
  db.drop();
});

test('reminder, notice, suspension and lapse each come once, on their day', async () => {
  const live = await (await fetch(`${server.url}/api/v1/register/certificates/${wijkkracht}`)).json();
  const expires = live.expires;
  const day = (offset) => {
    const d = new Date(`${expires}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };

  // Today: Welzijn Samen is suspended (its audit runs); WijkKracht's three-month reminder may be due.
  const first = applied(lifecycleRun(localDate()));
  assert.ok(first.some((k) => /^certificate-suspended:SSW-/.test(k)), first.join('\n'));
  assert.ok(!first.some((k) => k.startsWith(`certificate-notice:${wijkkracht}`)));
  assert.deepEqual(applied(lifecycleRun(localDate())).filter((k) => k.startsWith('certificate')), [], 'twice: nothing new');
  const suspended = await outbox('certificate.suspended');
  assert.ok(suspended.some((m) => m.recipient === USERS.otherMember), JSON.stringify(suspended));
  assert.ok(suspended.some((m) => m.recipient === USERS.secretariat));
  assert.match(suspended[0].subject, /geschorst/);

  // Six weeks before expiry: the last reminder to WijkKracht, once.
  const sixWeeks = applied(lifecycleRun(day(-42)));
  assert.deepEqual(sixWeeks.filter((k) => k.startsWith(`certificate-reminder:${wijkkracht}`)).length, 1, sixWeeks.join('\n'));
  assert.ok((await outbox('certificate.reminder')).some((m) => m.recipient === USERS.member));

  // Two weeks before: the notice says it lapses (no re-certification is registered for it).
  const notice = applied(lifecycleRun(day(-14)));
  assert.deepEqual(notice.filter((k) => k.startsWith('certificate-') && k.includes(wijkkracht)),
    [`certificate-notice:${wijkkracht}:${expires}`]);
  const noticeMail = (await outbox('certificate.notice')).find((m) => m.recipient === USERS.member);
  assert.match(noticeMail.subject, new RegExp(`wat er op .* met uw certificaat gebeurt`));

  // On the expiry it lapses, once; a later run adds nothing for it.
  const lapse = applied(lifecycleRun(day(0)));
  assert.ok(lapse.includes(`certificate-lapsed:${wijkkracht}`), lapse.join('\n'));
  assert.deepEqual(applied(lifecycleRun(day(10))).filter((k) => k.includes(wijkkracht)), []);
  const lapsed = await outbox('certificate.lapsed');
  assert.ok(lapsed.some((m) => m.recipient === USERS.member && /vervallen/.test(m.subject)));
  assert.ok(lapsed.some((m) => m.recipient === USERS.secretariat));
});
