// Crash safety (issue "Evidence" item 1): eight clients make 1,000 writes of three kinds at once:
// findings saved over their version, trajectory events (an audit request and its withdrawal, again
// and again) and document uploads. Halfway the server is killed with SIGKILL while writes are in
// flight, then started again on the same database, and the clients carry on. Afterwards every write
// the server acknowledged (a 2xx received) is there with exactly its content, a write that got no
// answer is there whole or not at all, and nothing is half-written: every stored finding version is
// the text sent with it, every document has all its bytes, every trajectory replays, and the audit
// log has one entry per stored write and none for a write that is not there. Runs on SQLite, and
// on PostgreSQL in api_tests_pg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startServer, loggedIn, USERS } from './server.mjs';
import { toAudit, parties, localDate, coreView } from './flow.mjs';
import { upload } from './files.mjs';

const WRITES = 1000;
const KILL_AFTER = 450;  // writes started before the SIGKILL
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// pdfWith: a PDF (libmagic must call it one) carrying `size` random bytes in a comment, so that a
// truncated copy would differ.
function pdfWith(size) {
  const head = Buffer.from('%PDF-1.4\n%', 'latin1');
  const filler = Buffer.from(randomBytes(Math.ceil(size / 2)).toString('hex').slice(0, size), 'latin1');
  const tail = Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, filler, tail]);
}

