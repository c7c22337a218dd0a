// The load script (scripts/load.mjs, `make bench`) in small: 100 clients for 5 s searching the
// register, saving findings and logging in, then 200 idle or slow connections held open while fresh
// requests come in, then 20 logins at once. No request may fail (a 409 on a findings save that
// another client saved first is the expected answer), and a fresh request is answered promptly while
// the slow connections are open; the bound is generous because CI machines are noisy. Runs on
// SQLite, and on PostgreSQL in api_tests_pg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, DEMO_PASSWORD } from './server.mjs';

const script = fileURLToPath(new URL('../../scripts/load.mjs', import.meta.url));

test('100 clients, 200 slow connections and a login storm: no errors, and fresh requests are answered promptly', async () => {
  const server = await startServer();
  try {
    const out = await new Promise((resolve, reject) => {
      execFile(process.execPath, [script, server.url, DEMO_PASSWORD], {
        env: { ...process.env, LOAD_SECONDS: '5', LOAD_CLIENTS: '100', LOAD_SLOW: '200', LOAD_FRESH_SECONDS: '2', LOAD_STORM: '20' },
        timeout: 120000,
      }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)));
    });
    const figures = Object.fromEntries([...out.matchAll(/^(LOAD_[A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], Number(m[2])]));
    const context = `\n${out}`;
    assert.equal(figures.LOAD_MIXED_ERRORS, 0, context);
    assert.equal(figures.LOAD_FRESH_ERRORS, 0, context);
    assert.equal(figures.LOAD_STORM_ERRORS, 0, context);
    assert.ok(figures.LOAD_SLOW_HELD >= 190, `the slow connections were open${context}`);
    assert.ok(figures.LOAD_FRESH_WITH_P99_MS < 500, `fresh request p99 with slow connections open${context}`);
    assert.ok(figures.LOAD_STORM_REGISTER_P99_MS < 500, `register p99 during the login storm${context}`);
  } finally {
    await server.stop();
  }
});
