// The audit report over HTTP, from the last audit day to findings_final: two auditors save
// findings over versions (a stale save is 409 with the stored finding, nothing lost), the concept
// is refused while a norm lacks a verdict, concept_sent freezes version 1, the member's remark is
// submitted with corrections_received, the CI accepts it with a changed finding, findings_final
// takes its verdicts from the findings and freezes the final version with the changes shown; who
// reads what (the secretariat's Part A, Part B after a request, the committee never).
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';
import { localDate } from './flow.mjs';

let server;
const c = {};
let id;
let norms;

const B8_PARTLY = ['VM5', 'VM7', 'DV5', 'DV6', 'DV8', 'OB10', 'OB16'];
const twoSources = [
  { kind: 'interview', function: 'jongerenwerker', department: 'Jeugd' },
  { kind: 'document', title: 'Jaarverslag 2025' },
];

before(async () => {
  server = await startServer();
  for (const [key, email] of Object.entries(USERS)) c[key] = await loggedIn(server.url, email);
  // The demo's request of Stichting WijkKracht, accepted, registered and planned for today.
  const list = (await c.ciAdmin.get('/api/v1/trajectories')).data.trajectories;
  id = list.find((t) => t.member.name === 'Stichting WijkKracht' && t.state === 'requested').id;
  const at = `/api/v1/trajectories/${id}/events`;
  assert.equal((await c.ciAdmin.post(at, { event: 'audit_accepted', on: localDate() })).status, 201);
  assert.equal((await c.secretariat.post(at, { event: 'membership_confirmed', on: localDate() })).status, 201);
  const auditors = (await c.ciAdmin.get('/api/v1/auditors')).data.auditors;
  const team = [
    { auditor_id: auditors.find((a) => a.email === USERS.auditor).id, role: 'team_leader' },
    { auditor_id: auditors.find((a) => a.email === USERS.assessor).id, role: 'assessor' },
  ];
  const planned = await c.ciAdmin.post(at, { event: 'audit_planned', on: localDate(), first_day: localDate(), last_day: localDate(), team });
  assert.equal(planned.status, 201, planned.text);
  norms = (await c.auditor.get('/api/v1/frameworks/2019')).data.norms.map((n) => n.code);
});

after(async () => {
  await server.stop();
});

test('two auditors save findings over versions; a stale save is 409 with the stored finding; flags, not refusals', async () => {
  const url = `/api/v1/trajectories/${id}/findings/VM5`;
  const first = await c.auditor.put(url, { version: 0, verdict: '+/-', text: 'Afspraken zijn er, maar niet overal bekend.', sources: [twoSources[0]] });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.data.version, 1);
  assert.deepEqual(first.data.flags, ['few_sources'], 'one source: flagged, saved');
  assert.equal(first.data.updated_by !== null, true);
  assert.deepEqual(first.data.missing_for_concept.length, 48);

  const stale = await c.assessor.put(url, { version: 0, verdict: '+', text: 'Voldoet volgens de beoordelaar.' });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.field, 'version');
  assert.equal(stale.data.current.text, 'Afspraken zijn er, maar niet overal bekend.', 'the stored text comes back, nothing lost');
  assert.equal(stale.data.current.version, 1);
  const second = await c.assessor.put(url, { version: 1, sources: twoSources });
  assert.equal(second.status, 200, second.text);
  assert.equal(second.data.verdict, '+/-', 'fields left out keep what is stored');
  assert.deepEqual(second.data.flags, []);

  const nameless = await c.auditor.put(`/api/v1/trajectories/${id}/findings/VM1`,
    { version: 0, verdict: '+', sources: [{ kind: 'interview', name: 'Jan Jansen' }] });
  assert.equal(nameless.status, 400, nameless.text);
  assert.equal(nameless.data.field, 'sources');
  assert.match(nameless.data.message, /nooit een naam/);
  const badVerdict = await c.auditor.put(`/api/v1/trajectories/${id}/findings/VM1`, { version: 0, verdict: 'ok' });
  assert.equal(badVerdict.status, 400);
  assert.equal(badVerdict.data.field, 'verdict');
  const unknown = await c.auditor.put(`/api/v1/trajectories/${id}/findings/XX9`, { version: 0, verdict: '+' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.field, 'norm');
});

