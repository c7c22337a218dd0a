// sterklabel backup / restore (issue 12, item 5) against real servers. A server runs on the demo
// plus two fictitious audits and an uploaded PDF; every role reads a list of endpoints; `backup`
// runs while that server is up; `restore` puts the file into a fresh database of the other kind
// (SQLite → PostgreSQL when TEST_PG_URL is set, PostgreSQL → SQLite with STERK_API_DB=postgresql,
// otherwise SQLite → SQLite); a second server on the restored database gives the same answers to
// the same sessions. A filled target is refused without --force; a file with one byte changed is
// refused and the target stays empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, binary, freshDatabase, usesPostgres, Client, USERS } from './server.mjs';
import { parties } from './flow.mjs';
import { tinyPdf, upload } from './files.mjs';

const ROLES = ['secretariat', 'member', 'otherMember', 'ciAdmin', 'auditor', 'assessor', 'committee'];
const sourceKind = usesPostgres() ? 'postgresql' : 'sqlite';
const targetKind = usesPostgres() ? 'sqlite' : process.env.TEST_PG_URL ? 'postgresql' : 'sqlite';

let dir;
let source;
let target;
let server;
let c;
let documentIds = [];
let backupFile;

function run(args) {
  return spawnSync(binary(), args, { encoding: 'utf8' });
}

// runAsync: the command in the background; `done` turns true when it exits.
function runAsync(args) {
  const child = spawn(binary(), args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const handle = { done: false };
  handle.result = new Promise((resolve) =>
    child.on('close', (status) => {
      handle.done = true;
      resolve({ status, stdout, stderr });
    }),
  );
  return handle;
}

// isEmpty: the target has no tables at all (SQLite: no file).
function isEmpty(db, kind) {
  if (kind === 'sqlite') return !existsSync(db.url.slice('sqlite:'.length));
  const out = execFileSync('psql', [db.url, '-tAc', "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"], {
    encoding: 'utf8',
  });
  return out.trim() === '0';
}

// paths: what each role reads; the audit log first, so reads that are themselves logged come after it.
async function paths(secretariat) {
  const list = [
    '/api/v1/audit-log?limit=500',
    '/api/v1/me',
    '/api/v1/me/actions',
    '/api/v1/me/notifications',
    '/api/v1/me/language',
    '/api/v1/users',
    '/api/v1/organisations',
    '/api/v1/members',
    '/api/v1/cis',
    '/api/v1/auditors',
    '/api/v1/self-evaluations',
    '/api/v1/peer-pools',
    '/api/v1/trajectories',
    '/api/v1/trajectories.csv',
    '/api/v1/register',
    '/api/v1/register.csv',
    '/api/v1/register/public-key',
    '/api/v1/trends',
    '/api/v1/trends.csv',
    '/api/v1/outbox',
    '/api/v1/frameworks',
  ];
  const trajectories = (await secretariat.get('/api/v1/trajectories')).data;
  assert.ok(trajectories.trajectories.length >= 3, 'the demo and the fictitious audits');
  for (const t of trajectories.trajectories) {
    for (const sub of ['', '/findings', '/part-a', '/report', '/report/versions', '/remarks', '/plan', '/addendum', '/part-a-check']) {
      list.push(`/api/v1/trajectories/${t.id}${sub}`);
    }
  }
  const register = (await secretariat.get('/api/v1/register')).data;
  assert.ok(register.entries.length > 0, 'the demo register has certificates');
  for (const entry of register.entries) list.push(`/api/v1/register/certificates/${entry.certificate.number}`);
  for (const id of documentIds) list.push(`/api/v1/documents/${id}/meta`, `/api/v1/documents/${id}`);
  return list;
}

// readAll: every role reads every path, in order; status and body per (role, path).
async function readAll(base, clients, list) {
  const answers = {};
  for (const role of ROLES) {
    const client = new Client(base);
    client.cookie = clients[role].cookie;
    client.csrf = clients[role].csrf;
    for (const path of list) {
      const res = await fetch(base + path, { headers: { cookie: `sterk_session=${client.cookie}` }, redirect: 'manual' });
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      const body = type.includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes.toString('base64');
      answers[`${role} ${path}`] = { status: res.status, type, body };
    }
  }
  return answers;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sterk-backup-'));
  source = freshDatabase(dir, sourceKind);
  execFileSync(binary(), ['demo-data', '--db', source.url, '--audits', '2'], { encoding: 'utf8' });
  server = await startServer({ db: source.url });
  c = await parties(server.url, ROLES);
  // An uploaded document: its bytes live in the database, so the backup must carry them.
  const pdf = tinyPdf();
  const res = await upload(c.member, 'Jaarverslag 2025 – ‘definitief’.pdf', pdf, 'application/pdf');
  assert.equal(res.status, 201, res.text);
  documentIds = [res.data.id];
  backupFile = join(dir, 'sterk.backup');
});

