// Starts the real server (STERK_BIN serve) on a fresh database and talks to it over HTTP.
// STERK_API_DB=postgresql: a fresh database is created next to TEST_PG_URL's (and dropped after).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import http from 'node:http';
import { randomBytes } from 'node:crypto';

export const DEMO_PASSWORD = 'demo-wachtwoord-voor-tests';
export const USERS = {
  secretariat: 'secretariaat@sociaalwerk.example',
  member: 'kwaliteit@wijkkracht.example',
  otherMember: 'kwaliteit@samenwelzijn.example',
  ciAdmin: 'beheer@ci-toets.example',
  auditor: 'teamleider@ci-toets.example',
  assessor: 'beoordelaar@ci-toets.example',
  committee: 'commissie@sociaalwerk.example',
  thirdMember: 'kwaliteit@buurtwerkoost.example',
};

export function binary() {
  const bin = process.env.STERK_BIN;
  if (!bin) throw new Error('STERK_BIN is not set (path of build/sterklabel)');
  return bin;
}

export function usesPostgres() {
  return process.env.STERK_API_DB === 'postgresql';
}

function psql(url, sql) {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: ['ignore', 'ignore', 'pipe'] });
}

// freshDatabase: a database URL nobody else uses, and a function that removes it. `kind`:
// 'sqlite' or 'postgresql' (default: the one STERK_API_DB names).
export function freshDatabase(dir, kind = usesPostgres() ? 'postgresql' : 'sqlite') {
  if (kind === 'sqlite') {
    return { url: `sqlite:${join(dir, 'sterklabel.db')}`, drop: () => {} };
  }
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_PG_URL is not set');
  const name = `sterk_api_${randomBytes(6).toString('hex')}`;
  psql(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => {
      try {
        psql(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // a leftover test database is harmless
      }
    },
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// startServer: starts `sterklabel serve --demo` and resolves once it printed its address.
// `db`: use this database URL (kept afterwards; its owner drops it) instead of a fresh one; `bin`: another copy of the binary.
export async function startServer({ args = [], env = {}, db: existing, bin = binary() } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sterk-api-'));
  const db = existing ? { url: existing, drop: () => {} } : freshDatabase(dir);
  const log = createWriteStream(join(dir, 'server.log'));
  const child = spawn(bin, ['serve', '--db', db.url, '--listen', '127.0.0.1:0', '--demo', ...args], {
    env: { ...process.env, STERK_DEMO_PASSWORD: DEMO_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let stdout = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stdout}`)), 30000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const m = stdout.match(/Sterklabel luistert op (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      let logText = '';
      try {
        logText = readFileSync(join(dir, 'server.log'), 'utf8');
      } catch {
        // no log
      }
      reject(new Error(`server exited with ${code}:\n${stdout}\n${logText}`));
    });
  });
  const { port } = new URL(url);
  return {
    url,
    port: Number(port),
    dir,
    db: db.url,
    dropDatabase: () => db.drop(),
    stdout: () => stdout,
    logText: () => readFileSync(join(dir, 'server.log'), 'utf8'),
    // kill: ends the process with `signal` at once (a crash: no shutdown) and keeps the database and
    // the log, so a server started with `{db: server.db}` finds what was written.
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      const result = await exited;
      log.end();
      return result;
    },
    async stop() {
      child.kill('SIGTERM');
      const result = await exited;
      log.end();
      db.drop();
      if (result.code !== 0 || process.env.STERK_API_KEEP) {
        // Keep the server log of a failed run for the developer.
        process.stderr.write(`server exit ${result.code} ${result.signal ?? ''}; log: ${join(dir, 'server.log')}\n`);
      } else {
        rmSync(dir, { recursive: true, force: true });
      }
      return result;
    },
  };
}

// Client: one browser-like user: keeps the session cookie and the CSRF token.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
  }

  async request(method, path, { json, body, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = `sterk_session=${this.cookie}`;
    if (csrf && this.csrf && !['GET', 'HEAD'].includes(method)) h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let data = null;
    if (text && (res.headers.get('content-type') ?? '').includes('application/json')) data = JSON.parse(text);
    for (const cookie of res.headers.getSetCookie()) {
      const m = cookie.match(/^sterk_session=([^;]*)/);
      if (m) this.cookie = m[1] || null;
    }
    return { status: res.status, headers: res.headers, data, text };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, json, options = {}) {
    return this.request('POST', path, { ...options, json });
  }

  put(path, json, options = {}) {
    return this.request('PUT', path, { ...options, json });
  }

  delete(path, options) {
    return this.request('DELETE', path, options);
  }

  async login(email, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/session', { email, password });
    if (res.status === 200) this.csrf = res.data.csrf_token;
    return res;
  }
}

export async function loggedIn(base, email, password = DEMO_PASSWORD) {
  const client = new Client(base);
  const res = await client.login(email, password);
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  return client;
}

// raw: sends bytes on a fresh TCP connection and resolves with everything read until close.
export function raw(port, data, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, timeoutMs);
    socket.on('connect', () => socket.write(data));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (received) resolve(received);
      else reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

// from: a request from a chosen local address (127.0.0.0/8 all reach the server on loopback), so a
// test can act as several clients. Resolves {status, headers, data, text}.
export function from(localAddress, base, method, path, { json, headers = {} } = {}) {
  const url = new URL(path, base);
  const body = json === undefined ? undefined : JSON.stringify(json);
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: h, localAddress, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          let data = null;
          if (text && (res.headers['content-type'] ?? '').includes('application/json')) data = JSON.parse(text);
          resolve({ status: res.statusCode, headers: res.headers, data, text });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// loginFrom: POST /api/v1/session from a chosen local address.
export function loginFrom(localAddress, base, email, password = DEMO_PASSWORD, headers = {}) {
  return from(localAddress, base, 'POST', '/api/v1/session', { json: { email, password }, headers });
}

// until: polls `check` every 100 ms until it returns something truthy (that value), or throws
// naming `what` after `timeoutMs`: for what the server does after answering (mail, log lines).
export async function until(what, check, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// waitForPort: resolves once something listens on 127.0.0.1:port (a test SMTP sink, say).
export function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}
