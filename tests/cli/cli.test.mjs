// The `sterklabel` command line, run as a user would: output, JSON shape and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.STERK_BIN ?? 'build/sterklabel';

function run(args, input) {
  const r = spawnSync(BIN, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(args, input) {
  const r = run([...args, '--json'], input);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

test('framework --json lists 49 norms with the documented keys', () => {
  const fw = json(['framework']);
  assert.equal(fw.version, '2019');
  assert.deepEqual(fw.rubrics.map((r) => r.code), ['VM', 'DV', 'OB']);
  assert.equal(fw.norms.length, 49);
  for (const norm of fw.norms) {
    for (const key of ['code', 'rubric', 'number', 'text', 'guidance', 'questions', 'evidence']) {
      assert.ok(key in norm, `${norm.code} lacks ${key}`);
    }
  }
  assert.equal(fw.norms[0].code, 'VM1');
  assert.deepEqual(fw.norms.find((n) => n.code === 'VM12').questions, []);
  assert.ok(fw.norms.find((n) => n.code === 'OB23'));
});

test('framework prints Dutch rubrics and norms', () => {
  const r = run(['framework']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Rubriek 1\. Vakmanschap \(VM1-VM15\)/);
  assert.match(r.out, /Rubriek 3\. Organisatie en bestuur \(OB1-OB23\)/);
  assert.match(r.out, /49 normen in 3 rubrieken/);
});

test('framework refuses an unknown version and a malformed file naming file and line', () => {
  const unknown = run(['framework', '--version', '2031']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--version: onbekende versie van het normenkader: '2031'/);
  const dir = mkdtempSync(join(tmpdir(), 'sterk-cli-'));
  const file = join(dir, 'kapot.yaml');
  writeFileSync(file, 'version: "2019"\ntitle: "x"\npublished: "2019-05-29"\n');
  const bad = run(['framework', '--file', file]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /kapot\.yaml:1: copyright: ontbreekt/);
});

test('estimate --json answers with every documented key', () => {
  const e = json(['estimate', '--fte', '10.2', '--variant', 'ci', '--ci', 'CIIO', '--on', '2022-06-30', '--km', '100']);
  assert.equal(e.fte, 10.2);
  assert.equal(e.band, '11-20');
  assert.equal(e.variant, 'ci');
  assert.equal(e.days, 2.5);
  assert.equal(e.on_top_of, null);
  assert.equal(e.note, null);
  assert.equal(e.cost_eur, 2.5 * 1175 + 45);
});

test('estimate without --ci has no cost; combi-iso-hkz comes on top; above 300 and NVVK have no figure', () => {
  const plain = json(['estimate', '--fte', '76', '--variant', 'combi-iso-hkz']);
  assert.equal(plain.days, 2);
  assert.equal(plain.on_top_of, 'iso-hkz');
  assert.equal(plain.cost_eur, null);
  const big = json(['estimate', '--fte', '300.01', '--variant', 'peer', '--ci', 'LRQA']);
  assert.equal(big.band, null);
  assert.equal(big.days, null);
  assert.equal(big.cost_eur, null);
  assert.match(big.note, /Boven 300 fte/);
  const nvvk = json(['estimate', '--fte', '20', '--variant', 'combi-nvvk']);
  assert.equal(nvvk.band, '11-20');
  assert.equal(nvvk.days, null);
  assert.match(nvvk.note, /NVVK/);
});

test('estimate uses today\'s rate without --on', () => {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const implicit = json(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO']);
  const explicit = json(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO', '--on', today]);
  assert.equal(implicit.cost_eur, explicit.cost_eur);
  assert.equal(implicit.cost_eur, 2 * implicit.day_rate_eur);
});

test('estimate with --ci shows the CI\'s price for self-evaluation feedback (B10)', () => {
  const ciio = json(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO']);
  assert.deepEqual(ciio.self_evaluation_feedback_eur, { min: 500, max: 750, terms: 'excl. btw en reiskosten' });
  const lrqa = json(['estimate', '--fte', '500', '--variant', 'ci', '--ci', 'LRQA']);
  assert.deepEqual(lrqa.self_evaluation_feedback_eur, { min: 600, max: 600, terms: 'excl. btw en reiskosten' });
  assert.equal(json(['estimate', '--fte', '5', '--variant', 'ci']).self_evaluation_feedback_eur, null);
  const text = run(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO']);
  assert.match(text.out, /Feedback op de zelfevaluatie door CIIO: € 500,00 tot € 750,00 \(excl\. btw en reiskosten\)/);
});

test('estimate without --km says that travel for CIIO comes on top, instead of € 0,00', () => {
  const text = run(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO', '--on', '2026-01-05']);
  assert.match(text.out, /Reiskosten: plus reiskosten € 0,45 per km/);
  assert.match(text.out, /Kosten: € 2\.400,00 \(excl\. btw, plus reiskosten € 0,45 per km\)/);
  assert.doesNotMatch(text.out, /€ 0,00/);
  const data = json(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO', '--on', '2026-01-05']);
  assert.equal(data.travel_eur, null);
  assert.equal(data.travel_note, 'plus reiskosten € 0,45 per km');
  const withKm = json(['estimate', '--fte', '5', '--variant', 'ci', '--ci', 'CIIO', '--on', '2026-01-05', '--km', '0']);
  assert.equal(withKm.travel_eur, 0);
  assert.equal(withKm.travel_note, null);
});

test('estimate refuses bad input with exit 2 naming the flag', () => {
  const cases = [
    [['--fte', '0', '--variant', 'ci'], /--fte: het aantal fte moet groter dan 0 zijn/],
    [['--fte', 'veel', '--variant', 'ci'], /--fte: 'veel' is geen getal/],
    [['--fte', '12', '--variant', 'iso'], /--variant: onbekende toetsingsvariant 'iso'/],
    [['--fte', '12', '--variant', 'ci', '--ci', 'KIWA'], /--ci: onbekende certificerende instelling 'KIWA'/],
    [['--fte', '12', '--variant', 'ci', '--ci', 'CIIO', '--on', '2022-13-01'], /--on: '2022-13-01' is geen geldige datum/],
    [['--fte', '12', '--variant', 'ci', '--ci', 'CIIO', '--km', '-4'], /--km: het aantal kilometers mag niet negatief zijn/],
  ];
  for (const [args, message] of cases) {
    const r = run(['estimate', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
  assert.equal(run(['estimate', '--variant', 'ci']).code, 2, 'missing --fte');
});

function b8Verdicts() {
  const fw = json(['framework']);
  const verdicts = Object.fromEntries(fw.norms.map((n) => [n.code, '+']));
  for (const code of ['VM5', 'VM7', 'DV5', 'DV6', 'DV8', 'OB10', 'OB16']) verdicts[code] = '+/-';
  return verdicts;
}

test('advise reads a file or stdin and answers the B8 example as plan-required', () => {
  const input = JSON.stringify({ framework: '2019', verdicts: b8Verdicts() });
  const fromStdin = json(['advise', '-'], input);
  assert.deepEqual(fromStdin.counts, { met: 42, partly: 7, not_met: 0, not_applicable: 0 });
  assert.equal(fromStdin.scenario, 'plan-required');
  assert.deepEqual(fromStdin.plan_norms, ['VM5', 'VM7', 'DV5', 'DV6', 'DV8', 'OB10', 'OB16']);
  const dir = mkdtempSync(join(tmpdir(), 'sterk-cli-'));
  const file = join(dir, 'b8.json');
  writeFileSync(file, input);
  assert.deepEqual(json(['advise', file]), fromStdin);
});

test('advise without --json prints B8\'s overall table in Dutch', () => {
  const r = run(['advise', '-'], JSON.stringify({ framework: '2019', verdicts: b8Verdicts() }));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Totaaloverzicht \(normenkader 2019\)/);
  assert.match(r.out, /Voldoet:\s+42 van de 49/);
  assert.match(r.out, /Verbeterpunt \(\+\/-\):\s+7 van de 49/);
  assert.match(r.out, /Vakmanschap\n\s+Voldoet:\s+1, 2, 3, 4, 6, 8/);
  assert.match(r.out, /Plan van aanpak voor: VM5, VM7, DV5, DV6, DV8, OB10, OB16/);
  assert.match(r.out, /binnen 4 weken/);
});

test('advise names every offending item and exits 2', () => {
  const verdicts = b8Verdicts();
  delete verdicts.OB23;
  verdicts.XX9 = '+';
  verdicts.VM1 = 'goed';
  verdicts.VM2 = 3;
  const r = run(['advise', '-'], JSON.stringify({ framework: '2019', verdicts }));
  assert.equal(r.code, 2);
  assert.match(r.err, /onbekende normcode: XX9/);
  assert.match(r.err, /VM1 \('goed'\), VM2 \('3'\)/);
  assert.match(r.err, /geen oordeel voor OB23/);

  const version = run(['advise', '-'], JSON.stringify({ framework: '1999', verdicts }));
  assert.equal(version.code, 2);
  assert.match(version.err, /onbekende versie van het normenkader: '1999'/);
  const malformed = run(['advise', '-'], '{"framework": "2019", "verdicts": ');
  assert.equal(malformed.code, 2);
  assert.match(malformed.err, /geen geldige JSON/);
  const missingFile = run(['advise', '/nonexistent/verdicts.json']);
  assert.equal(missingFile.code, 2);
  assert.match(missingFile.err, /kan '\/nonexistent\/verdicts.json' niet lezen/);
});

test('deadlines lists every deadline counting from the given events, with source and status', () => {
  const d = json(['deadlines', '--event', 'last_audit_day=2026-01-05', '--event', 'findings_final=2026-02-13',
    '--today', '2026-02-20']);
  assert.equal(d.today, '2026-02-20');
  assert.deepEqual(d.deadlines.map((x) => x.key), ['concept_report', 'improvement_plan', 'over_threshold_plans']);
  const concept = d.deadlines[0];
  assert.equal(concept.due, '2026-01-19');
  assert.equal(concept.weekday, 'maandag');
  assert.equal(concept.source, 'B6 §6');
  assert.equal(concept.status, 'overdue');
  assert.equal(d.deadlines[1].due, '2026-03-13');
  assert.equal(d.deadlines[1].status, 'open');
  const edge = json(['deadlines', '--event', 'concept_sent=2026-01-19', '--today', '2026-02-02']);
  assert.equal(edge.deadlines[0].status, 'due-today');
  const text = run(['deadlines', '--event', 'last_audit_day=2026-01-05', '--today', '2026-01-20']);
  assert.match(text.out, /uiterlijk maandag 19 januari 2026 \(B6 §6\) — te laat/);
});

test('deadlines refuses unknown events and bad dates naming the flag', () => {
  const unknown = run(['deadlines', '--event', 'audit=2026-01-05']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--event: onbekende gebeurtenis 'audit'; .*last_audit_day/);
  const date = run(['deadlines', '--event', 'last_audit_day=2026-02-30']);
  assert.equal(date.code, 2);
  assert.match(date.err, /--event: '2026-02-30' is geen geldige datum/);
  const today = run(['deadlines', '--event', 'last_audit_day=2026-02-03', '--today', 'gisteren']);
  assert.equal(today.code, 2);
  assert.match(today.err, /--today: 'gisteren' is geen geldige datum/);
});

test('estimate --ci matches the CI code without regard to case (issue 7.1)', () => {
  const lower = json(['estimate', '--fte', '10', '--variant', 'ci', '--ci', 'ciio', '--on', '2022-07-01']);
  assert.equal(lower.ci, 'CIIO');
  assert.equal(lower.cost_eur, 2400);
  assert.equal(json(['estimate', '--fte', '45', '--variant', 'ci', '--ci', 'lRqA']).ci, 'LRQA');
});
