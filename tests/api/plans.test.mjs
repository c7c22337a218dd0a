// Improvement plans over HTTP (issue 10, LIFECYCLE.md §2 scenarios a, b, c): each branch of the
// route on its own server (the demo's WijkKracht trajectory taken to final findings), and after
// every step the API's state, advice, deadlines and actions equal the core's for the same log.
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { assertMatchesCore, localDate, parties, record, recorded, toFinalFindings } from './flow.mjs';

const B8_PARTLY = ['VM5', 'VM7', 'DV5', 'DV6', 'DV8', 'OB10', 'OB16'];
const scenarioB = (code) => (B8_PARTLY.includes(code) ? '+/-' : '+');
const OVER = ['VM1', 'VM2', 'VM3', 'VM4', 'VM5'];
const scenarioC = (code) => (OVER.includes(code) ? '-' : '+');

const item = (norm, version) => ({
  version, cause: `Oorzaak bij ${norm}`, actions: `Acties voor ${norm}`, who: 'teamleider', by_when: localDate(60),
});

async function pdfText(url, client, id, query) {
  const res = await fetch(`${url}/api/v1/trajectories/${id}/report.pdf?${query}`,
    { headers: { cookie: `sterk_session=${client.cookie}` } });
  assert.equal(res.status, 200);
  const file = join(mkdtempSync(join(tmpdir(), 'sterk-plan-')), 'a.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

async function withRoute(verdictOf, body) {
  const server = await startServer();
  try {
    const c = await parties(server.url);
    const id = await toFinalFindings(c, verdictOf);
    await body(c, id, server.url);
  } finally {
    await server.stop();
  }
}

async function writePlan(c, id) {
  const plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
  for (const it of plan.items) {
    const saved = await c.member.put(`/api/v1/trajectories/${id}/plan/items/${it.norm}`, item(it.norm, it.version));
    assert.equal(saved.status, 200, saved.text);
  }
}

async function assess(c, id, verdicts) {
  const plan = (await c.auditor.get(`/api/v1/trajectories/${id}/plan`)).data;
  assert.equal(plan.assessable, true);
  for (const it of plan.items) {
    const rejected = verdicts[it.norm] === false;
    const saved = await c.auditor.put(`/api/v1/trajectories/${id}/plan/assessments/${it.norm}`,
      { version: it.assessment.version, approved: !rejected, remark: rejected ? `Maak ${it.norm} meetbaar.` : '' });
    assert.equal(saved.status, 200, saved.text);
  }
}

test('scenario a: no plan is asked for; positive advice straight away', async () => {
  await withRoute(() => '+', async (c, id) => {
    const t = await assertMatchesCore(c.member, id, 'final');
    assert.equal(t.scenario, 'all-met');
    const plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'none');
    assert.deepEqual(plan.norms, []);
    const refused = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM5`, item('VM5', 0));
    assert.equal(refused.status, 409, refused.text);
    await recorded(c.auditor, id, 'positive_advice');
    const after = await assertMatchesCore(c.member, id, 'positive_advice');
    assert.equal(after.advice, 'positive');
    assert.equal(after.state, 'part-a');
  });
});

test('scenario b, approved at once: items over versions, submission refused while incomplete, every norm approved', async () => {
  await withRoute(scenarioB, async (c, id, url) => {
    let plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'draft');
    assert.deepEqual(plan.norms, B8_PARTLY);
    assert.deepEqual(plan.items.map((i) => i.verdict), B8_PARTLY.map(() => '+/-'));
    assert.equal(plan.editable, true);
    assert.equal(plan.due, localDate(28), 'plan due 4 weeks after the findings are final');

    // A partial item is saved; submitting names every incomplete norm.
    const partial = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM5`,
      { version: 0, cause: 'Geen vast overleg', actions: '', who: 'teamleider', by_when: null });
    assert.equal(partial.status, 200, partial.text);
    assert.equal(partial.data.item.complete, false);
    const early = await record(c.member, id, 'plan_submitted');
    assert.equal(early.status, 409, early.text);
    assert.match(early.data.message, /ontbreekt bij VM5, VM7, DV5, DV6, DV8, OB10, OB16/);
    // Two editors: the stale save gets 409 with the stored item, nothing is overwritten.
    const stale = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM5`, item('VM5', 0));
    assert.equal(stale.status, 409);
    assert.equal(stale.data.field, 'version');
    assert.equal(stale.data.current.cause, 'Geen vast overleg');
    const badDate = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM5`, { ...item('VM5', 1), by_when: 'morgen' });
    assert.equal(badDate.status, 400);
    assert.equal(badDate.data.field, 'by_when');
    const notInPlan = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM1`, item('VM1', 0));
    assert.equal(notInPlan.status, 400);
    assert.equal(notInPlan.data.field, 'norm');
    const byCi = await c.auditor.put(`/api/v1/trajectories/${id}/plan/items/VM7`, item('VM7', 0));
    assert.equal(byCi.status, 403);

    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    let t = await assertMatchesCore(c.member, id, 'plan_submitted');
    assert.deepEqual(t.actions.map((a) => [a.actor, a.key]), [['ci', 'plan_assessment']]);
    plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'submitted');
    assert.equal(plan.editable, false);
    assert.equal(plan.rounds.length, 1);
    assert.equal(plan.rounds[0].items.length, 7);
    const locked = await c.member.put(`/api/v1/trajectories/${id}/plan/items/VM5`, item('VM5', 2));
    assert.equal(locked.status, 409);

    // Approval waits for every norm's assessment.
    const unassessed = await record(c.auditor, id, 'plan_approved');
    assert.equal(unassessed.status, 409);
    assert.match(unassessed.data.message, /Nog niet beoordeeld: VM5/);
    await assess(c, id, {});
    await recorded(c.auditor, id, 'plan_approved');
    t = await assertMatchesCore(c.member, id, 'plan_approved');
    plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'approved');
    assert.equal(plan.rounds[0].outcome, 'approved');
    assert.ok(plan.rounds[0].items.every((i) => i.approved === true));
    await recorded(c.auditor, id, 'positive_advice');
    await recorded(c.auditor, id, 'final_report_with_plans_sent');
    t = await assertMatchesCore(c.member, id, 'final_report_with_plans_sent');
    assert.equal(t.advice, 'positive');
    // The final report the member gets carries the approved plans (B6 §9b-i), in the PDF too.
    const report = (await c.member.get(`/api/v1/trajectories/${id}/report`)).data;
    const section = report.part_a.find((s) => s.title.startsWith('Verbeterplannen'));
    assert.deepEqual(section.lines.map((l) => l.key), B8_PARTLY);
    const text = await pdfText(url, c.member, id, 'part=A');
    assert.match(text, /Verbeterplannen \(goedgekeurd op/);
    assert.match(text, /Oorzaak bij OB16/);
  });
});

test('scenario b, rejected then revised: the remark reaches the member, the revision is a second round', async () => {
  await withRoute(scenarioB, async (c, id) => {
    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    const noRemark = await c.auditor.put(`/api/v1/trajectories/${id}/plan/assessments/DV6`,
      { version: 0, approved: false, remark: ' ' });
    assert.equal(noRemark.status, 400);
    assert.equal(noRemark.data.field, 'remark');
    const byMember = await c.member.put(`/api/v1/trajectories/${id}/plan/assessments/DV6`,
      { version: 0, approved: true, remark: '' });
    assert.equal(byMember.status, 403);
    await assess(c, id, { DV6: false });
    const approve = await record(c.auditor, id, 'plan_approved');
    assert.equal(approve.status, 409);
    assert.match(approve.data.message, /afgekeurd bij DV6/);
    await recorded(c.auditor, id, 'plan_rejected');
    await assertMatchesCore(c.member, id, 'plan_rejected');
    let plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'rejected');
    assert.equal(plan.editable, true);
    assert.equal(plan.round, 2);
    assert.equal(plan.rounds[0].outcome, 'rejected');
    assert.equal(plan.rounds[0].items.find((i) => i.norm === 'DV6').remark, 'Maak DV6 meetbaar.');
    assert.equal(plan.items.find((i) => i.norm === 'DV6').assessment.approved, false, 'the remark stays beside the item');
    const dv6 = plan.items.find((i) => i.norm === 'DV6');
    const revised = await c.member.put(`/api/v1/trajectories/${id}/plan/items/DV6`,
      { ...item('DV6', dv6.version), actions: 'Elk kwartaal meten hoeveel bewoners bereikt zijn' });
    assert.equal(revised.status, 200, revised.text);
    await recorded(c.member, id, 'revision_submitted');
    await assertMatchesCore(c.member, id, 'revision_submitted');
    await assess(c, id, {});
    await recorded(c.auditor, id, 'plan_approved');
    await assertMatchesCore(c.member, id, 'plan_approved after revision');
    plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.deepEqual(plan.rounds.map((r) => [r.round, r.outcome]), [[1, 'rejected'], [2, 'approved']]);
    assert.match(plan.rounds[1].items.find((i) => i.norm === 'DV6').actions, /Elk kwartaal/);
    await recorded(c.auditor, id, 'positive_advice');
    const t = await assertMatchesCore(c.member, id, 'positive_advice');
    assert.equal(t.advice, 'positive');
  });
});

test('scenario b, rejected twice: negative advice, or agreed next steps and a third round', async () => {
  await withRoute(scenarioB, async (c, id) => {
    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    await assess(c, id, { VM5: false });
    await recorded(c.auditor, id, 'plan_rejected');
    await recorded(c.member, id, 'revision_submitted');
    await assess(c, id, { VM5: false });
    await recorded(c.auditor, id, 'plan_rejected');
    let t = await assertMatchesCore(c.member, id, 'rejected twice');
    assert.deepEqual(t.actions.map((a) => [a.actor, a.key]), [['ci', 'next_steps_agreed']]);
    assert.equal((await c.member.get(`/api/v1/trajectories/${id}/plan`)).data.stage, 'rejected-twice');
    await recorded(c.auditor, id, 'next_steps_agreed', { due: localDate(21) });
    t = await assertMatchesCore(c.member, id, 'next_steps_agreed');
    const plan = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(plan.stage, 'next-steps');
    assert.equal(plan.round, 3);
    assert.equal(plan.due, localDate(21));
    await recorded(c.member, id, 'revision_submitted');
    await assess(c, id, {});
    await recorded(c.auditor, id, 'plan_approved');
    await recorded(c.auditor, id, 'positive_advice');
    t = await assertMatchesCore(c.member, id, 'approved in the third round');
    assert.equal(t.advice, 'positive');
    assert.equal((await c.member.get(`/api/v1/trajectories/${id}/plan`)).data.rounds.length, 3);
  });
  await withRoute(scenarioB, async (c, id) => {
    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    await assess(c, id, { OB16: false });
    await recorded(c.auditor, id, 'plan_rejected');
    await recorded(c.member, id, 'revision_submitted');
    await assess(c, id, { OB16: false });
    await recorded(c.auditor, id, 'plan_rejected');
    await recorded(c.auditor, id, 'negative_advice', { reason: 'Ook het aangepaste plan is onvoldoende.' });
    const t = await assertMatchesCore(c.member, id, 'negative_advice');
    assert.equal(t.advice, 'negative');
    assert.equal(t.state, 'negative');
    const ended = (await c.member.get(`/api/v1/trajectories/${id}/plan`)).data;
    assert.equal(ended.stage, 'rejected-twice', 'the plan keeps its history');
    assert.equal(ended.editable, false);
  });
});

test('scenario c: plans and an additional audit lead to positive advice, or negative when over or declined', async () => {
  await withRoute(scenarioC, async (c, id) => {
    let t = await assertMatchesCore(c.member, id, 'final over threshold');
    assert.equal(t.scenario, 'over-threshold');
    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    await assess(c, id, {});
    await recorded(c.auditor, id, 'plan_approved');
    await recorded(c.ciAdmin, id, 'additional_audit_planned', { date: localDate() });
    t = await assertMatchesCore(c.member, id, 'additional_audit_planned');
    assert.equal(t.state, 'additional-audit');
    const norms = (await c.auditor.get('/api/v1/frameworks/2019')).data.norms.map((n) => n.code);
    const held = Object.fromEntries(norms.map((code) => [code, code === 'VM1' ? '-' : '+']));
    await recorded(c.auditor, id, 'additional_audit_held', { verdicts: held });
    await recorded(c.auditor, id, 'positive_advice');
    t = await assertMatchesCore(c.member, id, 'positive after the additional audit');
    assert.equal(t.advice, 'positive');
  });
  await withRoute(scenarioC, async (c, id) => {
    await writePlan(c, id);
    await recorded(c.member, id, 'plan_submitted');
    await assess(c, id, {});
    await recorded(c.auditor, id, 'plan_approved');
    await recorded(c.ciAdmin, id, 'additional_audit_planned', { date: localDate() });
    const norms = (await c.auditor.get('/api/v1/frameworks/2019')).data.norms.map((n) => n.code);
    const over = Object.fromEntries(norms.map((code) => [code, OVER.includes(code) ? '-' : '+']));
    await recorded(c.auditor, id, 'additional_audit_held', { verdicts: over });
    let t = await assertMatchesCore(c.member, id, 'still over after the additional audit');
    assert.deepEqual(t.actions.map((a) => [a.actor, a.key]), [['ci', 'negative_advice']]);
    await recorded(c.auditor, id, 'negative_advice', { reason: 'Ook na de aanvullende toetsing boven de grenzen.' });
    t = await assertMatchesCore(c.member, id, 'negative');
    assert.equal(t.advice, 'negative');
  });
  await withRoute(scenarioC, async (c, id) => {
    await recorded(c.member, id, 'additional_audit_declined');
    await recorded(c.auditor, id, 'negative_advice', { reason: 'De organisatie ziet af van de aanvullende toetsing.' });
    const t = await assertMatchesCore(c.member, id, 'declined');
    assert.equal(t.advice, 'negative');
  });
});
