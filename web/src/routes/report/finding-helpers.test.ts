import { describe, expect, it } from 'vitest';
import { findingFlags, findingInput, isCompleteSource, isFindingValue, normNumbers, verdictLabel, type FindingValue } from './finding-helpers';

const interview = (fn: string, department = '') => ({ kind: 'interview' as const, function: fn, department });
const document = (title: string) => ({ kind: 'document' as const, title });
const value = (patch: Partial<FindingValue>): FindingValue => ({ verdict: null, reason: '', text: '', sources: [], ...patch });

describe('flags as the server computes them', () => {
  it('flags a verdict on fewer than two (complete) sources', () => {
    expect(findingFlags(value({ verdict: '+', sources: [interview('jongerenwerker')] }))).toEqual(['few_sources']);
    expect(findingFlags(value({ verdict: '-', sources: [] }))).toEqual(['few_sources']);
    expect(findingFlags(value({ verdict: '+/-', sources: [interview('jongerenwerker'), interview('  ')] }))).toEqual(['few_sources']);
    expect(findingFlags(value({ verdict: '+', sources: [interview('jongerenwerker'), document('Werkplan 2026')] }))).toEqual([]);
  });

  it('does not flag a norm without a verdict, nor n.v.t. for its sources', () => {
    expect(findingFlags(value({ verdict: null }))).toEqual([]);
    expect(findingFlags(value({ verdict: 'n.v.t.', reason: 'Geen vrijwilligers' }))).toEqual([]);
  });

  it('flags n.v.t. without a reason', () => {
    expect(findingFlags(value({ verdict: 'n.v.t.', reason: '  ' }))).toEqual(['reason_missing']);
  });
});

describe('what a save sends', () => {
  it('leaves out sources still being typed and trims the rest', () => {
    const body = findingInput(
      value({ verdict: '+', text: 'Goed', sources: [interview(' coördinator ', ' Jeugd '), interview(''), document(''), document('Werkplan')] }),
      4,
    );
    expect(body).toEqual({
      version: 4,
      verdict: '+',
      reason: '',
      text: 'Goed',
      sources: [{ kind: 'interview', function: 'coördinator', department: 'Jeugd' }, { kind: 'document', title: 'Werkplan' }],
    });
  });

  it('sends a reason with n.v.t. only, and null for "niet beoordeeld"', () => {
    expect(findingInput(value({ verdict: 'n.v.t.', reason: 'Geen vrijwilligers' }), 0).reason).toBe('Geen vrijwilligers');
    expect(findingInput(value({ verdict: '+', reason: 'oud' }), 0).reason).toBe('');
    expect(findingInput(value({ verdict: null }), 0).verdict).toBeNull();
  });

});

describe('shapes and labels', () => {
  it('knows complete sources', () => {
    expect(isCompleteSource(interview('teamleider'))).toBe(true);
    expect(isCompleteSource(interview(' '))).toBe(false);
    expect(isCompleteSource(document('Jaarverslag'))).toBe(true);
    expect(isCompleteSource({ kind: 'document' })).toBe(false);
  });

  it('recognises a kept finding value and refuses others', () => {
    expect(isFindingValue(value({ verdict: '+/-', sources: [document('x')] }))).toBe(true);
    expect(isFindingValue({ ...value({}), verdict: '++' })).toBe(false);
    expect(isFindingValue({ ...value({}), sources: [{ kind: 'person' }] })).toBe(false);
    expect(isFindingValue(null)).toBe(false);
  });

  it('names verdicts and lists norm numbers', () => {
    expect(verdictLabel('+/-')).toBe('findings.verdict.partly');
    expect(verdictLabel(null)).toBe('findings.verdict.notAssessed');
    expect(normNumbers([1, 2, 5])).toBe('1, 2, 5');
    expect(normNumbers([])).toBe('');
  });
});
