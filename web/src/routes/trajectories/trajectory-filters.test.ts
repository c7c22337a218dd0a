import { describe, expect, it } from 'vitest';
import { exportHref, filtersFromSearch, filtersToQuery, filtersToSearch, hasFilters, NO_FILTERS, overdueActions } from './trajectory-filters';

describe('trajectory filters', () => {
  it('read the address and drop what is not a filter value', () => {
    expect(filtersFromSearch(new URLSearchParams('ci=3&partij=ci&stand=plan&te-laat=1'))).toEqual({ ci: 3, party: 'ci', state: 'plan', overdue: true });
    expect(filtersFromSearch(new URLSearchParams('ci=0&partij=commissie&stand=onbekend&te-laat=ja'))).toEqual(NO_FILTERS);
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(NO_FILTERS);
  });

  it('write the address back and make the API query of what is set', () => {
    const filters = { ci: 7, party: 'member' as const, state: null, overdue: true };
    expect(filtersToSearch(filters).toString()).toBe('ci=7&partij=member&te-laat=1');
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersToQuery(filters)).toEqual({ ci: 7, party: 'member', overdue: true });
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
    expect(exportHref(filters, 'xlsx')).toBe('/api/v1/trajectories.xlsx?ci=7&party=member&overdue=true');
    expect(exportHref(NO_FILTERS, 'csv')).toBe('/api/v1/trajectories.csv');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, state: 'plan' })).toBe(true);
  });

  it('name what is overdue', () => {
    const actions = [
      { actor: 'member' as const, key: 'improvement_plan', todo: 'Verbeterplan', due: '2026-01-01', status: 'overdue' as const },
      { actor: 'ci' as const, key: 'x', todo: 'Iets', due: '2026-12-31', status: 'open' as const },
    ];
    expect(overdueActions({ actions }).map((a) => a.key)).toEqual(['improvement_plan']);
  });
});
