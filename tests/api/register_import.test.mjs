// The register kept before this system, loaded by the secretariat (issue 11, item 5; POST
// /api/v1/register/import): three members (the demo's SWN-1001 and two new ones) land in the
// register with their status; a file with one bad row among good ones writes nothing and names the
// line and column; a re-run is harmless; an imported number holds its year's sequence (a later
// issue gets a higher number); an imported certificate whose expiry passed is lapsed, and the daily
// job (`sterklabel lifecycle run`) handles it like any other; only the secretariat may import.
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, Client, freshDatabase, loggedIn, startServer, USERS } from './server.mjs';
import { localDate } from './flow.mjs';

const HEADER = 'lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt';
const YEAR = Number(localDate().slice(0, 4));

let server;
let db;
let secretariat;

// yearsLater: the same day `years` later (as the certificate term counts).
function yearsLater(iso, years) {
  const [y, m, d] = iso.split('-');
  return `${Number(y) + years}-${m}-${d}`;
}

// dutch: 2026-03-15 → 15-03-2026, as Dutch Excel writes a date.
function dutch(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

const csv = (...rows) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

const importFile = (text, query = '') => secretariat.post(`/api/v1/register/import${query}`, { csv: text });

async function registerSize() {
  return (await (await fetch(`${server.url}/api/v1/register`)).json()).entries.length;
}

async function organisationCount() {
  return (await secretariat.get('/api/v1/organisations')).data.organisations.length;
}

async function publicCertificate(number) {
  const res = await fetch(`${server.url}/api/v1/register/certificates/${number}`);
  return { status: res.status, data: await res.json() };
}

before(async () => {
  db = freshDatabase(mkdtempSync(join(tmpdir(), 'sterk-import-')));
  server = await startServer({ db: db.url, args: ['--lifecycle-every-min', '0'] });
  secretariat = await loggedIn(server.url, USERS.secretariat);
});

after(async () => {
  await server.stop();
  db.drop();
});

const issuedA = localDate(-100);
const issuedB = localDate(-30);
const issuedC = localDate(-400);
const GOOD = [
  `SWN-1001;Stichting WijkKracht;41178322;Utrecht;Werksoorten: jongerenwerk;SSW-${YEAR - 1}-0901;${issuedA};${yearsLater(issuedA, 2)}`,
  `SWN-7001;Stichting Importwelzijn (test);90000001;Zwolle;Het hele lid;SSW-${YEAR}-0500;${dutch(issuedB)};${dutch(yearsLater(issuedB, 2))}`,
  `SWN-7002;"Buurtwerk ""Oud Register"" (test)";;Emmen;"Werksoorten: opbouwwerk; jongerenwerk";SSW-2019-0042;${issuedC};${yearsLater(issuedC, 2)}`,
];

test('three members, one known by lidnummer and two new, land in the register with their status', async () => {
  const before = await registerSize();
  const checked = await importFile(csv(...GOOD), '?dry_run=true');
  assert.equal(checked.status, 200, checked.text);
  assert.deepEqual(checked.data, {
    dry_run: true, written: false, rows: 3, members_created: 2, members_matched: 1,
    certificates_imported: 3, certificates_present: 0, certificates_lapsed: 0,
  });
  assert.equal(await registerSize(), before, 'a dry run writes nothing');

  const imported = await importFile(csv(...GOOD));
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.data.written, true);
  assert.equal(imported.data.certificates_imported, 3);
  assert.equal(await registerSize(), before + 3);

  // The register finds each with its status; the dates follow uitgegeven and verloopt.
  for (const [q, number, member] of [
    ['importwelzijn', `SSW-${YEAR}-0500`, 'Stichting Importwelzijn (test)'],
    ['oud register', 'SSW-2019-0042', 'Buurtwerk "Oud Register" (test)'],
    [`SSW-${YEAR - 1}-0901`, `SSW-${YEAR - 1}-0901`, 'Stichting WijkKracht'],
  ]) {
    const found = await (await fetch(`${server.url}/api/v1/register?q=${encodeURIComponent(q)}`)).json();
    const entry = found.entries.find((e) => e.certificate.number === number);
    assert.ok(entry, `${q}: ${JSON.stringify(found)}`);
    assert.equal(entry.member, member);
    assert.equal(entry.certificate.status, 'valid');
  }
  const b = (await publicCertificate(`SSW-${YEAR}-0500`)).data;
  assert.equal(b.issued, issuedB);
  assert.equal(b.valid_from, issuedB);
  assert.equal(b.expires, yearsLater(issuedB, 2));
  assert.equal(b.kvk, '90000001');
  assert.equal(b.town, 'Zwolle');
  assert.equal(b.scope, 'Het hele lid');

  // SWN-1001 is the demo's WijkKracht: its history now holds the demo certificate and this one.
  const a = (await publicCertificate(`SSW-${YEAR - 1}-0901`)).data;
  assert.equal(a.history.length, 2, JSON.stringify(a.history));
  const members = (await secretariat.get('/api/v1/members')).data.members;
  assert.equal(members.filter((m) => m.lidnummer === 'SWN-1001').length, 1);
  const created = members.find((m) => m.lidnummer === 'SWN-7001');
  assert.equal(created.name, 'Stichting Importwelzijn (test)');
  assert.equal(created.town, 'Zwolle');
  assert.equal(created.kvk, '90000001');
  assert.ok(members.find((m) => m.lidnummer === 'SWN-7002'));

  const audit = (await secretariat.get('/api/v1/audit-log?action=register.import')).data.entries;
  assert.equal(audit.length, 1);
  assert.match(audit[0].detail, /3 regels: 2 leden aangemaakt, 1 gevonden; 3 certificaten geïmporteerd, 0 al aanwezig/);
});

