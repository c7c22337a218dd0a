// The platform's commands: serve's configuration, migrate and user add.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, freshDatabase, usesPostgres, startServer, Client } from './server.mjs';

function run(args, { env = {}, input } = {}) {
  const result = spawnSync(binary(), args, {
    env: { ...process.env, STERK_DEMO_PASSWORD: '', ...env },
    input,
    encoding: 'utf8',
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function withDatabase(fn) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sterk-cli-'));
    const db = freshDatabase(dir);
    try {
      await fn(db.url, dir);
    } finally {
      db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('serve --config-dump: effective config as JSON, flags over env, secrets masked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sterk-cfg-'));
  const secretFile = join(dir, 'smtp-password');
  writeFileSync(secretFile, 'bestand-geheim\n');
  const res = run(['serve', '--config-dump', '--listen', '127.0.0.1:9999', '--db', 'postgresql://u:dbgeheim@h:5432/db'], {
    env: {
      STERK_LISTEN: '0.0.0.0:1111',
      STERK_SMTP_URL: 'smtp://127.0.0.1:2525',
      STERK_SMTP_PASSWORD_FILE: secretFile,
      STERK_DEMO_PASSWORD: 'demo-geheim-123',
      STERK_BASE_URL: 'https://sterk.example/',
    },
  });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(res.code, 0, res.stderr);
  const config = JSON.parse(res.stdout);
  assert.equal(config.listen, '127.0.0.1:9999');
  assert.equal(config.smtp_url, 'smtp://127.0.0.1:2525');
  assert.equal(config.base_url, 'https://sterk.example');
  assert.equal(config.smtp_password, '***');
  assert.equal(config.demo_password, '***');
  assert.equal(config.db, 'postgresql://u:***@h:5432/db');
  assert.ok(!res.stdout.includes('geheim'));
  assert.deepEqual(config.trusted_proxies, []);
});

test('serve --trusted-proxy is repeatable; STERK_TRUSTED_PROXY is a comma-separated list (issue 7.3)', () => {
  const flags = run(['serve', '--config-dump', '--db', 'sqlite:x.db', '--trusted-proxy', '10.0.0.0/8',
    '--trusted-proxy', '::1'], { env: { STERK_TRUSTED_PROXY: '192.168.0.1' } });
  assert.equal(flags.code, 0, flags.stderr);
  assert.deepEqual(JSON.parse(flags.stdout).trusted_proxies, ['10.0.0.0/8', '::1']);
  const env = run(['serve', '--config-dump', '--db', 'sqlite:x.db'], { env: { STERK_TRUSTED_PROXY: '10.0.0.0/8, 127.0.0.1' } });
  assert.equal(env.code, 0, env.stderr);
  assert.deepEqual(JSON.parse(env.stdout).trusted_proxies, ['10.0.0.0/8', '127.0.0.1']);
  const bad = run(['serve', '--config-dump', '--db', 'sqlite:x.db'], { env: { STERK_TRUSTED_PROXY: '10.0.0.0/8, nee' } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /STERK_TRUSTED_PROXY/);
});

test('serve: invalid values exit 2 naming the flag', () => {
  const cases = [
    [['--db', 'sqlite:x.db', '--listen', 'geen-poort'], '--listen'],
    [['--db', 'sqlite:x.db', '--listen', '127.0.0.1:99999'], '--listen'],
    [['--db', 'mysql://x'], '--db'],
    [[], '--db'],
    [['--db', 'sqlite:x.db', '--base-url', 'ftp://x'], '--base-url'],
    [['--db', 'sqlite:x.db', '--smtp-url', 'http://mail'], '--smtp-url'],
    [['--db', 'sqlite:x.db', '--trusted-proxy', '10.0.0.0/33'], '--trusted-proxy'],
    [['--db', 'sqlite:x.db', '--trusted-proxy', 'proxy.example'], '--trusted-proxy'],
  ];
  for (const [args, flag] of cases) {
    const res = run(['serve', ...args, '--config-dump'], { env: { STERK_DB: '' } });
    assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
    assert.ok(res.stderr.includes(flag), `${args.join(' ')}: ${res.stderr}`);
  }
});

test('migrate prints old → new schema version; a second run changes nothing', withDatabase((url) => {
  const first = run(['migrate', '--db', url]);
  assert.equal(first.code, 0, first.stderr);
  const m = first.stdout.match(/schemaversie (\d+) → (\d+)/);
  assert.ok(m, first.stdout);
  assert.equal(m[1], '0');
  assert.ok(Number(m[2]) > 0);
  const second = run(['migrate', '--db', url]);
  assert.equal(second.code, 0);
  assert.ok(second.stdout.includes(`schemaversie ${m[2]} → ${m[2]}`), second.stdout);
}));

test('serve refuses a database with a newer schema (exit 1, with the reason)', withDatabase(async (url, dir) => {
  assert.equal(run(['migrate', '--db', url]).code, 0);
  if (usesPostgres()) {
    execFileSync('psql', [url, '-q', '-c', 'UPDATE schema_version SET version = version + 100']);
  } else {
    execFileSync('sqlite3', [join(dir, 'sterklabel.db'), 'UPDATE schema_version SET version = version + 100']);
  }
  const res = run(['serve', '--db', url, '--listen', '127.0.0.1:0']);
  assert.equal(res.code, 1, res.stderr);
  assert.match(res.stderr, /schema/i);
  assert.equal(run(['migrate', '--db', url]).code, 1);
}));

test('user add: adds an account that can log in; bad input exits 2 naming the flag', withDatabase(async (url) => {
  const ok = run(['user', 'add', '--db', url, '--email', 'Nieuw@Commissie.example', '--role', 'committee',
    '--name', 'Nieuw Lid', '--password-stdin'], { input: 'een-goed-wachtwoord\n' });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /nieuw@commissie\.example/);
  const duplicate = run(['user', 'add', '--db', url, '--email', 'nieuw@commissie.example', '--role', 'committee',
    '--password-stdin'], { input: 'een-goed-wachtwoord\n' });
  assert.notEqual(duplicate.code, 0);
  const cases = [
    [['--email', 'a@b.example', '--role', 'koning', '--password-stdin'], 'een-goed-wachtwoord\n', '--role'],
    [['--email', 'a@b.example', '--role', 'committee', '--password-stdin'], 'kort\n', '--password-stdin'],
    [['--email', 'geen-adres', '--role', 'committee', '--password-stdin'], 'een-goed-wachtwoord\n', '--email'],
    [['--email', 'a@b.example', '--role', 'member', '--password-stdin'], 'een-goed-wachtwoord\n', '--org'],
    [['--email', 'a@b.example', '--role', 'member', '--org', '999', '--password-stdin'], 'een-goed-wachtwoord\n', '--org'],
  ];
  for (const [args, input, flag] of cases) {
    const res = run(['user', 'add', '--db', url, ...args], { input });
    assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
    assert.ok(res.stderr.includes(flag), `${args.join(' ')}: ${res.stderr}`);
  }
  // The server starts on this database (no demo seeding: it has users) and the account works.
  const server = await startServer({ env: { STERK_DEMO_PASSWORD: '' }, args: [], db: url });
  try {
    const client = new Client(server.url);
    assert.equal((await client.login('nieuw@commissie.example', 'een-goed-wachtwoord')).status, 200);
    assert.equal((await client.login('secretariaat@sociaalwerk.example', 'wat-dan-ook-123')).status, 401);
  } finally {
    await server.stop();
  }
}));
