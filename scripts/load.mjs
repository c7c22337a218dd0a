// `make bench` (scripts/bench.sh): the server under load. Usage: node load.mjs URL PASSWORD
// (PASSWORD: the demo logins'). Loopback only; Node's own http, no packages.
// (a) LOAD_CLIENTS (500) clients for LOAD_SECONDS (60) s: most search the public register, some
//     save findings as the CI's team (each save over the version it last saw; 409 is the expected
//     answer when another client saved first), a few log in (argon2id, ~135 ms each, on the
//     server's worker pool of 2 threads (Work::Worker in routes.cpp): logins queue there instead
//     of taking the I/O threads, so at most 2 hash at once and the rest wait their turn).
// (b) LOAD_SLOW (1,000) connections that send nothing or one byte a second (reopened when the
//     server closes them after its 10 s header timeout): how much later a fresh request is
//     answered than without them, each timed for LOAD_FRESH_SECONDS (15) s.
// (c) a storm of LOAD_STORM (200) logins at once: the register's latency meanwhile.
// Prints requests, errors by kind, req/s and p50/p95/p99 per kind, then one line per goal with
// "met" or "NOT met", and the figures as NAME=value lines (tests/api/load_smoke.test.mjs reads them).
// Needs a file-descriptor limit above 2 × LOAD_SLOW (bench.sh raises it).
import http from 'node:http';
import net from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const [base, password] = process.argv.slice(2);
if (!base || !password) {
  console.error('gebruik: node scripts/load.mjs URL WACHTWOORD');
  process.exit(2);
}
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 500);
const SLOW = Number(process.env.LOAD_SLOW ?? 1000);
const STORM = Number(process.env.LOAD_STORM ?? 200);
// (b) times fresh requests for this long without the slow connections and as long with them: longer
// than the server's 10 s header timeout, so its closing them (and their reopening) is part of it.
const FRESH_SECONDS = Number(process.env.LOAD_FRESH_SECONDS ?? 15);
const url = new URL(base);
const USERS = {
  secretariat: 'secretariaat@sociaalwerk.example',
  ciAdmin: 'beheer@ci-toets.example',
  auditor: 'teamleider@ci-toets.example',
  assessor: 'beoordelaar@ci-toets.example',
  member: 'kwaliteit@wijkkracht.example',
  otherMember: 'kwaliteit@samenwelzijn.example',
  committee: 'commissie@sociaalwerk.example',
  thirdMember: 'kwaliteit@buurtwerkoost.example',
};
const SEARCHES = ['welzijn', 'wijk', 'buurt', 'stichting', 'assen', 'breda', 'sociaal', 'jongeren', 'mantelzorg', 'zwolle'];