test('a re-run of the same file skips what is there and writes nothing new', async () => {
  const [size, organisations] = [await registerSize(), await organisationCount()];
  const again = await importFile(csv(...GOOD));
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.members_created, 0);
  assert.equal(again.data.members_matched, 3);
  assert.equal(again.data.certificates_imported, 0);
  assert.equal(again.data.certificates_present, 3);
  assert.equal(await registerSize(), size);
  assert.equal(await organisationCount(), organisations);
});

test('one bad row among good ones: nothing is written, every problem names its line and column', async () => {
  const [size, organisations] = [await registerSize(), await organisationCount()];
  const refused = await importFile(csv(
    `SWN-7101;Nieuw Lid Goed (test);;Ede;Het hele lid;SSW-${YEAR}-0601;${localDate(-5)};${yearsLater(localDate(-5), 2)}`,
    `SWN-7102;Nieuw Lid Fout (test);;Ede;Het hele lid;SSW-${YEAR}-0602;${localDate(-5)};31-02-${YEAR + 2}`,
    // The same number as imported before, with another scope: a certificate never changes.
    GOOD[1].replace('Het hele lid', 'Werksoorten: jongerenwerk'),
  ));
  assert.equal(refused.status, 400, refused.text);
  assert.equal(refused.data.code, 'invalid_argument');
  assert.equal(refused.data.field, 'verloopt');
  assert.match(refused.data.message, /^Het bestand heeft 2 fouten; er is niets geïmporteerd\. regel 3, veld "verloopt"/);
  // The file's own problem and the database's, in the order of the file.
  assert.deepEqual(refused.data.errors, [
    { line: 3, field: 'verloopt', message: `"31-02-${YEAR + 2}" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)` },
    { line: 4, field: 'certificaatnummer',
      message: `SSW-${YEAR}-0500 staat al in het register met een andere scope; een certificaat verandert niet na uitgifte` },
  ]);
  assert.equal(await registerSize(), size, 'the register is unchanged');
  assert.equal(await organisationCount(), organisations, 'no member was created');
  assert.equal((await publicCertificate(`SSW-${YEAR}-0601`)).status, 404);
});

test('an imported number holds its year: a later issue that year gets a higher one', async () => {
  // A reissue numbers like an issue (next_certificate_sequence over the stored rows).
  const reissued = await secretariat.post(`/api/v1/certificates/SSW-${YEAR}-0500/reissue`, {
    scope: 'Werksoorten: jongerenwerk, opbouwwerk', reason: 'Scope verbeterd na de import',
  });
  assert.equal(reissued.status, 201, reissued.text);
  assert.equal(reissued.data.number, `SSW-${YEAR}-0501`);
  // A file that takes a sequence stored under another spelling is refused too.
  const taken = await importFile(csv(
    `SWN-7201;Ander Lid (test);;Ede;Het hele lid;SSW-${YEAR}-00501;${localDate(-5)};${yearsLater(localDate(-5), 2)}`,
  ));
  assert.equal(taken.status, 400, taken.text);
  assert.equal(taken.data.errors[0].field, 'certificaatnummer');
  assert.match(taken.data.errors[0].message, /volgnummer 501 van \d{4} is al aan een ander certificaat/);
});

test('an imported certificate past its expiry is lapsed, and the daily job handles it like any other', async () => {
  const issued = yearsLater(localDate(-70), -2);
  const number = `SSW-${YEAR - 2}-0777`;
  const imported = await importFile(csv(
    `SWN-7301;Verlopen Lid (test);;Assen;Het hele lid;${number};${issued};${localDate(-70)}`,
  ));
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.data.certificates_lapsed, 1);
  const live = await publicCertificate(number);
  assert.equal(live.data.status, 'lapsed');
  assert.equal(live.data.status_since, localDate(-70));
  const search = await (await fetch(`${server.url}/api/v1/register?q=${number}`)).json();
  assert.deepEqual(search.entries, [], 'a lapsed certificate is not listed');

  const run = execFileSync(binary(), ['lifecycle', 'run', '--db', db.url, '--today', localDate()], { encoding: 'utf8' });
  assert.match(run, new RegExp(`toegepast: certificate-lapsed:${number}`));
  const lapsed = (await secretariat.get('/api/v1/outbox')).data.messages.filter((m) => m.kind === 'certificate.lapsed');
  assert.ok(lapsed.some((m) => m.subject.includes(number) || m.subject.includes('Verlopen Lid')), JSON.stringify(lapsed));
});

test('only the secretariat imports: members, CIs, auditors and the committee get 403', async () => {
  const file = { csv: csv(GOOD[0]) };
  for (const who of ['member', 'ciAdmin', 'auditor', 'committee']) {
    const client = await loggedIn(server.url, USERS[who]);
    const res = await client.post('/api/v1/register/import?dry_run=true', file);
    assert.equal(res.status, 403, `${who}: ${res.text}`);
  }
  const anonymous = await new Client(server.url).post('/api/v1/register/import', file);
  assert.equal(anonymous.status, 401);
  const badFlag = await importFile(csv(GOOD[0]), '?dry_run=ja');
  assert.equal(badFlag.status, 400);
  assert.equal(badFlag.data.field, 'dry_run');
});
