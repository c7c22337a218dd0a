import { describe, expect, it } from 'vitest';
import {
  agreement,
  everythingSuppressed,
  filtersFromParams,
  formatDays,
  formatPercent,
  onTimeShare,
  rubricSegments,
  rubricSummary,
  share,
  stepsByParty,
  tallyCell,
  trendsDownloadHref,
  trendsQuery,
  verdictsAgree,
  type TrendStep,
  type TrendView,
} from './trend-helpers';

const tally = { met: 6, partly: 2, not_met: 1, not_applicable: 1, total: 10 };

function step(deadline: string, party: TrendStep['party'], met = 4, late = 1): TrendStep {
  return { deadline, label: deadline, party, met, late, mean_days: 5, mean_allowed: 14 };
}

describe('filters', () => {
  it('read the address, with "*" and blanks as all', () => {
    expect(filtersFromParams(new URLSearchParams('variant=peer&band=20-50+fte'))).toEqual({ variant: 'peer', band: '20-50 fte' });
    expect(filtersFromParams(new URLSearchParams('variant=*&band=%20'))).toEqual({ variant: '', band: '' });
    expect(filtersFromParams(new URLSearchParams(''))).toEqual({ variant: '', band: '' });
  });

  it('leave unset filters out of the query and the download links', () => {
    expect(trendsQuery({ variant: '', band: '' })).toEqual({});
    expect(trendsQuery({ variant: 'ci', band: '' })).toEqual({ variant: 'ci' });
    expect(trendsDownloadHref({ variant: '', band: '' }, 'csv')).toBe('/api/v1/trends.csv');
    expect(trendsDownloadHref({ variant: 'ci', band: '100+ fte' }, 'xlsx')).toBe('/api/v1/trends.xlsx?variant=ci&band=100%2B+fte');
  });
});

describe('shares and cells', () => {
  it('divide by the total, and an empty tally is 0', () => {
    expect(share(tally, 'met')).toBe(0.6);
    expect(share({ ...tally, met: 0, partly: 0, not_met: 0, not_applicable: 0, total: 0 }, 'met')).toBe(0);
  });

  it('format percentages and days per language', () => {
    expect(formatPercent(0.875, 'nl')).toMatch(/^88\s?%$/);
    expect(formatPercent(0.1, 'en')).toBe('10%');
    expect(formatDays(9.51282, 'nl')).toBe('9,5');
    expect(formatDays(14, 'en')).toBe('14.0');
  });

  it('show the four shares of a shown column', () => {
    const cell = tallyCell(tally, { suppressed: false }, 'en');
    expect(cell).toEqual({
      suppressed: false,
      total: 10,
      shares: [
        { key: 'met', symbol: '+', count: 6, percent: '60%' },
        { key: 'partly', symbol: '+/-', count: 2, percent: '20%' },
        { key: 'not_met', symbol: '-', count: 1, percent: '10%' },
        { key: 'not_applicable', symbol: 'n.v.t.', count: 1, percent: '10%' },
      ],
    });
  });

  it('never show figures of a suppressed or missing group', () => {
    expect(tallyCell(null, { suppressed: true }, 'nl')).toEqual({ suppressed: true });
    expect(tallyCell(null, { suppressed: false }, 'nl')).toEqual({ suppressed: true });
    // A tally beside a column the server marked suppressed still shows nothing.
    expect(tallyCell(tally, { suppressed: true }, 'nl')).toEqual({ suppressed: true });
    expect(tallyCell(tally, undefined, 'nl')).toEqual({ suppressed: true });
  });
});

describe('the rubric chart', () => {
  const view: Pick<TrendView, 'columns' | 'rubrics'> = {
    columns: [
      { year: 2024, label: '2024', suppressed: true, organisations: null, reports: null },
      { year: 2025, label: '2025', suppressed: false, organisations: 6, reports: 6 },
      { year: null, label: 'alle jaren', suppressed: false, organisations: 9, reports: 9 },
    ],
    rubrics: [
      { code: 'VM', name: 'Vakmanschap', columns: [null, tally, { ...tally, met: 8, partly: 0, total: 10 }] },
      { code: 'DV', columns: [null, { ...tally, met: 0, partly: 0, not_met: 0, not_applicable: 0, total: 0 }, tally] },
    ],
  };

  it('draws only shown columns with reports', () => {
    const segments = rubricSegments(view);
    expect(new Set(segments.map((s) => `${s.group} ${s.column}`))).toEqual(new Set(['Vakmanschap 2025', 'Vakmanschap alle jaren', 'DV alle jaren']));
    expect(segments.filter((s) => s.group === 'Vakmanschap' && s.column === '2025').map((s) => [s.verdict, s.share])).toEqual([
      ['+', 0.6],
      ['+/-', 0.2],
      ['-', 0.1],
      ['n.v.t.', 0.1],
    ]);
  });

  it('summarises all years per rubric for the chart’s label', () => {
    expect(rubricSummary(view, 'en')).toEqual(['Vakmanschap: + 80%, +/- 0%, - 10%, n.v.t. 10%', 'DV: + 60%, +/- 20%, - 10%, n.v.t. 10%']);
  });

  it('knows when every column is suppressed', () => {
    expect(everythingSuppressed(view)).toBe(false);
    expect(everythingSuppressed({ columns: view.columns.map((c) => ({ ...c, suppressed: true })) })).toBe(true);
  });
});

describe('steps and agreement', () => {
  it('group steps per party in a fixed order and leave out empty parties', () => {
    const groups = stepsByParty([step('a', 'ci'), step('b', 'member'), step('c', 'ci')]);
    expect(groups.map((g) => [g.party, g.steps.map((s) => s.deadline)])).toEqual([
      ['member', ['b']],
      ['ci', ['a', 'c']],
    ]);
  });

  it('count steps on time among those met', () => {
    expect(onTimeShare({ met: 4, late: 1 })).toBe(0.75);
    expect(onTimeShare({ met: 0, late: 0 })).toBeNull();
  });

  it('give agreement only when something was compared', () => {
    expect(agreement(3, 4)).toEqual({ agree: 3, compared: 4, share: 0.75 });
    expect(agreement(0, 0)).toBeNull();
  });

  it('compare a self-evaluation verdict with the audit’s', () => {
    expect(verdictsAgree({ self: '+', audit: '+' })).toBe(true);
    expect(verdictsAgree({ self: '+', audit: '+/-' })).toBe(false);
    expect(verdictsAgree({ self: null, audit: '+' })).toBeNull();
  });
});
