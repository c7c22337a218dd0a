import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { decodeCsv, importProblems } from './register-import-helpers';

describe('decodeCsv', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    const text = 'naam\nSúdwest-Fryslân\n';
    const plain = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeCsv(plain.buffer)).toBe(text);
    expect(decodeCsv(withBom.buffer)).toBe(text);
  });

  it('refuses Windows-1252 (Excel’s plain CSV) instead of garbling it', () => {
    expect(decodeCsv(new Uint8Array([0x53, 0xfa, 0x64]).buffer)).toBeNull();
  });
});

describe('importProblems', () => {
  const problem = { line: 4, field: 'verloopt', message: '"31-02-2027" is geen geldige datum' };

  it('lists the problems of a refused file', () => {
    const error = new ApiError(400, { code: 'invalid_argument', message: 'Het bestand heeft 1 fout', errors: [problem] });
    expect(importProblems(error)).toEqual([problem]);
  });

  it('is null for any other failure', () => {
    expect(importProblems(new ApiError(400, { code: 'invalid_argument', message: 'x', field: 'csv' }))).toBeNull();
    expect(importProblems(new ApiError(403, { code: 'permission_denied', message: 'x', errors: [problem] }))).toBeNull();
    expect(importProblems(new TypeError('network'))).toBeNull();
  });
});
