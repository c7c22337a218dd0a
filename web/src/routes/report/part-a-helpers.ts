// Pure helpers for Part A's typed fields: a list field shows at least four lines (B7's form has
// four), more when more were written, at most twenty (the server's limit); empty lines are not saved.
import type { PartAField } from '../../api/client';

export type PartAValue = PartAField['value'];

export const LIST_SHOWN = 4;
export const LIST_MAX = 20;

/** The lines a list field shows for its points. */
export function listLines(items: readonly string[]): string[] {
  const lines = [...items];
  while (lines.length < LIST_SHOWN) lines.push('');
  return lines.slice(0, LIST_MAX);
}

/** What is sent for a list: the points without the empty lines. */
export function listItems(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

export function isPartAValue(value: unknown): value is PartAValue {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

/** A field's value as the report's text: a list's points one per line. */
export function valueText(value: PartAValue): string {
  return Array.isArray(value) ? value.join('\n') : value;
}
