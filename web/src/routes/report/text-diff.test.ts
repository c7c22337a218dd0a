import { describe, expect, it } from 'vitest';
import { wordDiff } from './text-diff';

const join = (parts: { kind: string; text: string }[], kinds: string[]) => parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');

describe('word diff concept → final', () => {
  it('finds nothing changed in equal texts', () => {
    expect(wordDiff('Het werkplan is actueel.', 'Het werkplan is actueel.')).toEqual([{ kind: 'same', text: 'Het werkplan is actueel.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('marks the removed and the added words, and rebuilds both texts', () => {
    const before = 'Er zijn drie locaties in Zwolle bezocht.';
    const after = 'Er zijn vier locaties in Zwolle en Kampen bezocht.';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['drie']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['vier', 'en Kampen']);
    expect(join(parts, ['same', 'removed'])).toBe(before);
    expect(join(parts, ['same', 'added'])).toBe(after);
  });

  it('handles a text written from nothing and one deleted whole', () => {
    expect(wordDiff('', 'Nieuw')).toEqual([{ kind: 'added', text: 'Nieuw' }]);
    expect(wordDiff('Weg', '')).toEqual([{ kind: 'removed', text: 'Weg' }]);
  });

  it('shows a very long middle as replaced whole, still rebuilding both texts', () => {
    const before = Array.from({ length: 1500 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 1500 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(`begin ${before} eind`, `begin ${after} eind`);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(join(parts, ['same', 'removed'])).toBe(`begin ${before} eind`);
  });
});
