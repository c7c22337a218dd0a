// Operations: the readiness check a proxy asks (database and schema included) and JSON log lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, freshDatabase, binary, raw, until } from './server.mjs';

// sql: runs one statement on the server's database behind its back (sqlite3 or psql).
function sql(url, statement) {
  if (url.startsWith('sqlite:')) {
    execFileSync('sqlite3', ['-cmd', '.timeout 10000', url.slice('sqlite:'.length), statement]);
  } else {
    execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement]);
  }
}

// logged: waits until the server's log (piped to a file) has a line matching `pattern`.
async function logged(server, pattern) {
  await until(`a log line ${pattern}`, () => pattern.test(server.logText()), 5000);
}

test('/readyz answers 200 while the database answers with this schema, 503 otherwise', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sterk-ready-'));
  const db = freshDatabase(dir);
  const server = await startServer({ db: db.url });
  try {
    let res = await fetch(`${server.url}/readyz`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { status: 'gereed', database: 'ok' });

    // Another release migrated the database further: this program must not take traffic.
    sql(db.url, 'UPDATE schema_version SET version = version + 1');
    res = await fetch(`${server.url}/readyz`);
    assert.equal(res.status, 503);
    const body = await res.json();
    assert.equal(body.status, 'niet gereed');
    assert.doesNotMatch(JSON.stringify(body), /schemaversie/, 'the reason is for the log, not for an anonymous caller');
    await logged(server, /niet gereed: database heeft schemaversie \d+, dit programma verwacht \d+/);
    // Liveness is not readiness: the process itself is fine.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);

    sql(db.url, 'UPDATE schema_version SET version = version - 1');
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  } finally {
    await server.stop();
    db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--log-format json writes one JSON object per line, requests as fields, queries left out', async () => {
  const server = await startServer({ env: { STERK_LOG_FORMAT: 'json' } });
  try {
    assert.equal((await fetch(`${server.url}/api/v1/register?q=geheim-zoekwoord`)).status, 200);
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'niemand@example.org', password: 'fout-wachtwoord-1' }),
    });
    assert.equal(login.status, 401);
    // An encoded line break in the path must not split or forge a log line.
    const answer = await raw(server.port, 'GET /bestaat%0a%7b%22level%22:%22error%22%7d niet HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { timeoutMs: 2000 });
    assert.match(answer, /^HTTP\/1\.1 [45]\d\d/);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = server.logText().split('\n').filter((line) => line !== '');
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        assert.fail(`not a JSON log line: ${line}`);
      }
    });
    for (const entry of entries) {
      assert.match(entry.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(['trace', 'debug', 'info', 'warning', 'error', 'critical'].includes(entry.level), entry.level);
      assert.ok(entry.msg !== undefined || entry.event !== undefined);
    }
    assert.ok(entries.some((e) => e.msg?.startsWith('luistert op')), 'the start line is there');
    const search = entries.find((e) => e.event === 'request' && e.path === '/api/v1/register');
    assert.ok(search, 'the register search is logged as a request');
    assert.equal(search.method, 'GET');
    assert.equal(search.status, 200);
    assert.equal(typeof search.ms, 'number');
    assert.equal(search.ip, '127.0.0.1');
    assert.ok(entries.some((e) => e.event === 'request' && e.path === '/api/v1/session' && e.status === 401));
    assert.doesNotMatch(server.logText(), /geheim-zoekwoord/, 'queries (tokens, searches) stay out of the log');
    assert.ok(!entries.some((e) => e.level === 'error' && e.event === undefined && e.msg === undefined));
  } finally {
    await server.stop();
  }
});

test('an unknown --log-format is refused naming the option', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sterk-logfmt-'));
  try {
    const run = spawnSync(binary(), ['serve', '--db', `sqlite:${join(dir, 'x.db')}`, '--log-format', 'xml'], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--log-format moet text of json zijn/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
