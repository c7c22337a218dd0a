// The self-evaluation over HTTP (issue 8 item 3): a member starts one on the current framework,
// saves answers per norm over the version it edited (a stale save gets 409 with the current
// answer, so both texts are at hand), sees its progress per rubric, and completes it once every
// norm has a verdict. Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';
import { tinyPdf, PNG, upload } from './files.mjs';

let server;
const c = {};
let framework;

before(async () => {
  server = await startServer();
  c.member = await loggedIn(server.url, USERS.member);
  c.memberElsewhere = await loggedIn(server.url, USERS.member); // the same member in a second tab
  c.otherMember = await loggedIn(server.url, USERS.otherMember);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.auditor = await loggedIn(server.url, USERS.auditor);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  framework = (await c.member.get('/api/v1/frameworks/2019')).data;
});

after(async () => {
  await server.stop();
});

function put(client, id, norm, body) {
  return client.request('PUT', `/api/v1/self-evaluations/${id}/answers/${encodeURIComponent(norm)}`, { json: body });
}

let started;

test('a member starts a self-evaluation on the current framework; a second one waits for completion', async () => {
  const res = await c.member.post('/api/v1/self-evaluations');
  assert.equal(res.status, 201, res.text);
  started = res.data;
  assert.equal(started.state, 'open');
  assert.equal(started.framework, '2019');
  assert.equal(started.completed_on, null);
  assert.equal(started.member.name, 'Stichting WijkKracht');
  assert.equal(started.answers.length, framework.norms.length);
  assert.deepEqual(started.answers[0], {
    norm: 'VM1', verdict: '', explanation: '', version: 0, to_confirm: false, evidence: [], feedback: null,
  });
  assert.deepEqual(
    started.progress.map((p) => [p.rubric, p.answered, p.total]),
    framework.rubrics.map((r) => [r.code, 0, r.norm_count]),
  );
  const again = await c.member.post('/api/v1/self-evaluations');
  assert.equal(again.status, 409, again.text);
  assert.equal(again.data.code, 'failed_precondition');
  const list = await c.member.get('/api/v1/self-evaluations');
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.data.self_evaluations.map((s) => s.id), [started.id]);
});

