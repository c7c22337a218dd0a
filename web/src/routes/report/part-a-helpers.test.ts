import { describe, expect, it } from 'vitest';
import { isPartAValue, LIST_MAX, listItems, listLines, valueText } from './part-a-helpers';

describe('Part A list fields', () => {
  it('show at least four lines, more when more were written, never more than twenty', () => {
    expect(listLines([])).toEqual(['', '', '', '']);
    expect(listLines(['Betrokken medewerkers'])).toEqual(['Betrokken medewerkers', '', '', '']);
    expect(listLines(['1', '2', '3', '4', '5'])).toHaveLength(5);
    expect(listLines(Array.from({ length: 30 }, String))).toHaveLength(LIST_MAX);
  });

  it('send the points without empty lines', () => {
    expect(listItems(['  Sterk netwerk ', '', '   ', 'Heldere visie'])).toEqual(['Sterk netwerk', 'Heldere visie']);
  });

  it('know a value kept on the device and show a list one point per line', () => {
    expect(isPartAValue('12,5')).toBe(true);
    expect(isPartAValue(['a', 'b'])).toBe(true);
    expect(isPartAValue(['a', 2])).toBe(false);
    expect(isPartAValue(null)).toBe(false);
    expect(valueText(['a', 'b'])).toBe('a\nb');
    expect(valueText('tekst')).toBe('tekst');
  });
});
