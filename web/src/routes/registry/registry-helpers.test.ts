import { describe, expect, it } from 'vitest';
import {
  barPercent,
  ciBody,
  ciValues,
  filterCis,
  filterMembers,
  formatEuro,
  formatNumber,
  groupNumbers,
  groupOfField,
  groupQuery,
  loadScopeDraft,
  matchesQuery,
  memberBody,
  memberValues,
  parseWerksoorten,
  preferredPeriod,
  saveScopeDraft,
  type Ci,
  type Member,
} from './registry-helpers';

const member = (over: Partial<Member>): Member => ({
  id: 1,
  name: 'Stichting WijkKracht',
  lidnummer: 'SWN-1001',
  kvk: '41178322',
  address: '',
  postcode: '',
  town: 'Utrecht',
  contact_person: '',
  phone: '',
  email: '',
  website: '',
  member_from: '2020-01-01',
  member_until: null,
  active: true,
  inactive_reason: null,
  ...over,
});

const ci = (over: Partial<Ci>): Ci => ({
  id: 9,
  name: 'CI Toetsbureau',
  kvk: '32145678',
  address: '',
  postcode: '',
  town: 'Amersfoort',
  phone: '',
  email: '',
  website: '',
  tariff_code: 'CIIO',
  complaints_procedure: true,
  framework_contract: true,
  iso17021_ea38_until: '2099-01-01',
  hkz_welzijn_until: null,
  insured_until: '2099-01-01',
  eligible: true,
  lapsed: [],
  ...over,
});

describe('searching the registries', () => {
  it('matches every word, any case and without accents', () => {
    expect(matchesQuery('wijk utrecht', ['Stichting WijkKracht', 'Utrecht'])).toBe(true);
    expect(matchesQuery('geeindigd', ['Het lidmaatschap is geëindigd'])).toBe(true);
    expect(matchesQuery('wijk zwolle', ['Stichting WijkKracht', 'Utrecht'])).toBe(false);
    expect(matchesQuery('   ', ['x'])).toBe(true);
  });

  it('filters members by membership and sorts them by name', () => {
    const list = [member({ id: 2, name: 'Welzijn Samen', active: false }), member({ id: 1 }), member({ id: 3, name: 'Buurtkracht' })];
    expect(filterMembers(list, '', 'all').map((m) => m.id)).toEqual([3, 1, 2]);
    expect(filterMembers(list, '', 'inactive').map((m) => m.id)).toEqual([2]);
    expect(filterMembers(list, 'SWN-1001 kracht', 'active').map((m) => m.id)).toEqual([3, 1]);
  });

  it('filters CIs by whether they can be chosen', () => {
    const list = [ci({}), ci({ id: 10, name: 'Keurmerk', tariff_code: 'LRQA', eligible: false, lapsed: ['geen geldige verzekering'] })];
    expect(filterCis(list, '', 'lapsed').map((c) => c.id)).toEqual([10]);
    expect(filterCis(list, 'ciio', 'all').map((c) => c.id)).toEqual([9]);
  });
});

describe('form values', () => {
  it('keep what was typed and send it trimmed', () => {
    const values = memberValues(member({ member_until: null }));
    expect(values.member_until).toBe('');
    expect(memberBody({ ...values, name: '  Nieuw  ', kvk: '123' })).toMatchObject({ name: 'Nieuw', kvk: '123', member_until: '' });
    const ciForm = ciValues(null);
    expect(ciForm.complaints_procedure).toBe(false);
    expect(ciBody({ ...ciForm, name: 'X', complaints_procedure: true })).toMatchObject({
      name: 'X',
      complaints_procedure: true,
      framework_contract: false,
    });
  });
});

describe('numbers', () => {
  it('are written the Dutch way', () => {
    expect(formatNumber(12.5, 'nl')).toBe('12,5');
    expect(formatNumber(1234.567, 'nl')).toBe('1.234,57');
    expect(formatNumber(12.5, 'en')).toBe('12.5');
    expect(formatEuro(2937.5, 'nl').replace(/\s/g, ' ')).toBe('€ 2.937,50');
  });

  it('send only the filled-in groups, and read a Dutch comma for the request', () => {
    expect(groupQuery({ a: ' 12,5 ', b: '', c: '0' })).toEqual({ a: '12,5', c: '0' });
    expect(groupNumbers({ a: '12,5', b: '', c: '3' })).toEqual({ a: 12.5, c: 3 });
    expect(groupNumbers({ a: 'veel' })).toBeNull();
    expect(groupNumbers({ a: '1,2,3' })).toBeNull();
  });

  it('draw a bar in proportion, with a sliver for a small value', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(0.01, 100)).toBe(2);
    expect(barPercent(3, 0)).toBe(0);
  });

  it('name the group an error is about', () => {
    expect(groupOfField('group.professionals_employed')).toBe('professionals_employed');
    expect(groupOfField('group')).toBeNull();
    expect(groupOfField(null)).toBeNull();
  });
});

describe('the scope and the request', () => {
  it('reads werksoorten separated by commas, semicolons or lines', () => {
    expect(parseWerksoorten('jongerenwerk, buurtbemiddeling;\nmaatschappelijk werk,, ')).toEqual([
      'jongerenwerk',
      'buurtbemiddeling',
      'maatschappelijk werk',
    ]);
  });

  it('finds the preferred period in the latest request event', () => {
    expect(preferredPeriod([{ event: 'self_evaluation_completed' }])).toBeNull();
    expect(
      preferredPeriod([
        { event: 'audit_requested', preferred_from: '2026-04-01', preferred_until: '2026-05-31' },
        { event: 'audit_accepted' },
      ]),
    ).toEqual({ from: '2026-04-01', until: '2026-05-31' });
    expect(preferredPeriod([{ event: 'audit_requested', preferred_from: '2026-04-01' }])).toEqual({ from: '2026-04-01', until: null });
  });

  it('keeps the calculator draft and survives a damaged one', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadScopeDraft(storage)).toEqual({ whole: true, werksoorten: '', fte: {} });
    saveScopeDraft(storage, { whole: false, werksoorten: 'jongerenwerk', fte: { a: '1,5' } });
    expect(loadScopeDraft(storage)).toEqual({ whole: false, werksoorten: 'jongerenwerk', fte: { a: '1,5' } });
    store.set('sterklabel.scope', '{kapot');
    expect(loadScopeDraft(storage)).toEqual({ whole: true, werksoorten: '', fte: {} });
    expect(loadScopeDraft(null).whole).toBe(true);
  });
});
