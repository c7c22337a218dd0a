// Pure helpers of the trend analysis (/trends) and a member's calibration (/kalibratie), issue 12:
// the filters as query and download links, the share of each verdict in a column, what a cell says
// (its shares, or "te weinig gegevens" when the server suppressed the group), the rows the charts
// draw, steps grouped per party, and agreement as a fraction. Nothing here fetches; the pages pass
// in what GET /api/v1/trends and /api/v1/members/{id}/calibration answered.
import type { components } from '../../api/generated/schema';
import type { Language } from '../../i18n/types';

export type TrendView = components['schemas']['TrendView'];
export type TrendColumn = components['schemas']['TrendColumn'];
export type TrendRow = components['schemas']['TrendRow'];
export type TrendTally = NonNullable<components['schemas']['TrendVerdictTally']>;
export type TrendRankedNorm = components['schemas']['TrendRankedNorm'];
export type TrendStep = components['schemas']['TrendStep'];
export type TrendParty = TrendStep['party'];
export type MemberCalibration = components['schemas']['MemberCalibration'];
export type CalibrationAudit = MemberCalibration['audits'][number];
export type CalibrationNorm = CalibrationAudit['norms'][number];

/** The four verdicts in the handbook's order, with the tally field that counts each. */
export const VERDICTS = [
  { key: 'met', symbol: '+' },
  { key: 'partly', symbol: '+/-' },
  { key: 'not_met', symbol: '-' },
  { key: 'not_applicable', symbol: 'n.v.t.' },
] as const;
export type VerdictKey = (typeof VERDICTS)[number]['key'];

/** The filters as the page keeps them: '' means all (the server's "*"). */
export interface TrendFilters {
  variant: string;
  band: string;
}

/** The filters from the page's address (?variant=&band=); "*" reads as all. */
export function filtersFromParams(params: URLSearchParams): TrendFilters {
  const read = (name: string) => {
    const value = (params.get(name) ?? '').trim();
    return value === '*' ? '' : value;
  };
  return { variant: read('variant'), band: read('band') };
}

/** The query for the API and the page's address: only the filters that are set. */
export function trendsQuery(filters: TrendFilters): { variant?: string; band?: string } {
  const query: { variant?: string; band?: string } = {};
  if (filters.variant) query.variant = filters.variant;
  if (filters.band) query.band = filters.band;
  return query;
}

/** The download of the same selection: /api/v1/trends.csv or .xlsx with the filters that are set. */
export function trendsDownloadHref(filters: TrendFilters, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams(trendsQuery(filters)).toString();
  return `/api/v1/trends.${format}${query ? `?${query}` : ''}`;
}

/** The share of one verdict in a tally, 0..1; 0 for an empty tally. */
export function share(tally: TrendTally, verdict: VerdictKey): number {
  return tally.total > 0 ? tally[verdict] / tally.total : 0;
}

/** A share as a whole percentage in the page's language ("87%"). */
export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A mean number of days with one decimal ("9,5" in Dutch). */
export function formatDays(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** What one cell of the verdict table says: the four shares, or that the group is too small. */
export type TallyCell = { suppressed: true } | { suppressed: false; shares: { key: VerdictKey; symbol: string; count: number; percent: string }[]; total: number };

/**
 * One cell: a null tally or a suppressed column never shows figures (the server sends none, and a
 * column marked suppressed is treated as such even if a tally came along).
 */
export function tallyCell(tally: TrendTally | null | undefined, column: Pick<TrendColumn, 'suppressed'> | undefined, language: Language): TallyCell {
  if (!tally || !column || column.suppressed) {
    return { suppressed: true };
  }
  return {
    suppressed: false,
    total: tally.total,
    shares: VERDICTS.map((v) => ({ key: v.key, symbol: v.symbol, count: tally[v.key], percent: formatPercent(share(tally, v.key), language) })),
  };
}

/** True when no column of the selection may be shown. */
export function everythingSuppressed(view: Pick<TrendView, 'columns'>): boolean {
  return view.columns.every((column) => column.suppressed);
}

/** One bar segment of the rubric chart: a rubric in one column, one verdict's share. */
export interface ChartSegment {
  group: string;
  column: string;
  verdict: string;
  share: number;
}

/** The rubric chart's segments: only columns that are shown and have a tally. */
export function rubricSegments(view: Pick<TrendView, 'columns' | 'rubrics'>): ChartSegment[] {
  const segments: ChartSegment[] = [];
  for (const rubric of view.rubrics) {
    view.columns.forEach((column, index) => {
      const tally = rubric.columns[index];
      if (column.suppressed || !tally || tally.total === 0) {
        return;
      }
      for (const v of VERDICTS) {
        segments.push({ group: rubric.name ?? rubric.code, column: column.label, verdict: v.symbol, share: share(tally, v.key) });
      }
    });
  }
  return segments;
}

/** A sentence-length summary of a rubric over all years, for a chart's aria-label: "VM: + 90%, …". */
export function rubricSummary(view: Pick<TrendView, 'columns' | 'rubrics'>, language: Language): string[] {
  const all = view.columns.length - 1;
  return view.rubrics.flatMap((rubric) => {
    const cell = tallyCell(rubric.columns[all], view.columns[all], language);
    if (cell.suppressed) {
      return [];
    }
    return [`${rubric.name ?? rubric.code}: ${cell.shares.map((s) => `${s.symbol} ${s.percent}`).join(', ')}`];
  });
}

/** Steps grouped per party, in the order member, CI, secretariat; parties without steps are left out. */
export function stepsByParty(steps: readonly TrendStep[]): { party: TrendParty; steps: TrendStep[] }[] {
  const order: TrendParty[] = ['member', 'ci', 'secretariat'];
  return order.map((party) => ({ party, steps: steps.filter((step) => step.party === party) })).filter((group) => group.steps.length > 0);
}

/** The share of steps done on time: (met - late) / met, or null when none was met. */
export function onTimeShare(step: Pick<TrendStep, 'met' | 'late'>): number | null {
  return step.met > 0 ? (step.met - step.late) / step.met : null;
}

/** Agreement as "12 van 15 (80%)"-ready parts; null when nothing was compared. */
export function agreement(agree: number, compared: number): { agree: number; compared: number; share: number } | null {
  return compared > 0 ? { agree, compared, share: agree / compared } : null;
}

/** Whether the member's own verdict matches the audit's; null when either is missing. */
export function verdictsAgree(norm: Pick<CalibrationNorm, 'self' | 'audit'>): boolean | null {
  if (!norm.self || !norm.audit) {
    return null;
  }
  return norm.self === norm.audit;
}
