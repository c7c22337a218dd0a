// Pure helpers for the findings page: a finding's editable value, what is sent for it, its flags as
// the server computes them (src/core/report/findings.cpp, so the flag shows while typing), and the
// B8 overall table's figures as text.
import type { Finding, FindingInput, FindingSource, FindingVerdict } from '../../api/client';
import type { MessageKey } from '../../i18n/nl';

/** What the team edits of one norm; `verdict` null is "niet beoordeeld". */
export interface FindingValue {
  verdict: FindingVerdict | null;
  reason: string;
  text: string;
  sources: FindingSource[];
}

export type FindingFlag = Finding['flags'][number];

/** MIN_SOURCES in src/core/report/findings.h: each norm rests on at least two sources. */
export const MIN_SOURCES = 2;

export const VERDICT_OPTIONS: readonly { value: FindingVerdict | null; label: MessageKey }[] = [
  { value: '+', label: 'findings.verdict.met' },
  { value: '+/-', label: 'findings.verdict.partly' },
  { value: '-', label: 'findings.verdict.notMet' },
  { value: 'n.v.t.', label: 'findings.verdict.notApplicable' },
  { value: null, label: 'findings.verdict.notAssessed' },
];

/** The dictionary key of a verdict's short name ("voldoet"), null for "niet beoordeeld". */
export function verdictLabel(verdict: FindingVerdict | null | undefined): MessageKey {
  return VERDICT_OPTIONS.find((option) => option.value === (verdict ?? null))?.label ?? 'findings.verdict.notAssessed';
}

export function findingValue(finding: Pick<Finding, 'verdict' | 'reason' | 'text' | 'sources'>): FindingValue {
  return { verdict: finding.verdict ?? null, reason: finding.reason, text: finding.text, sources: finding.sources };
}

const blank = (s: string | undefined) => (s ?? '').trim() === '';

/** A source the server accepts: an interview names a function, a document its title. */
export function isCompleteSource(source: FindingSource): boolean {
  return source.kind === 'interview' ? !blank(source.function) : !blank(source.title);
}

/**
 * The body of a save: the sources still being typed (no function or title yet) stay on the screen
 * and are sent once complete; a reason belongs to n.v.t. only (the server drops it otherwise).
 */
export function findingInput(value: FindingValue, version: number): FindingInput {
  return {
    version,
    verdict: value.verdict,
    reason: value.verdict === 'n.v.t.' ? value.reason : '',
    text: value.text,
    sources: value.sources.filter(isCompleteSource).map(trimSource),
  };
}

function trimSource(source: FindingSource): FindingSource {
  if (source.kind === 'interview') {
    const department = (source.department ?? '').trim();
    return { kind: 'interview', function: (source.function ?? '').trim(), ...(department ? { department } : {}) };
  }
  return { kind: 'document', title: (source.title ?? '').trim(), ...(source.document_id ? { document_id: source.document_id } : {}) };
}

/** The server's flags: a verdict (not n.v.t.) on fewer than two sources; n.v.t. without a reason. */
export function findingFlags(value: FindingValue): FindingFlag[] {
  const flags: FindingFlag[] = [];
  if (value.verdict !== null && value.verdict !== 'n.v.t.' && value.sources.filter(isCompleteSource).length < MIN_SOURCES) {
    flags.push('few_sources');
  }
  if (value.verdict === 'n.v.t.' && blank(value.reason)) {
    flags.push('reason_missing');
  }
  return flags;
}

export function isFindingValue(value: unknown): value is FindingValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const verdictOk = v.verdict === null || ['+', '+/-', '-', 'n.v.t.'].includes(v.verdict as string);
  return (
    verdictOk &&
    typeof v.reason === 'string' &&
    typeof v.text === 'string' &&
    Array.isArray(v.sources) &&
    v.sources.every((s) => isSource(s))
  );
}

export function isSource(value: unknown): value is FindingSource {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'interview' || kind === 'document';
}

export function isSourceList(value: unknown): value is FindingSource[] {
  return Array.isArray(value) && value.every(isSource);
}

export type OverallColumn = 'met' | 'partly' | 'not_met' | 'not_applicable' | 'not_assessed';
export const OVERALL_COLUMNS: readonly OverallColumn[] = ['met', 'partly', 'not_met', 'not_applicable', 'not_assessed'];

/** A cell of the B8 table: the norm numbers, "1, 2, 5" (empty when none). */
export function normNumbers(numbers: readonly number[]): string {
  return numbers.join(', ');
}
