// The register import page's pure parts: the file's bytes as text (UTF-8 only, so a file Excel
// saved as plain "CSV" in Windows-1252 is named as such instead of arriving with replacement
// characters), and the problems a refused import lists.
import { ApiError } from '../../api/api-error';
import type { components } from '../../api/generated/schema';

export type ImportSummary = components['schemas']['RegisterImportSummary'];
export type ImportProblem = components['schemas']['RegisterImportProblem'];

/** The text of a UTF-8 file (a byte-order mark is dropped), or null when it is not UTF-8. */
export function decodeCsv(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.line === 'number' && typeof record.field === 'string' && typeof record.message === 'string';
}

/** The problems of a refused import (400 with `errors`), or null for any other failure. */
export function importProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || typeof error.body !== 'object' || error.body === null) {
    return null;
  }
  const errors = (error.body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every(isProblem)) {
    return null;
  }
  return errors;
}
