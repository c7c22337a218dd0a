import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Norm, Rubric } from '../../api/client';
import { highlightParts, highlightTerms, queryTerms, searchNorms, termForms } from './framework-search';

function norm(code: string, fields: Partial<Norm> = {}): Norm {
  return {
    code,
    rubric: code.replace(/\d+$/, ''),
    number: Number(code.replace(/^\D+/, '')),
    text: '',
    applicability: 'always',
    guidance: '',
    questions: [],
    evidence: [],
    ...fields,
  };
}

const norms = [
  norm('DV10', { text: 'Vrijwilligers worden goed begeleid.' }),
  norm('DV11', { guidance: 'Kan blijken uit afspraken met stagiairs en vrijwilligers.' }),
  norm('OB1', { questions: ['Hoe is de privacy geregeld?'], evidence: ['Privacyreglement'] }),
  norm('VM2', { text: 'Professionals werken zich in; geëvalueerd.' }),
];

describe('searchNorms', () => {
  it('finds terms in text, guidance, questions, evidence and code, ignoring case and accents', () => {
    expect(searchNorms(norms, 'VRIJWILLIGERS').map((m) => m.norm.code)).toEqual(['DV10', 'DV11']);
    expect(searchNorms(norms, 'privacy').map((m) => m.norm.code)).toEqual(['OB1']);
    expect(searchNorms(norms, 'ob1').map((m) => m.norm.code)).toEqual(['OB1']);
    expect(searchNorms(norms, 'geevalueerd').map((m) => m.norm.code)).toEqual(['VM2']);
  });

  it('needs every word and says where it matched', () => {
    expect(searchNorms(norms, 'stagiairs vrijwilligers').map((m) => m.norm.code)).toEqual(['DV11']);
    const [match] = searchNorms(norms, 'reglement');
    expect(match).toMatchObject({ inQuestions: false, inEvidence: true });
    expect(searchNorms(norms, 'xyzzy')).toEqual([]);
    expect(searchNorms(norms, '   ')).toHaveLength(norms.length);
  });

  it('finds the same norms for singular and plural', () => {
    const plural = [norm('A1', { text: 'Er zijn klachten van vrijwilligers.' }), norm('A2', { text: 'Eén vrijwilliger en één klacht.' })];
    for (const query of ['vrijwilliger', 'vrijwilligers', 'klacht', 'klachten']) {
      expect(searchNorms(plural, query).map((m) => m.norm.code), query).toEqual(['A1', 'A2']);
    }
  });

  it('searches rubric names', () => {
    const rubrics = [{ code: 'VM', name: 'Vakmanschap' }, { code: 'DV', name: 'Dienstverlening' }] as Rubric[];
    expect(searchNorms(norms, 'vakmanschap', rubrics).map((m) => m.norm.code)).toEqual(['VM2']);
    expect(searchNorms(norms, 'dienstverlening begeleid', rubrics).map((m) => m.norm.code)).toEqual(['DV10']);
  });

  it('gives an exact code alone', () => {
    const codes = ['VM1', 'VM2', 'VM10', 'VM11', 'VM15'].map((code) => norm(code, { text: `Norm ${code}` }));
    expect(searchNorms(codes, 'VM1').map((m) => m.norm.code)).toEqual(['VM1']);
    expect(searchNorms(codes, ' vm1 ').map((m) => m.norm.code)).toEqual(['VM1']);
    expect(searchNorms(codes, 'VM').map((m) => m.norm.code)).toHaveLength(5);
  });
});

// The real norms, as the server serves them: `sterklabel framework --json` (STERK_BIN, set by CTest,
// or ../build/sterklabel). The data file stays the only place the norms live.
const binary = process.env.STERK_BIN ?? fileURLToPath(new URL('../../../../build/sterklabel', import.meta.url));
const haveBinary = existsSync(binary);

describe.skipIf(!haveBinary)('the 2019 framework', () => {
  const framework = haveBinary
    ? (JSON.parse(execFileSync(binary, ['framework', '--json'], { encoding: 'utf8' })) as { norms: Norm[]; rubrics: Rubric[] })
    : { norms: [], rubrics: [] };
  const codes = (query: string) => searchNorms(framework.norms, query, framework.rubrics).map((m) => m.norm.code);

  it('"vakmanschap" finds every VM norm', () => {
    const vm = framework.norms.filter((n) => n.rubric === 'VM').map((n) => n.code);
    expect(vm.length).toBe(15);
    expect(codes('vakmanschap')).toEqual(expect.arrayContaining(vm));
  });

  it('"vrijwilliger" and "vrijwilligers" find the same norms', () => {
    expect(codes('vrijwilligers')).toEqual(codes('vrijwilliger'));
    expect(codes('vrijwilliger').length).toBeGreaterThanOrEqual(7);
  });

  it('"VM1" gives VM1 alone', () => {
    expect(codes('VM1')).toEqual(['VM1']);
  });
});

describe('termForms', () => {
  it('strips Dutch plural endings, not more', () => {
    expect(termForms('vrijwilligers')).toContain('vrijwilliger');
    expect(termForms('klachten')).toContain('klacht');
    expect(termForms('processen')).toContain('proces');
    expect(termForms('taken')).toContain('taak');
    expect(termForms("cao's")).toContain('cao');
    expect(termForms('proces')).toEqual(['proces']);
    expect(termForms('vm10')).toEqual(['vm10']);
  });
});

describe('highlightParts', () => {
  it('marks matches, also across accents', () => {
    expect(highlightParts('Zij zijn geëvalueerd.', queryTerms('GEEVALUEERD'))).toEqual([
      { text: 'Zij zijn ', match: false },
      { text: 'geëvalueerd', match: true },
      { text: '.', match: false },
    ]);
  });

  it('marks the singular found by a plural query', () => {
    expect(highlightParts('Eén vrijwilliger.', highlightTerms('vrijwilligers'))).toEqual([
      { text: 'Eén ', match: false },
      { text: 'vrijwilliger', match: true },
      { text: '.', match: false },
    ]);
  });
});