test('two writers with the same version: one is saved, the other gets 409 with the current text', async () => {
  const [a, b] = await Promise.all([
    put(c.member, started.id, 'VM1', { verdict: '+', explanation: 'Tekst van Anna', version: 0 }),
    put(c.memberElsewhere, started.id, 'VM1', { verdict: '-', explanation: 'Tekst van Bram', version: 0 }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.text} / ${b.text}`);
  const [won, lost, lostText] = a.status === 200 ? [a, b, 'Tekst van Bram'] : [b, a, 'Tekst van Anna'];
  assert.equal(won.data.version, 1);
  assert.equal(lost.data.code, 'failed_precondition');
  assert.equal(lost.data.field, 'version');
  assert.match(lost.data.message, /intussen/);
  assert.equal(lost.data.current.version, 1);
  assert.equal(lost.data.current.explanation, won.data.explanation, 'the stored text comes back with the 409');
  assert.notEqual(lost.data.current.explanation, lostText, 'and the loser still has its own text to offer');
  // Nothing was overwritten silently: the stored answer is the winner's.
  const now = (await c.member.get(`/api/v1/self-evaluations/${started.id}`)).data;
  assert.equal(now.answers[0].explanation, won.data.explanation);
  // Saving again over the current version works and counts on.
  const merged = await put(c.member, started.id, 'VM1', { verdict: '+/-', explanation: 'Samengevoegd', version: 1 });
  assert.equal(merged.status, 200, merged.text);
  assert.equal(merged.data.version, 2);
  assert.deepEqual(merged.data.progress[0], { rubric: 'VM', name: framework.rubrics[0].name, answered: 1, total: 15 });
  const stale = await put(c.member, started.id, 'VM1', { verdict: '+', explanation: 'Oud', version: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.data.current.explanation, 'Samengevoegd');
});

test('bad input names the field', async () => {
  const norm = await put(c.member, started.id, 'XX9', { verdict: '+', explanation: '', version: 0 });
  assert.equal(norm.status, 400, norm.text);
  assert.equal(norm.data.field, 'norm');
  const verdict = await put(c.member, started.id, 'VM2', { verdict: 'ja', explanation: '', version: 0 });
  assert.equal(verdict.status, 400);
  assert.equal(verdict.data.field, 'verdict');
  const version = await put(c.member, started.id, 'VM2', { verdict: '+', explanation: '' });
  assert.equal(version.status, 400);
  assert.equal(version.data.field, 'version');
  const unknown = await put(c.member, started.id, 'VM2', { verdict: '+', version: 0, score: 3 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.field, 'score');
});

test('another member, a CI and the secretariat: 404, 404, read-only', async () => {
  const path = `/api/v1/self-evaluations/${started.id}`;
  assert.equal((await c.otherMember.get(path)).status, 404);
  assert.equal((await put(c.otherMember, started.id, 'VM2', { verdict: '+', explanation: '', version: 0 })).status, 404);
  assert.equal((await c.otherMember.post(`${path}/complete`)).status, 404);
  assert.deepEqual((await c.otherMember.get('/api/v1/self-evaluations')).data.self_evaluations, []);
  assert.equal((await c.ciAdmin.get(path)).status, 404, 'not handed to its CI');
  const read = await c.secretariat.get(path);
  assert.equal(read.status, 200, read.text);
  assert.equal(read.data.answers[0].explanation, 'Samengevoegd');
  assert.equal((await put(c.secretariat, started.id, 'VM2', { verdict: '+', explanation: '', version: 0 })).status, 403);
  assert.ok((await c.secretariat.get('/api/v1/self-evaluations')).data.self_evaluations.some((s) => s.id === started.id));
});

test('completion is refused while a norm is open, then recorded; the answers become read-only', async () => {
  const early = await c.member.post(`/api/v1/self-evaluations/${started.id}/complete`);
  assert.equal(early.status, 409, early.text);
  assert.match(early.data.message, /VM2/);
  assert.doesNotMatch(early.data.message, /VM1\b/);
  for (const norm of framework.norms.slice(1)) {
    const res = await put(c.member, started.id, norm.code, { verdict: '+', explanation: `Bij ${norm.code}`, version: 0 });
    assert.equal(res.status, 200, res.text);
  }
  const unexplained = await put(c.member, started.id, 'OB13', { verdict: 'n.v.t.', explanation: '', version: 1 });
  assert.equal(unexplained.status, 200, unexplained.text);
  const refused = await c.member.post(`/api/v1/self-evaluations/${started.id}/complete`);
  assert.equal(refused.status, 409);
  assert.match(refused.data.message, /OB13/);
  assert.equal((await put(c.member, started.id, 'OB13', { verdict: 'n.v.t.', explanation: 'Geen burgerinitiatieven.', version: 2 })).status, 200);

  const done = await c.member.post(`/api/v1/self-evaluations/${started.id}/complete`);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.data.state, 'completed');
  assert.match(done.data.completed_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(done.data.progress.every((p) => p.answered === p.total));
  const late = await put(c.member, started.id, 'VM1', { verdict: '-', explanation: 'Te laat', version: 2 });
  assert.equal(late.status, 409);
  assert.match(late.data.message, /afgerond/);
  assert.equal((await c.member.post(`/api/v1/self-evaluations/${started.id}/complete`)).status, 409);

  const next = await c.member.post('/api/v1/self-evaluations');
  assert.equal(next.status, 201, 'a new one may start after completion');
  const list = (await c.member.get('/api/v1/self-evaluations')).data.self_evaluations;
  assert.deepEqual(list.map((s) => s.id), [next.data.id, started.id], 'newest first');
});

test('every write is in the audit log', async () => {
  for (const action of ['self-evaluation.start', 'self-evaluation.answer', 'self-evaluation.complete']) {
    const res = await c.secretariat.get(`/api/v1/audit-log?action=${action}`);
    assert.equal(res.status, 200);
    assert.ok(res.data.entries.length > 0, action);
    assert.equal(res.data.entries[0].actor_email, USERS.member);
    assert.match(res.data.entries[0].subject, /^self-evaluation:\d+$/);
  }
});

test('an audit request takes its self-evaluation date from the completed self-evaluation', async () => {
  const [completed] = (await c.member.get('/api/v1/self-evaluations')).data.self_evaluations
    .filter((s) => s.state === 'completed');
  const [running] = (await c.member.get('/api/v1/trajectories')).data.trajectories;
  const withdrawn = await c.member.post(`/api/v1/trajectories/${running.id}/events`,
    { event: 'trajectory_withdrawn', on: completed.completed_on });
  assert.equal(withdrawn.status, 201, withdrawn.text);
  const ci = (await c.member.get('/api/v1/cis')).data.cis.find((x) => x.name === 'CI Toetsbureau');
  // A date typed for a paper self-evaluation does not override the one kept in Sterklabel.
  const requested = await c.member.post('/api/v1/trajectories',
    { ci_id: ci.id, variant: 'ci', self_evaluation_completed_on: '2020-01-01', fte: { professionals_employed: 8 } });
  assert.equal(requested.status, 201, requested.text);
  assert.deepEqual(requested.data.events[0], {
    seq: 1, on: completed.completed_on, event: 'self_evaluation_completed', recorded_by: requested.data.events[0].recorded_by,
  });
  assert.equal(requested.data.state, 'requested');
});

// Evidence, carry-over and CI feedback, on Welzijn Samen's self-evaluations (WijkKracht's above).
const ev = {};

test('evidence: the member cites its own documents per norm; versioned with the answer', async () => {
  const a = await c.otherMember.post('/api/v1/self-evaluations');
  assert.equal(a.status, 201, a.text);
  ev.first = a.data;
  assert.equal(a.data.carried_from, null);
  assert.equal(a.data.feedback_request, null);
  assert.deepEqual(a.data.answers[0], {
    norm: 'VM1', verdict: '', explanation: '', version: 0, to_confirm: false, evidence: [], feedback: null,
  });
  const pdf = await upload(c.otherMember, 'Werkplan.pdf', tinyPdf(), 'application/pdf');
  assert.equal(pdf.status, 201, pdf.text);
  ev.pdf = pdf.data;
  const png = await upload(c.otherMember, 'Organogram.png', PNG, 'image/png');
  ev.png = png.data;
  const foreign = await upload(c.member, 'Van WijkKracht.pdf', tinyPdf(), 'application/pdf');
  assert.equal(foreign.status, 201);
  ev.foreign = foreign.data;

  const saved = await put(c.otherMember, ev.first.id, 'VM1',
    { verdict: '+', explanation: 'Zie werkplan', version: 0, evidence: [ev.pdf.id, ev.png.id] });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.data.version, 1);
  assert.deepEqual(saved.data.evidence, [
    { id: ev.pdf.id, filename: 'Werkplan.pdf', media_type: 'application/pdf', size: ev.pdf.size },
    { id: ev.png.id, filename: 'Organogram.png', media_type: 'image/png', size: ev.png.size },
  ]);
  const other = await put(c.otherMember, ev.first.id, 'VM1',
    { verdict: '+', explanation: 'Zie werkplan', version: 1, evidence: [ev.pdf.id, ev.foreign.id] });
  assert.equal(other.status, 400, other.text);
  assert.equal(other.data.field, 'evidence');
  const missing = await put(c.otherMember, ev.first.id, 'VM1', { verdict: '+', version: 1, evidence: [987654] });
  assert.equal(missing.status, 400);
  assert.equal(missing.data.field, 'evidence');
  // A save without `evidence` keeps it; a stale save returns the stored evidence with the text.
  const text = await put(c.otherMember, ev.first.id, 'VM1', { verdict: '+', explanation: 'Zie werkplan en organogram', version: 1 });
  assert.equal(text.status, 200, text.text);
  assert.equal(text.data.evidence.length, 2);
  const stale = await put(c.otherMember, ev.first.id, 'VM1', { verdict: '+', explanation: 'Oud', version: 1, evidence: [] });
  assert.equal(stale.status, 409);
  assert.deepEqual(stale.data.current.evidence.map((d) => d.id), [ev.pdf.id, ev.png.id]);
  const removed = await put(c.otherMember, ev.first.id, 'VM1', { verdict: '+', explanation: 'Zie werkplan', version: 2, evidence: [ev.pdf.id] });
  assert.equal(removed.status, 200, removed.text);
  const read = (await c.otherMember.get(`/api/v1/self-evaluations/${ev.first.id}`)).data;
  assert.deepEqual(read.answers[0].evidence.map((d) => d.filename), ['Werkplan.pdf']);
  assert.equal(read.answers[0].version, 3);
});

test('feedback can only be asked on a completed self-evaluation', async () => {
  const early = await c.otherMember.post(`/api/v1/self-evaluations/${ev.first.id}/feedback-request`, { ci_id: 1 });
  assert.equal(early.status, 409, early.text);
  assert.match(early.data.message, /Rond de zelfevaluatie eerst af/);
  for (const norm of framework.norms.slice(1)) {
    const res = await put(c.otherMember, ev.first.id, norm.code, { verdict: '+/-', explanation: `Over ${norm.code}`, version: 0 });
    assert.equal(res.status, 200, res.text);
  }
  const done = await c.otherMember.post(`/api/v1/self-evaluations/${ev.first.id}/complete`);
  assert.equal(done.status, 200, done.text);
});

test('the member hands it to an eligible CI, seeing its fee; the CI reads it with its evidence and gives feedback per norm', async () => {
  const offers = await c.otherMember.get(`/api/v1/self-evaluations/${ev.first.id}/feedback-offers`);
  assert.equal(offers.status, 200, offers.text);
  const ci = offers.data.offers.find((o) => o.name === 'CI Toetsbureau');
  assert.deepEqual(ci.fee, { min_eur: 500, max_eur: 750, terms: 'excl. btw en reiskosten' });
  assert.equal((await c.ciAdmin.get(`/api/v1/self-evaluations/${ev.first.id}`)).status, 404, 'not yet handed to the CI');
  assert.equal((await c.ciAdmin.get(`/api/v1/documents/${ev.pdf.id}/meta`)).status, 404);

  const bad = await c.otherMember.post(`/api/v1/self-evaluations/${ev.first.id}/feedback-request`, { ci_id: ev.first.member.id });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.data.field, 'ci_id');
  const asked = await c.otherMember.post(`/api/v1/self-evaluations/${ev.first.id}/feedback-request`, { ci_id: ci.id });
  assert.equal(asked.status, 201, asked.text);
  assert.equal(asked.data.ci.name, 'CI Toetsbureau');
  assert.match(asked.data.requested_on, /^\d{4}-\d{2}-\d{2}$/);
  const twice = await c.otherMember.post(`/api/v1/self-evaluations/${ev.first.id}/feedback-request`, { ci_id: ci.id });
  assert.equal(twice.status, 409);

  const seen = await c.ciAdmin.get(`/api/v1/self-evaluations/${ev.first.id}`);
  assert.equal(seen.status, 200, seen.text);
  assert.equal(seen.data.feedback_request.ci.id, ci.id);
  assert.deepEqual((await c.ciAdmin.get('/api/v1/self-evaluations')).data.self_evaluations.map((s) => s.id), [ev.first.id]);
  assert.equal((await c.ciAdmin.get(`/api/v1/documents/${ev.pdf.id}/meta`)).status, 200, 'the cited document');
  assert.equal((await c.ciAdmin.get(`/api/v1/documents/${ev.png.id}/meta`)).status, 404, 'no longer cited');
  assert.equal((await c.ciAdmin.get(`/api/v1/self-evaluations/${started.id}`)).status, 404, 'another member\'s');

  const feedbackPath = (norm) => `/api/v1/self-evaluations/${ev.first.id}/feedback/${norm}`;
  const given = await c.ciAdmin.request('PUT', feedbackPath('VM1'), { json: { text: 'Goed onderbouwd.', version: 0 } });
  assert.equal(given.status, 200, given.text);
  assert.deepEqual(given.data, { norm: 'VM1', text: 'Goed onderbouwd.', version: 1 });
  const stale = await c.auditor.request('PUT', feedbackPath('VM1'), { json: { text: 'Anders', version: 0 } });
  assert.equal(stale.status, 409);
  assert.equal(stale.data.current.text, 'Goed onderbouwd.');
  const byAuditor = await c.auditor.request('PUT', feedbackPath('VM1'), { json: { text: 'Aangevuld.', version: 1 } });
  assert.equal(byAuditor.status, 200, byAuditor.text);
  // A member never writes feedback (its own self-evaluation or another's): 403 by role.
  assert.equal((await c.otherMember.request('PUT', feedbackPath('VM1'), { json: { text: 'x', version: 2 } })).status, 403);
  assert.equal((await c.member.request('PUT', feedbackPath('VM1'), { json: { text: 'x', version: 2 } })).status, 403);
  assert.equal((await c.ciAdmin.request('PUT', feedbackPath('XX1'), { json: { text: 'x', version: 0 } })).data.field, 'norm');

  const mine = (await c.otherMember.get(`/api/v1/self-evaluations/${ev.first.id}`)).data;
  assert.deepEqual(mine.answers[0].feedback, { norm: 'VM1', text: 'Aangevuld.', version: 2 });
  assert.equal(mine.answers[1].feedback, null);
  const log = await c.secretariat.get('/api/v1/audit-log?action=self-evaluation.feedback');
  assert.equal(log.data.entries.length, 2);
});

test('carry-over: a new one takes the completed answers, marked te bevestigen until saved', async () => {
  const foreign = await c.otherMember.post('/api/v1/self-evaluations', { carry_over_from: started.id });
  assert.equal(foreign.status, 400, foreign.text);
  assert.equal(foreign.data.field, 'carry_over_from');
  const next = await c.otherMember.post('/api/v1/self-evaluations', { carry_over_from: ev.first.id });
  assert.equal(next.status, 201, next.text);
  ev.second = next.data;
  assert.equal(next.data.carried_from, ev.first.id);
  assert.equal(next.data.state, 'open');
  assert.ok(next.data.answers.every((a) => a.to_confirm && a.version === 1), 'every answer to confirm');
  assert.equal(next.data.answers[0].explanation, 'Zie werkplan');
  assert.deepEqual(next.data.answers[0].evidence.map((d) => d.id), [ev.pdf.id]);
  assert.equal(next.data.answers[0].feedback, null, 'the CI\'s feedback stays with the old one');

  const refused = await c.otherMember.post(`/api/v1/self-evaluations/${next.data.id}/complete`);
  assert.equal(refused.status, 409, refused.text);
  assert.match(refused.data.message, /^Bevestig eerst de overgenomen antwoorden\. Nog te bevestigen: VM1, VM2/);
  for (const answer of next.data.answers) {
    const res = await put(c.otherMember, next.data.id, answer.norm,
      { verdict: answer.verdict, explanation: answer.explanation, version: answer.version });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.to_confirm, false);
  }
  const done = await c.otherMember.post(`/api/v1/self-evaluations/${next.data.id}/complete`);
  assert.equal(done.status, 200, done.text);
  const old = (await c.otherMember.get(`/api/v1/self-evaluations/${ev.first.id}`)).data;
  assert.equal(old.answers[0].explanation, 'Zie werkplan', 'the old one is unchanged');
});
