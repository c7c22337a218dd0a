import { describe, expect, it } from 'vitest';
import type { Norm } from '../../api/client';
import { highlightParts, queryTerms, searchNorms } from './framework-search';

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
});

describe('highlightParts', () => {
  it('marks matches, also across accents', () => {
    expect(highlightParts('Zij zijn geëvalueerd.', queryTerms('GEEVALUEERD'))).toEqual([
      { text: 'Zij zijn ', match: false },
      { text: 'geëvalueerd', match: true },
      { text: '.', match: false },
    ]);
  });
});