// request: one HTTP request; resolves {status, headers, text, ms} or {error, ms} (never rejects).
function request(method, path, { agent, headers = {}, body, timeoutMs = 60000 } = {}) {
  const begin = performance.now();
  return new Promise((resolve) => {
    const h = { ...headers };
    if (body !== undefined) {
      h['content-type'] = 'application/json';
      h['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers: h, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, ms: performance.now() - begin }));
      res.on('error', (err) => resolve({ error: err.code ?? err.message, ms: performance.now() - begin }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err) => resolve({ error: err.code ?? err.message, ms: performance.now() - begin }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function login(email, agent) {
  const res = await request('POST', '/api/v1/session', { agent, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) return { res };
  const cookie = res.headers['set-cookie'][0].split(';')[0];
  return { res, session: { cookie, csrf: JSON.parse(res.text).csrf_token } };
}

async function must(email) {
  const { res, session } = await login(email);
  if (!session) throw new Error(`inloggen als ${email}: ${res.status ?? res.error} ${res.text ?? ''}`);
  return session;
}

function call(session, method, path, json, agent) {
  const headers = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  return request(method, path, { agent, headers, body: json === undefined ? undefined : JSON.stringify(json) });
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Stats: latencies and outcomes per kind of request.
class Stats {
  constructor() { this.kinds = new Map(); }
  add(kind, res, expected = []) {
    const now = performance.now();
    if (!this.kinds.has(kind)) this.kinds.set(kind, { ms: [], errors: new Map(), expected: 0, first: now - res.ms, last: now });
    const k = this.kinds.get(kind);
    k.ms.push(res.ms);
    k.first = Math.min(k.first, now - res.ms);
    k.last = Math.max(k.last, now);
    let error = null;
    if (res.error) error = `socket ${res.error}`;
    else if (expected.includes(res.status)) k.expected += 1;
    else if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    if (error) k.errors.set(error, (k.errors.get(error) ?? 0) + 1);
  }
  errors() {
    let n = 0;
    for (const k of this.kinds.values()) for (const c of k.errors.values()) n += c;
    return n;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (v) => `${v.toFixed(1)} ms`;
function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], count: s.length };
}

function printStats(stats) {
  let total = 0;
  const span = { first: Infinity, last: 0 };
  for (const [kind, k] of stats.kinds) {
    total += k.ms.length;
    span.first = Math.min(span.first, k.first);
    span.last = Math.max(span.last, k.last);
    const s = summary(k.ms);
    const errors = [...k.errors].map(([e, n]) => `${e}: ${n}`).join(', ') || 'none';
    const expected = k.expected ? `, ${k.expected} expected 409 conflicts` : '';
    // Each kind's rate over its own span: (c) times the register before the storm as well.
    console.log(`  ${kind}: ${k.ms.length} requests, ${(k.ms.length / ((k.last - k.first) / 1000)).toFixed(0)} req/s, ` +
      `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} max ${ms(s.max)}; errors ${errors}${expected}`);
  }
  console.log(`  all: ${total} requests, ${(total / ((span.last - span.first) / 1000)).toFixed(0)} req/s, ${stats.errors()} errors`);
}

const goals = [];
const figures = {};
function goal(text, met) {
  goals.push(`${text}: ${met ? 'met' : 'NOT met'}`);
  console.log(`${text}: ${met ? 'met' : 'NOT met'}`);
}

// findingsTrajectory: a trajectory whose findings the demo's team leader may write now; the demo's
// requested trajectory of WijkKracht is taken to a planned audit when there is none.
async function findingsTrajectory(auditor) {
  const list = JSON.parse((await call(auditor, 'GET', '/api/v1/trajectories')).text).trajectories;
  for (const t of list) {
    const res = await call(auditor, 'GET', `/api/v1/trajectories/${t.id}/findings`);
    if (res.status === 200 && JSON.parse(res.text).editable) return t.id;
  }
  const ciAdmin = await must(USERS.ciAdmin);
  const secretariat = await must(USERS.secretariat);
  const all = JSON.parse((await call(ciAdmin, 'GET', '/api/v1/trajectories')).text).trajectories;
  const requested = all.find((t) => t.member.name === 'Stichting WijkKracht' && t.state === 'requested');
  if (!requested) throw new Error('geen traject om bevindingen in op te slaan');
  const auditors = JSON.parse((await call(ciAdmin, 'GET', '/api/v1/auditors')).text).auditors;
  const team = [
    { auditor_id: auditors.find((a) => a.email === USERS.auditor).id, role: 'team_leader' },
    { auditor_id: auditors.find((a) => a.email === USERS.assessor).id, role: 'assessor' },
  ];
  const steps = [
    [ciAdmin, { event: 'audit_accepted' }],
    [secretariat, { event: 'membership_confirmed' }],
    [ciAdmin, { event: 'audit_planned', first_day: today(), last_day: today(), team }],
  ];
  for (const [who, event] of steps) {
    const res = await call(who, 'POST', `/api/v1/trajectories/${requested.id}/events`, { on: today(), ...event });
    if (res.status !== 201) throw new Error(`${event.event}: ${res.status} ${res.text}`);
  }
  return requested.id;
}

// (a) the mixed load.
async function mixedLoad() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const auditor = await must(USERS.auditor);
  const assessor = await must(USERS.assessor);
  const trajectory = await findingsTrajectory(auditor);
  const findings = JSON.parse((await call(auditor, 'GET', `/api/v1/trajectories/${trajectory}/findings`)).text).findings;
  const versions = new Map(findings.map((f) => [f.norm, f.version]));
  const norms = [...versions.keys()];
  const team = [auditor, assessor];
  const logins = Math.max(1, Math.round(CLIENTS * 0.04));
  const savers = Math.max(1, Math.round(CLIENTS * 0.2));
  console.log(`\n== (a) ${CLIENTS} clients for ${SECONDS} s: ${CLIENTS - logins - savers} search the register, ` +
    `${savers} save findings (trajectory ${trajectory}, ${norms.length} norms), ${logins} log in`);
  const stats = new Stats();
  const end = performance.now() + SECONDS * 1000;
  const emails = Object.values(USERS);
  const client = async (i) => {
    for (let n = 0; performance.now() < end; n += 1) {
      if (i < logins) {
        const { res } = await login(emails[(i + n) % emails.length], agent);
        stats.add('login', res);
      } else if (i < logins + savers) {
        const norm = norms[(i * 7 + n) % norms.length];
        const res = await call(team[i % 2], 'PUT', `/api/v1/trajectories/${trajectory}/findings/${norm}`, {
          version: versions.get(norm), verdict: '+', text: `Bevinding ${norm} onder belasting, client ${i}, ronde ${n}.`,
          sources: [{ kind: 'document', title: 'Jaarverslag' }],
        }, agent);
        stats.add('finding save', res, [409]);
        if (res.status === 200) versions.set(norm, Math.max(versions.get(norm), JSON.parse(res.text).version));
        if (res.status === 409) versions.set(norm, Math.max(versions.get(norm), JSON.parse(res.text).current.version));
      } else {
        const q = SEARCHES[(i + n) % SEARCHES.length];
        stats.add('register search', await request('GET', `/api/v1/register?q=${q}`, { agent }));
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  agent.destroy();
  printStats(stats);
  goal(`(a) ${CLIENTS} clients, ${SECONDS} s: ${stats.errors()} errors (goal: no errors)`, stats.errors() === 0);
  const all = summary([...stats.kinds.values()].flatMap((k) => k.ms));
  Object.assign(figures, { LOAD_MIXED_ERRORS: stats.errors(), LOAD_MIXED_REQUESTS: all.count, LOAD_MIXED_P99_MS: all.p99.toFixed(1) });
}

// fresh: requests one after another for `seconds`, each on a new connection; their latencies.
async function fresh(seconds, stats, kind) {
  const out = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const res = await request('GET', '/api/v1/register?q=welzijn', { agent: false, timeoutMs: 10000 });
    stats.add(kind, res);
    out.push(res.ms);
  }
  return summary(out);
}

// holdConnections (in a worker thread, so that its sockets and timers do not delay the measuring
// thread's clock): opens `count` connections, half of them sending a request header one byte a
// second (spread over the second), and reopens each one the server closes. Answers 'held' once all
// are open and, on 'stop', closes them and reports.
function holdConnections({ port, host, count }) {
  const sockets = new Set();
  let closedByServer = 0;
  let failed = 0;
  let stopping = false;
  const open = (i) => new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.on('connect', () => {
      sockets.add(socket);
      if (i % 2 === 1) {
        socket.write(`GET /api/v1/register?q=${i} HTTP/1.1\r\nHost: ${host}\r\nX-Langzaam: `);
        setTimeout(() => {
          socket.drip = setInterval(() => socket.write('a'), 1000);
        }, Math.random() * 1000);
      }
      resolve();
    });
    socket.on('data', () => {});
    socket.on('error', () => { failed += 1; resolve(); });
    socket.on('close', () => {
      clearInterval(socket.drip);
      sockets.delete(socket);
      if (stopping) return;
      closedByServer += 1;
      open(i);  // an attacker reconnects at once
    });
  });
  (async () => {
    for (let i = 0; i < count; i += 100) {
      await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)));
    }
    parentPort.postMessage({ held: sockets.size });
  })();
  parentPort.on('message', () => {
    const heldAtEnd = sockets.size;
    stopping = true;
    for (const socket of sockets) {
      clearInterval(socket.drip);
      socket.destroy();
    }
    parentPort.postMessage({ heldAtEnd, closedByServer, failed });
  });
}

// (b) idle and slow connections.
async function slowConnections() {
  console.log(`\n== (b) ${SLOW} connections held open (half send nothing, half one header byte a second) while fresh requests come in`);
  const stats = new Stats();
  const without = await fresh(FRESH_SECONDS, stats, 'fresh, without');
  const holder = new Worker(new URL(import.meta.url), {
    argv: process.argv.slice(2), workerData: { port: Number(url.port), host: url.hostname, count: SLOW },
  });
  const reply = () => new Promise((resolve, reject) => {
    holder.once('message', resolve);
    holder.once('error', reject);
  });
  const { held } = await reply();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const withSlow = await fresh(FRESH_SECONDS, stats, 'fresh, with');
  holder.postMessage('stop');
  const { heldAtEnd, closedByServer, failed } = await reply();
  await holder.terminate();
  console.log(`  open: ${held} at the start, ${heldAtEnd} at the end; closed by the server meanwhile: ${closedByServer} (reopened); failed to connect: ${failed}`);
  console.log(`  fresh requests for ${FRESH_SECONDS} s each: without p50 ${ms(without.p50)} p99 ${ms(without.p99)} ` +
    `(${without.count}); with ${SLOW} open p50 ${ms(withSlow.p50)} p99 ${ms(withSlow.p99)} max ${ms(withSlow.max)} (${withSlow.count})`);
  const delay = withSlow.p99 - without.p99;
  Object.assign(figures, { LOAD_SLOW_HELD: held, LOAD_FRESH_WITHOUT_P99_MS: without.p99.toFixed(1),
    LOAD_FRESH_WITH_P99_MS: withSlow.p99.toFixed(1), LOAD_FRESH_WITH_MAX_MS: withSlow.max.toFixed(1),
    LOAD_FRESH_ERRORS: stats.errors() });
  goal(`(b) ${SLOW} idle/slow connections delay a fresh request by ${ms(delay)} at p99 (goal: at most 10 ms)`,
    delay <= 10 && held >= SLOW * 0.95);
  goal(`(b) fresh requests: ${stats.errors()} errors (goal: no errors)`, stats.errors() === 0);
}

// (c) a login storm.
async function loginStorm() {
  console.log(`\n== (c) ${STORM} logins at once while 4 clients search the register`);
  const agent = new http.Agent({ keepAlive: true });
  const stats = new Stats();
  const search = async (kind, until) => {
    for (let n = 0; !until(); n += 1) {
      stats.add(kind, await request('GET', `/api/v1/register?q=${SEARCHES[n % SEARCHES.length]}`, { agent }));
    }
  };
  const quietEnd = performance.now() + 3000;
  await Promise.all(Array.from({ length: 4 }, () => search('register, before', () => performance.now() > quietEnd)));
  let done = false;
  const emails = Object.values(USERS);
  const begin = performance.now();
  const storm = Promise.all(Array.from({ length: STORM }, async (_, i) => {
    const { res } = await login(emails[i % emails.length], false);
    stats.add('login (storm)', res);
  })).then(() => { done = true; });
  await Promise.all([storm, ...Array.from({ length: 4 }, () => search('register, during', () => done))]);
  const seconds = (performance.now() - begin) / 1000;
  agent.destroy();
  printStats(stats);
  const during = summary(stats.kinds.get('register, during').ms);
  Object.assign(figures, { LOAD_STORM_REGISTER_P99_MS: during.p99.toFixed(1), LOAD_STORM_ERRORS: stats.errors() });
  goal(`(c) register p99 ${ms(during.p99)} during ${STORM} logins (${seconds.toFixed(1)} s) (goal: under 50 ms)`, during.p99 < 50);
  goal(`(c) ${stats.errors()} errors (goal: no errors)`, stats.errors() === 0);
}

if (isMainThread) {
  await mixedLoad();
  await slowConnections();
  await loginStorm();
  console.log('\n== load: summary');
  for (const line of goals) console.log(line);
  for (const [name, value] of Object.entries(figures)) console.log(`${name}=${value}`);
} else {
  holdConnections(workerData);
}