after(async () => {
  await server?.stop();
  source?.drop();
  target?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`backup while the server runs, restore ${sourceKind} → ${targetKind}: every role gets the same answers`, async () => {
  const list = await paths(c.secretariat);
  await readAll(server.url, c, list);  // whatever reading writes (logged reads) happens once before the backup

  // The backup runs as a separate process while the server keeps answering (public reads, which
  // write nothing, so the state after the backup is still the state in it).
  const backup = runAsync(['backup', '--db', source.url, '--to', backupFile]);
  let answered = 0;
  while (!backup.done) {
    const res = await fetch(`${server.url}/api/v1/register`);
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    answered += 1;
  }
  const made = await backup.result;
  assert.equal(made.status, 0, made.stderr);
  assert.ok(answered > 0);
  assert.match(made.stdout, /documents\s+1 rij\n/);
  assert.match(made.stdout, /35 tabellen, [\d.]+ rijen, [\d,]+ (kB|MB) in [\d,]+ s/);
  assert.ok(statSync(backupFile).size > 1000);
  const lines = readFileSync(backupFile, 'utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]);
  assert.equal(header.format, 'sterklabel-backup');
  assert.equal(header.source, sourceKind);
  assert.match(JSON.parse(lines.at(-1)).sha256, /^[0-9a-f]{64}$/);
  for (const table of ['trend_counts', 'trend_facts', 'certificates', 'trajectory_events', 'documents', 'audit_log']) {
    assert.ok(header.tables.find((t) => t.name === table).rows > 0, `${table} is in the backup`);
  }

  const expected = await readAll(server.url, c, list);

  target = freshDatabase(dir + '/restored', targetKind);
  const restored = run(['restore', '--from', backupFile, '--db', target.url]);
  assert.equal(restored.status, 0, restored.stderr + restored.stdout);
  assert.match(restored.stdout, /Hersteld: de backup van \d{4}-\d\d-\d\dT/);

  const second = await startServer({ db: target.url });
  try {
    // The sessions are in the backup: the same cookies work on the restored server.
    const actual = await readAll(second.url, c, list);
    for (const key of Object.keys(expected)) {
      assert.deepEqual(actual[key], expected[key], key);
    }
    const doc = actual[`member /api/v1/documents/${documentIds[0]}`];
    assert.equal(doc.status, 200);
    assert.equal(doc.body, tinyPdf().toString('base64'), 'the uploaded bytes came through');
    assert.equal(actual['committee /api/v1/trends'].status, 200);
    const statuses = Object.values(expected).map((a) => a.status);
    assert.ok(statuses.filter((s) => s === 200).length > 100, 'most reads succeed');

    // A filled target is refused, and stays as it was.
    const again = run(['restore', '--from', backupFile, '--db', target.url]);
    assert.equal(again.status, 2, again.stdout + again.stderr);
    assert.match(again.stderr, /fout: --db: de doeldatabase is niet leeg \(tabel organisations heeft rijen\)/);
    const after = await readAll(second.url, c, ['/api/v1/audit-log?limit=500', '/api/v1/organisations']);
    assert.deepEqual(after['secretariat /api/v1/organisations'], expected['secretariat /api/v1/organisations']);
  } finally {
    await second.stop();
  }
  // --force replaces it.
  const forced = run(['restore', '--from', backupFile, '--db', target.url, '--force']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /vervangen/);
});

test('a backup with one byte changed is refused and the target stays empty', async () => {
  assert.ok(existsSync(backupFile), 'the first test made the backup');
  const bytes = readFileSync(backupFile);
  const damaged = join(dir, 'damaged.backup');
  const empty = freshDatabase(join(dir, 'damaged'), targetKind);
  try {
    // A letter in the middle of a row: the JSON stays valid, only the checksum tells.
    const at = bytes.indexOf('Fictieve welzijnsorganisatie', 0, 'utf8');
    assert.ok(at > 0);
    const changed = Buffer.from(bytes);
    changed[at] = 'f'.charCodeAt(0);
    writeFileSync(damaged, changed);
    let res = run(['restore', '--from', damaged, '--db', empty.url]);
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.match(res.stderr, /fout: --from: de controlesom \(sha256\) klopt niet/);
    assert.ok(isEmpty(empty, targetKind), 'nothing written');

    // Any byte: here the middle one, one bit flipped.
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    writeFileSync(damaged, flipped);
    res = run(['restore', '--from', damaged, '--db', empty.url]);
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.match(res.stderr, /^fout: --from: /);
    assert.ok(isEmpty(empty, targetKind), 'nothing written');

    // A backup of a database without schema is refused, and leaves neither file nor database.
    const none = join(dir, 'none.backup');
    res = run(['backup', '--db', `sqlite:${join(dir, 'bestaat-niet.db')}`, '--to', none]);
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.match(res.stderr, /fout: --db: de database heeft geen schema/);
    assert.ok(!existsSync(none) && !existsSync(`${none}.tmp`) && !existsSync(join(dir, 'bestaat-niet.db')));
    res = run(['backup', '--db', source.url, '--to', join(dir, 'geen-map', 'x.backup')]);
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.match(res.stderr, /fout: --to: kan .*x\.backup niet schrijven/);

    // Not a backup at all.
    writeFileSync(damaged, 'naam;adres\n');
    res = run(['restore', '--from', damaged, '--db', empty.url]);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /regel 1: geen geldige JSON/);
    assert.ok(isEmpty(empty, targetKind), 'nothing written');
  } finally {
    empty.drop();
  }
});