test('the concept is refused naming the norms without a verdict, and for n.v.t. without a reason', async () => {
  const at = `/api/v1/trajectories/${id}/events`;
  assert.equal((await c.auditor.post(at, { event: 'last_audit_day', on: localDate() })).status, 201);
  const early = await c.auditor.post(at, { event: 'concept_sent', on: localDate() });
  assert.equal(early.status, 409, early.text);
  assert.match(early.data.message, /ontbreekt bij VM1, VM2, VM3, VM4, VM6/);
  for (const code of norms) {
    if (code === 'VM5') continue;
    const verdict = B8_PARTLY.includes(code) ? '+/-' : code === 'OB20' ? 'n.v.t.' : '+';
    const saved = await c.auditor.put(`/api/v1/trajectories/${id}/findings/${code}`,
      { version: 0, verdict, text: `Bevindingen bij ${code}.`, sources: twoSources });
    assert.equal(saved.status, 200, saved.text);
  }
  const noReason = await c.auditor.post(at, { event: 'concept_sent', on: localDate() });
  assert.equal(noReason.status, 409);
  assert.match(noReason.data.message, /ontbreekt bij OB20\./);
  const reason = await c.auditor.put(`/api/v1/trajectories/${id}/findings/OB20`,
    { version: 1, verdict: '+', reason: '' });
  assert.equal(reason.status, 200, reason.text);
  const docs = await c.auditor.put(`/api/v1/trajectories/${id}/rubric-documents/VM`,
    { version: 0, documents: [{ kind: 'document', title: 'Competentieprofiel jongerenwerker' }] });
  assert.equal(docs.status, 200, docs.text);
  const sketch = await c.auditor.put(`/api/v1/trajectories/${id}/part-a/sketch`, { version: 0, value: 'Een welzijnsorganisatie in Utrecht.' });
  assert.equal(sketch.status, 200, sketch.text);
  const points = await c.auditor.put(`/api/v1/trajectories/${id}/part-a/strong_points`, { version: 0, value: ['Betrokken medewerkers'] });
  assert.equal(points.status, 200, points.text);
  const hours = await c.auditor.put(`/api/v1/trajectories/${id}/part-a/hours_on_site`, { version: 0, value: 'veel' });
  assert.equal(hours.status, 400);
  assert.equal(hours.data.field, 'value');

  // The member sees nothing before the concept.
  assert.equal((await c.member.get(`/api/v1/trajectories/${id}/report?version=1`)).status, 403);
  const sent = await c.auditor.post(at, { event: 'concept_sent', on: localDate() });
  assert.equal(sent.status, 201, sent.text);
  const frozen = await c.auditor.put(`/api/v1/trajectories/${id}/findings/VM1`, { version: 1, text: 'later' });
  assert.equal(frozen.status, 409);
  assert.match(frozen.data.message, /geaccepteerde opmerking/);
});

test('the member reads the concept, drafts and submits a remark; the CI accepts it with a changed finding; final', async () => {
  const report = await c.member.get(`/api/v1/trajectories/${id}/report`);
  assert.equal(report.status, 200, report.text);
  assert.equal(report.data.stage, 'concept');
  assert.equal(report.data.version, 1);
  assert.equal(report.data.overall.totals.met, 42);
  assert.equal(report.data.overall.totals.partly, 7);
  const counts = report.data.part_a.find((s) => s.title === 'Conclusies').lines[0].value;
  assert.match(counts, /^42 voldoet, 7 deels/);
  const orgLines = report.data.part_a[0].lines;
  assert.equal(orgLines.find((l) => l.key === 'member_name').value, 'Stichting WijkKracht');
  const team = report.data.part_a[2].lines;
  assert.ok(team.find((l) => l.key === 'team_leader').value.length > 0);
  assert.equal(report.data.part_b[0].documents[0], 'Competentieprofiel jongerenwerker');

  const remarks = `/api/v1/trajectories/${id}/remarks`;
  const wrong = await c.member.post(remarks, { target: 'XX1', text: 'x' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.data.field, 'target');
  const draft = await c.member.post(remarks, { target: 'VM5', text: 'De afspraken staan sinds maart op intranet.' });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.data.status, 'draft');
  const other = await c.member.post(remarks, { target: 'part_a.sketch', text: 'Wij werken ook in Nieuwegein.' });
  assert.equal(other.status, 201);
  assert.equal((await c.member.delete(`${remarks}/${other.data.id}`)).status, 204);
  // The CI does not see drafts.
  assert.equal((await c.ciAdmin.get(remarks)).data.remarks.length, 0);
  const window = (await c.member.get(remarks)).data.window_until;
  assert.ok(window > localDate(), 'two weeks for corrections');

  const final = (payload = {}) => c.ciAdmin.post(`/api/v1/trajectories/${id}/events`, { event: 'findings_final', on: localDate(), ...payload });
  const submitted = await c.member.post(`/api/v1/trajectories/${id}/events`, { event: 'corrections_received', on: localDate() });
  assert.equal(submitted.status, 201, submitted.text);
  const open = await final();
  assert.equal(open.status, 409);
  assert.match(open.data.message, /Beslis eerst over de opmerking\(en\) bij VM5/);

  const decision = `${remarks}/${draft.data.id}/decision`;
  const noReason = await c.ciAdmin.post(decision, { decision: 'rejected' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.data.field, 'reason');
  const findings = (await c.ciAdmin.get(`/api/v1/trajectories/${id}/findings`)).data.findings;
  const vm5 = findings.find((f) => f.norm === 'VM5');
  const accepted = await c.ciAdmin.post(decision, {
    decision: 'accepted',
    finding: { version: vm5.version, verdict: '+', text: 'De afspraken staan op intranet en zijn bekend.' },
  });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.data.status, 'accepted');
  assert.equal((await c.ciAdmin.post(decision, { decision: 'rejected', reason: 'toch niet' })).status, 409);

  const done = await final();
  assert.equal(done.status, 201, done.text);
  assert.equal(done.data.scenario, 'plan-required', 'six +/- remain: an improvement plan');
  const versions = await c.member.get(`/api/v1/trajectories/${id}/report/versions`);
  assert.deepEqual(versions.data.versions.map((v) => [v.version, v.stage]), [[1, 'concept'], [2, 'final']]);
  assert.deepEqual(versions.data.changes, [{
    norm: 'VM5',
    before: { verdict: '+/-', findings: 'Afspraken zijn er, maar niet overal bekend.' },
    after: { verdict: '+', findings: 'De afspraken staan op intranet en zijn bekend.' },
  }]);
  const concept = await c.member.get(`/api/v1/trajectories/${id}/report?version=1`);
  assert.equal(concept.data.overall.totals.partly, 7, 'the concept stays the concept');
  const last = await c.member.get(`/api/v1/trajectories/${id}/report`);
  assert.equal(last.data.overall.totals.partly, 6);
  assert.equal(last.data.stage, 'final');
});