async function download(base, client, id) {
  const res = await fetch(`${base}/api/v1/documents/${id}`, { headers: { cookie: `sterk_session=${client.cookie}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function auditLog(secretariat) {
  const entries = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor) query.set('cursor', cursor);
    const page = await secretariat.get(`/api/v1/audit-log?${query}`);
    assert.equal(page.status, 200, page.text);
    entries.push(...page.data.entries);
    cursor = page.data.next_cursor;
  } while (cursor);
  return entries;
}

test('a SIGKILL in the middle of 1,000 concurrent writes loses no acknowledged write and leaves none half-written', async () => {
  const first = await startServer();
  let second = null;
  try {
    const c = await parties(first.url, ['member', 'ciAdmin', 'auditor', 'assessor', 'secretariat']);
    const trajectoryId = await toAudit(c);
    const norms = (await c.auditor.get('/api/v1/frameworks/2019')).data.norms.map((n) => n.code);
    const ciId = (await c.secretariat.get('/api/v1/organisations')).data.organisations
      .find((o) => o.name === 'CI Toetsbureau').id;
    const login = (who) => loggedIn(first.url, USERS[who]);

    // Who writes: two sessions each of the team leader and the assessor (each its own norms), two
    // members requesting and withdrawing audits, two sessions of WijkKracht uploading.
    const findingWriters = await Promise.all(['auditor', 'auditor', 'assessor', 'assessor'].map(login));
    const eventWriters = await Promise.all(['otherMember', 'thirdMember'].map(login));
    const uploadWriters = await Promise.all(['member', 'member'].map(login));
    const clients = [...Object.values(c), ...findingWriters, ...eventWriters, ...uploadWriters];

    const run = { started: 0, killed: false, base: first.url };
    let restarted;
    const up = new Promise((resolve) => { restarted = resolve; });
    const atCrash = {};
    const acked = [];
    const unanswered = [];
    const unexpected = [];

    const crash = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      run.killed = true;
      const exit = await first.kill('SIGKILL');
      assert.equal(exit.signal, 'SIGKILL');
      second = await startServer({ db: first.db });
      run.base = second.url;
      for (const client of clients) client.base = second.url;
      // The findings as the crash left them, before the writers carry on and overwrite them.
      atCrash.findings = (await c.auditor.get(`/api/v1/trajectories/${trajectoryId}/findings`)).data.findings;
      atCrash.acked = [...acked];
      atCrash.tried = [...acked, ...unanswered];
      restarted();
    };
    let crashed = null;
    const nextWrite = () => {
      if (run.started >= WRITES) return false;
      run.started += 1;
      if (run.started === KILL_AFTER) crashed = crash();
      return true;
    };
    // attempt: one write; resolves with the response, or null when no answer came (then once the
    // server is back).
    const attempt = async (write, send) => {
      let res;
      try {
        res = await send();
      } catch (err) {
        if (!run.killed) {
          unexpected.push(`${write.kind}: ${err.message}`);
          return null;
        }
        unanswered.push(write);
        await up;
        return null;
      }
      if (res.status >= 200 && res.status < 300) {
        acked.push({ ...write, data: res.data });
        return res;
      }
      unexpected.push(`${write.kind} ${res.status}: ${res.text}`);
      return res;
    };

    const stored = async (client, norm) => {
      const all = await client.get(`/api/v1/trajectories/${trajectoryId}/findings`);
      return all.data.findings.find((f) => f.norm === norm).version;
    };
    const findingLoop = async (client, index) => {
      const mine = norms.filter((_, i) => i % findingWriters.length === index);
      const version = Object.fromEntries(mine.map((n) => [n, 0]));
      for (let i = 0; nextWrite(); i += 1) {
        const norm = mine[i % mine.length];
        const write = {
          kind: 'finding', norm, version: version[norm] + 1,
          verdict: i % 3 === 0 ? '+/-' : '+',
          text: `Bevinding ${norm} versie ${version[norm] + 1} van schrijver ${index}: ${randomBytes(24).toString('hex')}`,
        };
        const res = await attempt(write, () => client.put(`/api/v1/trajectories/${trajectoryId}/findings/${norm}`, {
          version: version[norm], verdict: write.verdict, text: write.text,
          sources: [{ kind: 'document', title: `Bron ${write.version}` }],
        }));
        if (res?.status === 200) version[norm] = res.data.version;
        else if (res === null) version[norm] = await stored(client, norm);
      }
    };
    const running = async (client) => (await client.get(`/api/v1/audit-request?self_evaluation_completed_on=${localDate(-30)}`)).data.running?.id ?? null;
    const eventLoop = async (client, index) => {
      let open = await running(client);
      while (nextWrite()) {
        if (open === null) {
          const res = await attempt({ kind: 'request', writer: index }, () => client.post('/api/v1/trajectories', {
            ci_id: ciId, variant: 'ci', self_evaluation_completed_on: localDate(-30),
            fte: { professionals_employed: 12 }, scope: { whole: true },
          }));
          if (res?.status === 201) open = res.data.id;
          else if (res === null) open = await running(client);
        } else {
          const id = open;
          const res = await attempt({ kind: 'withdrawal', writer: index, trajectory: id }, () =>
            client.post(`/api/v1/trajectories/${id}/events`, { event: 'trajectory_withdrawn', on: localDate(), reason: 'botsproef' }));
          if (res?.status === 201) open = null;
          else if (res === null) open = await running(client);
        }
      }
    };
    const uploadLoop = async (client, index) => {
      for (let i = 0; nextWrite(); i += 1) {
        const bytes = pdfWith(2000 + Math.floor(Math.random() * 200000));
        const write = { kind: 'upload', filename: `bewijs-${index}-${i}.pdf`, bytes, sha256: sha256(bytes) };
        await attempt(write, () => upload(client, write.filename, bytes, 'application/pdf'));
      }
    };

    // Members that already run a trajectory (the demo's) withdraw it first, so their loop can request.
    for (const client of eventWriters) {
      const open = await running(client);
      if (open !== null) {
        const off = await client.post(`/api/v1/trajectories/${open}/events`, { event: 'trajectory_withdrawn', on: localDate(), reason: 'vooraf' });
        assert.equal(off.status, 201, off.text);
      }
    }
    const before = new Set();
    for (const client of eventWriters) {
      for (const t of (await client.get('/api/v1/trajectories')).data.trajectories) before.add(t.id);
    }
    const started = Date.now();
    await Promise.all([
      ...findingWriters.map(findingLoop),
      ...eventWriters.map(eventLoop),
      ...uploadWriters.map(uploadLoop),
    ]);
    await crashed;
    const seconds = (Date.now() - started) / 1000;
    const count = (kind, list) => list.filter((w) => w.kind === kind).length;
    console.log(`${WRITES} writes in ${seconds.toFixed(1)} s; acknowledged: ${acked.length} (findings ${count('finding', acked)}, ` +
      `requests ${count('request', acked)}, withdrawals ${count('withdrawal', acked)}, uploads ${count('upload', acked)}); ` +
      `no answer: ${unanswered.length}`);
    assert.deepEqual(unexpected, []);
    assert.ok(run.killed, 'the server was killed');
    assert.ok(unanswered.length >= 1, 'the kill caught writes in flight');
    assert.equal(acked.length + unanswered.length, WRITES, 'the clients went on after the restart');

    const base = second.url;
    // Sessions are stored: the ones from before the crash still work.
    const secretariat = await loggedIn(base, USERS.secretariat);
    assert.equal((await c.secretariat.get('/api/v1/me')).status, 200);
    const log = await auditLog(secretariat);
    const entriesOf = (action, subject) => log.filter((e) => e.action === action && (subject === undefined || e.subject === subject));

    // Findings, right after the restart and at the end: each norm holds exactly the text, verdict
    // and source of the write its version came from, at least the last acknowledged version; one
    // audit entry per stored version, none beyond.
    const checkFindings = (findings, ackedSoFar, tried, when) => {
      for (const f of findings) {
        const writes = tried.filter((w) => w.kind === 'finding' && w.norm === f.norm);
        const lastAcked = Math.max(0, ...ackedSoFar.filter((w) => w.kind === 'finding' && w.norm === f.norm).map((w) => w.version));
        assert.ok(f.version >= lastAcked, `${when}: ${f.norm} version ${f.version}, acknowledged ${lastAcked}`);
        if (f.version === 0) continue;
        const source = writes.find((w) => w.version === f.version && w.text === f.text);
        assert.ok(source, `${when}: ${f.norm} version ${f.version} is a write sent with that version: ${f.text}`);
        assert.equal(f.verdict, source.verdict);
        assert.deepEqual(f.sources.map((x) => x.title), [`Bron ${f.version}`]);
      }
    };
    checkFindings(atCrash.findings, atCrash.acked, atCrash.tried, 'after the restart');
    const findings = (await c.auditor.get(`/api/v1/trajectories/${trajectoryId}/findings`)).data.findings;
    checkFindings(findings, acked, [...acked, ...unanswered], 'at the end');
    const findingEntries = entriesOf('report.finding', `trajectory:${trajectoryId}`);
    for (const f of findings) {
      const versions = findingEntries.filter((e) => e.detail.startsWith(`${f.norm} versie `))
        .map((e) => Number(e.detail.slice(`${f.norm} versie `.length))).sort((a, b) => a - b);
      assert.deepEqual(versions, Array.from({ length: f.version }, (_, i) => i + 1), `${f.norm}: one audit entry per version`);
    }
    for (const w of acked.filter((x) => x.kind === 'finding')) {
      assert.equal(w.data.version, w.version);
      assert.equal(w.data.text, w.text);
    }

    // Uploads: every acknowledged upload comes back byte for byte; every stored document (probed by
    // id up to beyond the highest) is whole and has its one audit entry, every entry its document.
    const byHash = new Map([...acked, ...unanswered].filter((w) => w.kind === 'upload').map((w) => [w.sha256, w]));
    for (const w of acked.filter((x) => x.kind === 'upload')) {
      assert.equal(w.data.sha256, w.sha256);
      assert.equal(w.data.size, w.bytes.length);
      const file = await download(base, secretariat, w.data.id);
      assert.equal(file.status, 200);
      assert.equal(sha256(file.bytes), w.sha256, `document ${w.data.id} is whole`);
    }
    const uploadEntries = entriesOf('document.upload');
    const highest = Math.max(...uploadEntries.map((e) => Number(e.subject.split(':')[1])));
    let documents = 0;
    for (let id = 1; id <= highest + 5; id += 1) {
      const file = await download(base, secretariat, id);
      const entries = uploadEntries.filter((e) => e.subject === `document:${id}`);
      if (file.status === 404) {
        assert.deepEqual(entries, [], `no audit entry for absent document ${id}`);
        continue;
      }
      documents += 1;
      const meta = (await secretariat.get(`/api/v1/documents/${id}/meta`)).data;
      assert.equal(file.bytes.length, meta.size, `document ${id}: all its bytes`);
      assert.equal(sha256(file.bytes), meta.sha256, `document ${id}: the bytes it was stored with`);
      assert.equal(entries.length, 1, `document ${id}: one audit entry`);
      assert.ok(entries[0].detail.includes(`sha256 ${meta.sha256}`));
      if (meta.filename.startsWith('bewijs-')) assert.ok(byHash.has(meta.sha256), `document ${id} was sent`);
    }
    assert.ok(documents >= count('upload', acked));
    const storedHashes = new Set(uploadEntries.map((e) => e.detail.match(/sha256 ([0-9a-f]+)/)[1]));
    const findingVersions = new Set(findingEntries.map((e) => e.detail));
    const present = unanswered.filter((w) => (w.kind === 'upload' && storedHashes.has(w.sha256)) ||
      (w.kind === 'finding' && findingVersions.has(`${w.norm} versie ${w.version}`))).length;
    console.log(`no answer, findings and uploads: ${count('finding', unanswered) + count('upload', unanswered)}, ` +
      `of which stored whole: ${present}; verified in ${((Date.now() - started) / 1000 - seconds).toFixed(1)} s`);

    // Trajectories: every acknowledged request and withdrawal is in the log; every trajectory of the
    // two members replays (the server's view and the core's through the CLI agree), its seqs run
    // 1..n, and the audit log has one entry for the request and one per event recorded after it.
    for (const [index, client] of eventWriters.entries()) {
      const list = (await client.get('/api/v1/trajectories')).data.trajectories;
      const mine = acked.filter((w) => w.writer === index);
      for (const w of mine.filter((x) => x.kind === 'request')) {
        assert.ok(list.some((t) => t.id === w.data.id), `requested trajectory ${w.data.id} is there`);
      }
      for (const summary of list) {
        const res = await client.get(`/api/v1/trajectories/${summary.id}`);
        assert.equal(res.status, 200, res.text);
        const t = res.data;
        assert.deepEqual(t.events.map((e) => e.seq), t.events.map((_, i) => i + 1));
        // The server replayed it to answer; the core replays every fifth through the CLI as well.
        if (t.id % 5 === 0) assert.equal(t.state, coreView(t).state, `trajectory ${t.id} replays`);
        const withdrawn = t.events.filter((e) => e.event === 'trajectory_withdrawn').length;
        assert.ok(withdrawn <= 1);
        if (mine.some((w) => w.kind === 'withdrawal' && w.trajectory === t.id)) assert.equal(withdrawn, 1);
        if (!before.has(t.id)) {
          assert.equal(entriesOf('trajectory.request', `trajectory:${t.id}`).length, 1, `trajectory ${t.id}: its request entry`);
        }
        assert.equal(entriesOf('trajectory.event', `trajectory:${t.id}`).length, withdrawn, `trajectory ${t.id}: its event entries`);
      }
    }
    for (const e of entriesOf('trajectory.request')) {
      const res = await secretariat.get(`/api/v1/trajectories/${e.subject.split(':')[1]}`);
      assert.equal(res.status, 200, `the entry's trajectory ${e.subject} is there`);
    }
    const audited = (await c.auditor.get(`/api/v1/trajectories/${trajectoryId}`)).data;
    assert.equal(audited.state, coreView(audited).state);
    assert.equal((await secretariat.get('/api/v1/trajectories')).status, 200);
  } finally {
    if (second) await second.stop();
    else await first.kill();
    first.dropDatabase();
    rmSync(first.dir, { recursive: true, force: true });
  }
});
