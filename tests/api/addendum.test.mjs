// The additional audit's addendum over HTTP (issue 10 §3, B6 §9c, handbook: "een aanvullende
// passage in Deel A en een addendum op deel B"): the team reassesses the final report's `-` and
// `+/-` norms and writes the passage; additional_audit_held is refused until both are complete,
// takes its verdicts from the addendum, and freezes it; the final report (JSON and PDF) carries
// the passage in Part A and the addendum after Part B; who may read and write what.
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { assertMatchesCore, localDate, parties, record, recorded, toFinalFindings } from './flow.mjs';

const OVER = ['VM1', 'VM2', 'VM3', 'VM4', 'VM5'];
const scenarioC = (code) => (OVER.includes(code) ? '-' : code === 'DV2' ? '+/-' : '+');
const PASSAGE = 'Op 12 maart is met de teamleiders en twee sociaal werkers de voortgang van de plannen besproken.';
const sources = [
  { kind: 'interview', function: 'teamleider', department: 'Wijkteam Zuid' },
  { kind: 'document', title: 'Voortgangsrapportage verbeterplannen' },
];

async function pdfText(url, client, id, part) {
  const res = await fetch(`${url}/api/v1/trajectories/${id}/report.pdf?part=${part}`,
    { headers: { cookie: `sterk_session=${client.cookie}` } });
  assert.equal(res.status, 200);
  const file = join(mkdtempSync(join(tmpdir(), 'sterk-addendum-')), `${part}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

async function planApproved(c, id) {
  const plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
  for (const it of plan.items) {
    const saved = await c.member.put(`/api/v1/trajectories/${id}/plan/items/${it.norm}`, {
      version: it.version, cause: `Oorzaak ${it.norm}`, actions: `Acties ${it.norm}`, who: 'teamleider', by_when: localDate(60),
    });
    assert.equal(saved.status, 200, saved.text);
  }
  await recorded(c.member, id, 'plan_submitted');
  for (const it of (await c.auditor.get(`/api/v1/trajectories/${id}/plan`)).data.items) {
    await c.auditor.put(`/api/v1/trajectories/${id}/plan/assessments/${it.norm}`,
      { version: it.assessment.version, approved: true, remark: '' });
  }
  await recorded(c.auditor, id, 'plan_approved');
}

test('addendum: reassess the open norms, write the passage, hold the audit, and read it in the report', async () => {
  const server = await startServer();
  try {
    const c = await parties(server.url, ['member', 'ciAdmin', 'auditor', 'assessor', 'secretariat', 'committee']);
    const id = await toFinalFindings(c, scenarioC);
    const path = `/api/v1/trajectories/${id}/addendum`;
    assert.equal((await c.auditor.get(path)).status, 409, 'no addendum before additional_audit_planned');
    await planApproved(c, id);
    await recorded(c.ciAdmin, id, 'additional_audit_planned', { date: localDate() });

    // Who reads while the team works: the team, not the member yet, the secretariat via the
    // report, the committee never.
    let addendum = (await c.auditor.get(path)).data;
    assert.deepEqual(addendum.norms.map((n) => [n.norm, n.verdict_before, n.version]),
      [...OVER.map((code) => [code, '-', 0]), ['DV2', '+/-', 0]]);
    assert.deepEqual(addendum.missing, [...OVER, 'DV2', 'passage']);
    assert.equal(addendum.editable, true);
    assert.equal(addendum.held_on, null);
    assert.equal((await c.member.get(path)).status, 403);
    assert.equal((await c.secretariat.get(path)).status, 403);
    assert.equal((await c.committee.get(path)).status, 403, 'the committee never reads a report');

    // Held is refused while anything is missing, naming it.
    let refused = await record(c.auditor, id, 'additional_audit_held');
    assert.equal(refused.status, 409);
    assert.match(refused.data.message, /VM1, VM2, VM3, VM4, VM5, DV2/);
    assert.match(refused.data.message, /passage/);

    // Only the reassessed norms; only the team; versions guard against overwriting.
    const other = await c.auditor.put(`${path}/findings/OB1`, { version: 0, verdict: '+', text: 'x', sources });
    assert.equal(other.status, 400);
    assert.equal(other.data.field, 'norm');
    assert.equal((await c.member.put(`${path}/findings/VM1`, { version: 0, verdict: '+' })).status, 403);
    for (const code of [...OVER, 'DV2']) {
      const verdict = code === 'VM1' ? '-' : '+';
      const saved = await c.auditor.put(`${path}/findings/${code}`,
        { version: 0, verdict, text: `Herbeoordeling ${code}: ${verdict === '+' ? 'het plan is uitgevoerd' : 'nog niet zichtbaar'}.`, sources });
      assert.equal(saved.status, 200, saved.text);
      assert.equal(saved.data.version, 1);
    }
    const stale = await c.assessor.put(`${path}/findings/VM2`, { version: 0, verdict: '-', text: 'Anders', sources });
    assert.equal(stale.status, 409);
    assert.equal(stale.data.current.text, 'Herbeoordeling VM2: het plan is uitgevoerd.');
    const passage = await c.auditor.put(`${path}/passage`, { version: 0, text: PASSAGE });
    assert.equal(passage.status, 200, passage.text);
    assert.deepEqual(passage.data.missing, []);
    const stalePassage = await c.assessor.put(`${path}/passage`, { version: 0, text: 'Anders' });
    assert.equal(stalePassage.status, 409);
    assert.equal(stalePassage.data.current.text, PASSAGE);
    addendum = (await c.auditor.get(path)).data;
    assert.equal(addendum.overall.totals.not_met, 1);
    assert.equal(addendum.overall.totals.partly, 0);

    // Held: the verdicts come from the addendum (VM1 still -, the rest +), within the thresholds.
    await recorded(c.auditor, id, 'additional_audit_held');
    let t = await assertMatchesCore(c.member, id, 'additional_audit_held from the addendum');
    const held = t.events.find((e) => e.event === 'additional_audit_held');
    assert.equal(held.verdicts.VM1, '-');
    assert.equal(held.verdicts.VM2, '+');
    assert.equal(held.verdicts.DV2, '+');
    assert.equal(held.verdicts.OB1, '+');
    assert.equal((await c.auditor.put(`${path}/findings/VM1`, { version: 1, verdict: '+' })).status, 409,
      'the addendum is frozen once held');
    assert.equal((await c.auditor.put(`${path}/passage`, { version: 1, text: 'later' })).status, 409);
    const forMember = (await c.member.get(path)).data;
    assert.equal(forMember.held_on, localDate());
    assert.equal(forMember.editable, false);
    await recorded(c.auditor, id, 'positive_advice');
    t = await assertMatchesCore(c.member, id, 'positive after the addendum');
    assert.equal(t.advice, 'positive');

    // The final report: the passage in Part A, the addendum after Part B's rubrics.
    const report = (await c.member.get(`/api/v1/trajectories/${id}/report`)).data;
    const section = report.part_a.find((s) => s.title.startsWith('Aanvullende passage'));
    assert.ok(section, 'Part A has the additional passage');
    assert.equal(section.lines.find((l) => l.key === 'addendum_passage').value, PASSAGE);
    assert.match(section.lines.find((l) => l.key === 'addendum_norms').value, /VM1 \(- → -\), VM2 \(- → \+\)/);
    const last = report.part_b.at(-1);
    assert.equal(last.code, 'ADDENDUM');
    assert.deepEqual(last.norms.map((n) => [n.code, n.verdict]), [...OVER.map((code) => [code, code === 'VM1' ? '-' : '+']), ['DV2', '+']]);
    const partA = await pdfText(server.url, c.member, id, 'A');
    assert.match(partA, /Aanvullende passage/);
    assert.match(partA, /teamleiders en twee sociaal werkers/);
    const partB = await pdfText(server.url, c.member, id, 'B');
    assert.match(partB, /Addendum op deel B/);
    assert.match(partB, /Herbeoordeling VM1: nog niet zichtbaar/);
    // The secretariat reads Part A with the passage, not the addendum on Part B.
    const forSecretariat = (await c.secretariat.get(`/api/v1/trajectories/${id}/report`)).data;
    assert.ok(forSecretariat.part_a.some((s) => s.title.startsWith('Aanvullende passage')));
    assert.ok(!(forSecretariat.part_b ?? []).some((r) => r.code === 'ADDENDUM'));
  } finally {
    await server.stop();
  }
});