test('the secretariat reads Part A, and Part B only after a request with a reason, every read logged; the committee never', async () => {
  const read = await c.secretariat.get(`/api/v1/trajectories/${id}/report`);
  assert.equal(read.status, 200, read.text);
  assert.equal(read.data.part_b, null);
  assert.equal(read.data.overall.totals.met, 43);
  assert.equal((await c.secretariat.get(`/api/v1/trajectories/${id}/findings`)).status, 403);
  const noReason = await c.secretariat.post(`/api/v1/trajectories/${id}/part-b-requests`, { reason: ' ' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.data.field, 'reason');
  const asked = await c.secretariat.post(`/api/v1/trajectories/${id}/part-b-requests`, { reason: 'Klacht over de toetsing' });
  assert.equal(asked.status, 201, asked.text);
  const seen = await c.member.get(`/api/v1/trajectories/${id}/part-b-requests`);
  assert.deepEqual(seen.data.requests.map((r) => r.reason), ['Klacht over de toetsing']);
  assert.equal((await c.ciAdmin.get(`/api/v1/trajectories/${id}/part-b-requests`)).data.requests.length, 1);
  const partB = await c.secretariat.get(`/api/v1/trajectories/${id}/report`);
  assert.equal(partB.data.part_b.length, 3);
  const log = await c.secretariat.get('/api/v1/audit-log?action=report.part-b.read');
  assert.ok(log.data.entries.some((e) => e.actor_email === USERS.secretariat), 'the secretariat\'s read of Part B is logged');
  assert.ok((await c.secretariat.get('/api/v1/audit-log?action=report.findings.read')).data.entries.length > 0);

  for (const path of ['report', 'findings', 'part-a', 'remarks', 'report/versions', 'part-b-requests']) {
    assert.equal((await c.committee.get(`/api/v1/trajectories/${id}/${path}`)).status, 403, `committee ${path}`);
    assert.equal((await c.otherMember.get(`/api/v1/trajectories/${id}/${path}`)).status, 404, `other member ${path}`);
  }
  assert.equal((await c.member.post(`/api/v1/trajectories/${id}/part-b-requests`, { reason: 'x' })).status, 403);
  assert.equal((await c.member.put(`/api/v1/trajectories/${id}/findings/VM1`, { version: 1 })).status, 403);
});

test('the PDF of Part A and Part B is read back: organisation, every norm with its verdict, the totals, the page count; a stored version gives the same bytes', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'sterk-pdf-'));
  const fetchPdf = async (client, query) => {
    const res = await fetch(`${server.url}/api/v1/trajectories/${id}/report.pdf?${query}`,
      { headers: { cookie: `sterk_session=${client.cookie}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const text = (bytes, name) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), info: execFileSync('pdfinfo', [file]).toString() };
  };
  const a = await fetchPdf(c.member, 'part=A&version=1');
  assert.equal(a.status, 200);
  assert.equal(a.type, 'application/pdf');
  const partA = text(a.bytes, 'a.pdf');
  assert.match(partA.text, /Stichting WijkKracht/);
  assert.match(partA.text, /42 van de 49/);
  const pages = Number(partA.info.match(/Pages:\s+(\d+)/)[1]);
  assert.match(partA.text, new RegExp(`Pagina ${pages} van ${pages}`));
  const b = await fetchPdf(c.member, 'part=B');
  const partB = text(b.bytes, 'b.pdf').text;
  for (const code of norms) {
    const number = code.replace(/^[A-Z]+/, '');
    assert.match(partB, new RegExp(`\\b${number}\\.`), `norm ${code} in Part B`);
  }
  assert.match(partB, /De afspraken staan op intranet en zijn bekend\./, 'the final version has the accepted change');
  const again = await fetchPdf(c.member, 'part=A&version=1');
  assert.ok(again.bytes.equals(a.bytes), 'the concept PDF is reproducible from the stored version');
  const bad = await fetchPdf(c.member, 'part=C');
  assert.equal(bad.status, 400);
});
