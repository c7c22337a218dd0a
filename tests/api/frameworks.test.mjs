// The framework endpoints and the OpenAPI document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, Client } from './server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  assert.equal((await server.stop()).code, 0);
});

test('GET /api/v1/frameworks lists 2019', async () => {
  const res = await new Client(server.url).get('/api/v1/frameworks');
  assert.equal(res.status, 200);
  assert.ok(res.data.versions.includes('2019'));
});

test('GET /api/v1/frameworks/2019 has 49 norms in the contract shape', async () => {
  const res = await new Client(server.url).get('/api/v1/frameworks/2019');
  assert.equal(res.status, 200);
  const fw = res.data;
  assert.equal(fw.version, '2019');
  assert.equal(fw.norms.length, 49);
  assert.equal(fw.rubrics.reduce((n, r) => n + r.norm_count, 0), 49);
  for (const norm of fw.norms) {
    assert.ok(['always', 'where-relevant'].includes(norm.applicability), norm.code);
    assert.ok(Array.isArray(norm.questions) && Array.isArray(norm.evidence), norm.code);
  }
  for (const key of ['title', 'published', 'copyright', 'branchecode', 'terminology', 'scope_groups', 'procedure']) {
    assert.ok(key in fw, key);
  }
});

test('GET /api/v1/frameworks/2019 is the same content as `sterklabel framework --json`', async () => {
  const res = await new Client(server.url).get('/api/v1/frameworks/2019');
  const cli = spawnSync(process.env.STERK_BIN, ['framework', '--version', '2019', '--json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(res.data, JSON.parse(cli.stdout));
});

test('GET /api/openapi.json serves api/openapi.json', async () => {
  const res = await new Client(server.url).get('/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.data.openapi, '3.0.3');
  const source = JSON.parse(readFileSync(fileURLToPath(new URL('../../api/openapi.json', import.meta.url)), 'utf8'));
  assert.deepEqual(res.data, source);
  for (const path of ['/healthz', '/api/v1/session', '/api/v1/me', '/api/v1/users', '/api/v1/organisations',
    '/api/v1/organisations/{id}', '/api/v1/audit-log', '/api/v1/frameworks', '/api/v1/frameworks/{version}',
    '/api/v1/password-reset', '/api/v1/password-reset/confirm']) {
    assert.ok(res.data.paths[path], path);
  }
});
