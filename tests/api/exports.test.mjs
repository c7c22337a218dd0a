// Exports (issue 12 item 3): the register, the trajectory list and the trends as CSV and XLSX with
// Dutch headings. Each workbook is read back by a second reader (Debian's python3-openpyxl, hence
// /usr/bin/python3) and compared with the API's JSON: numbers are numbers, dates are dates, a
// suppressed trend group is "te weinig gegevens" with no figure, and a member's list holds its own
// trajectories only.
// Runs on SQLite, and on PostgreSQL with STERK_API_DB=postgresql.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, binary, freshDatabase } from './server.mjs';
import { parties } from './flow.mjs';

let server;
let db;
let c;
const dir = mkdtempSync(join(tmpdir(), 'sterk-exports-'));

// Every cell as [type, value]: openpyxl's own view of the workbook, not ours.
const READ_XLSX = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.active
def cell(v):
    if v is None: return ['empty', None]
    if isinstance(v, datetime.datetime): return ['date', v.date().isoformat()]
    if isinstance(v, (int, float)): return ['number', v]
    return ['text', str(v)]
print(json.dumps({'title': sheet.title, 'rows': [[cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]}))
`;

async function workbook(client, path) {
  const res = await fetch(server.url + path, { headers: client.cookie ? { cookie: `sterk_session=${client.cookie}` } : {} });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  assert.match(res.headers.get('content-type'), /spreadsheetml/);
  assert.match(res.headers.get('content-disposition'), /\.xlsx"/);
  const file = join(dir, `${path.replace(/\W+/g, '_')}.xlsx`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_XLSX, file], { encoding: 'utf8' }));
}

const values = (row) => row.map(([, v]) => v);

before(async () => {
  db = freshDatabase(dir);
  execFileSync(binary(), ['demo-data', '--db', db.url, '--audits', '40'], { encoding: 'utf8' });
  server = await startServer({ db: db.url });
  c = await parties(server.url, ['member', 'secretariat', 'committee']);
  c.anonymous = { cookie: null };
});

after(async () => {
  await server?.stop();
  db?.drop();
});

test('the register as XLSX has the JSON\'s certificates, with dates as dates, without login', async () => {
  const json = (await (await fetch(`${server.url}/api/v1/register`)).json()).entries;
  const book = await workbook(c.anonymous, '/api/v1/register.xlsx');
  assert.equal(book.title, 'kwaliteitsregister');
  const [headings, ...rows] = book.rows;
  assert.deepEqual(values(headings), ['Naam', 'Plaats', 'KvK-nummer', 'Lidnummer', 'Scope', 'Certificaatnummer',
    'Status', 'Geldig vanaf', 'Geldig tot en met']);
  assert.equal(rows.length, json.length);
  assert.ok(rows.length >= 3, 'the demo register and the fictitious certified members');
  for (const entry of json) {
    const row = rows.find((r) => r[5][1] === entry.certificate.number);
    assert.ok(row, entry.certificate.number);
    assert.equal(row[0][1], entry.member);
    assert.deepEqual(row[8], ['date', entry.certificate.valid_through]);
  }
  // The CSV of the same register: the same certificates, in the same order.
  const csv = await (await fetch(`${server.url}/api/v1/register.csv`)).text();
  const numbers = csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(';')[5]);
  assert.deepEqual(numbers, rows.map((r) => r[5][1]));
});

test('the trajectory list as XLSX and CSV follows the JSON and the caller\'s rights', async () => {
  const list = (await c.secretariat.get('/api/v1/trajectories')).data.trajectories;
  const book = await workbook(c.secretariat, '/api/v1/trajectories.xlsx');
  const [headings, ...rows] = book.rows;
  assert.deepEqual(values(headings), ['Traject', 'Lid', 'CI', 'Toetsvorm', 'Fase', 'Volgende stap', 'Wie', 'Uiterlijk', 'Stand']);
  assert.deepEqual(rows.map((r) => r[0]), list.map((t) => ['number', t.id]));
  assert.deepEqual(rows.map((r) => r[1][1]), list.map((t) => t.member.name));
  for (const [i, t] of list.entries()) {
    const due = t.actions[0]?.due;
    assert.deepEqual(rows[i][7], due ? ['date', due] : ['empty', null], `trajectory ${t.id}`);
  }
  const own = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const mine = (await workbook(c.member, '/api/v1/trajectories.xlsx')).rows.slice(1);
  assert.deepEqual(mine.map((r) => r[0][1]), own.map((t) => t.id));
  assert.ok(mine.every((r) => r[1][1] === 'Stichting WijkKracht'));
  const csv = await c.member.get('/api/v1/trajectories.csv?state=bogus');
  assert.equal(csv.status, 400);
  assert.equal(csv.data.field, 'state');
  assert.equal((await fetch(`${server.url}/api/v1/trajectories.xlsx`)).status, 401);
});

test('the trends as XLSX: counts as numbers equal to the JSON, suppressed groups without figures', async () => {
  const view = (await c.committee.get('/api/v1/trends')).data;
  const book = await workbook(c.committee, '/api/v1/trends.xlsx');
  const [headings, ...rows] = book.rows;
  assert.deepEqual(values(headings), ['Jaar', 'Rubriek', 'Norm', 'Voldoet (+)', 'Deels (+/-)', 'Voldoet niet (-)',
    'N.v.t.', 'Totaal', 'Organisaties']);
  assert.equal(rows.length, view.norms.length * view.columns.length);
  let shown = 0;
  let suppressed = 0;
  for (const norm of view.norms) {
    for (const [i, column] of view.columns.entries()) {
      const row = rows.find((r) => r[2][1] === norm.code && r[0][1] === (column.year ?? 'alle jaren'));
      assert.ok(row, `${norm.code} ${column.label}`);
      const counts = norm.columns[i];
      if (counts) {
        shown += 1;
        assert.deepEqual(row.slice(3), [counts.met, counts.partly, counts.not_met, counts.not_applicable, counts.total,
          column.organisations].map((n) => ['number', n]));
      } else {
        suppressed += 1;
        assert.deepEqual(row[3], ['text', 'te weinig gegevens']);
        assert.ok(row.slice(4).every(([type]) => type === 'empty'), `${norm.code} ${column.label} gives no figure`);
      }
    }
  }
  assert.ok(shown > 0, 'forty audits fill the all-years column');
  assert.ok(suppressed + shown === rows.length);
  assert.equal((await c.member.get('/api/v1/trends.xlsx')).status, 403);
});

test('the member list as XLSX and CSV: the JSON\'s members with membership dates as dates, the secretariat\'s only', async () => {
  const members = (await c.secretariat.get('/api/v1/members')).data.members;
  const book = await workbook(c.secretariat, '/api/v1/members.xlsx');
  const [headings, ...rows] = book.rows;
  assert.deepEqual(values(headings), ['Naam', 'Lidnummer', 'KvK-nummer', 'Adres', 'Postcode', 'Plaats', 'Contactpersoon',
    'Telefoon', 'E-mail', 'Website', 'Lid vanaf', 'Lid tot', 'Actief']);
  assert.equal(rows.length, members.length);
  for (const m of members) {
    const row = rows.find((r) => r[1][1] === m.lidnummer);
    assert.ok(row, m.lidnummer);
    assert.equal(row[0][1], m.name);
    assert.deepEqual(row[10], m.member_from ? ['date', m.member_from] : ['empty', null], `${m.name}: lid vanaf`);
    assert.deepEqual(row[12], ['text', m.active ? 'ja' : 'nee']);
  }
  const csv = await c.secretariat.get('/api/v1/members.csv');
  assert.equal(csv.status, 200);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, members.length + 1);
  assert.ok(lines[0].startsWith('Naam;Lidnummer;KvK-nummer;'));
  for (const client of [c.member, c.committee]) assert.equal((await client.get('/api/v1/members.xlsx')).status, 403);
});

test('the audit log as XLSX and CSV: every page of the filtered log, newest first, the secretariat\'s only', async () => {
  const all = [];
  let cursor = null;
  do {
    const page = (await c.secretariat.get(`/api/v1/audit-log?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).data;
    all.push(...page.entries);
    cursor = page.next_cursor;
  } while (cursor);
  const book = await workbook(c.secretariat, '/api/v1/audit-log.xlsx');
  const [headings, ...rows] = book.rows;
  assert.deepEqual(values(headings), ['Tijdstip (UTC)', 'Gebruiker', 'Handeling', 'Betreft', 'Toelichting', 'IP-adres']);
  // Downloading is not itself logged, so the workbook holds at least what the pages held.
  assert.ok(rows.length >= all.length, `${rows.length} rows, ${all.length} entries`);
  // Newest first, like the pages: the oldest entry is the last row.
  assert.deepEqual(values(rows.at(-1)), [all.at(-1).at, all.at(-1).actor_email, all.at(-1).action, all.at(-1).subject,
    all.at(-1).detail, all.at(-1).ip].map((v) => (v === '' ? null : v)));

  const loginsOnly = await c.secretariat.get('/api/v1/audit-log.csv?action=login');
  assert.equal(loginsOnly.status, 200);
  const lines = loginsOnly.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  assert.ok(lines.length >= 3, 'the parties logged in');
  assert.ok(lines.every((line) => line.split(';')[2] === 'login'), 'the filter applies to the download');
  const bad = await c.secretariat.get('/api/v1/audit-log.csv?from=gisteren');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'from');
  for (const client of [c.member, c.committee]) assert.equal((await client.get('/api/v1/audit-log.csv')).status, 403);
});
