// Pure helpers for the registry pages (members, CIs), the organisation page, the scope calculator
// and the request page: searching a list, form values to and from the API's shapes, Dutch number
// formatting. Every rule (what counts for the scope, the band, the days, which CI can be chosen)
// is the server's: these only shape what it answered.
import type { components } from '../../api/generated/schema';

export type Member = components['schemas']['Member'];
export type MemberInput = components['schemas']['MemberInput'];
export type Ci = components['schemas']['Ci'];
export type CiInput = components['schemas']['CiInput'];
export type CiTariff = NonNullable<components['schemas']['CiTariff']>;
export type EstimateScope = components['schemas']['EstimateScope'];
export type VariantDays = components['schemas']['EstimateVariantDays'];
export type AuditRequestOutlook = components['schemas']['AuditRequestOutlook'];
export type Language = 'nl' | 'en';

/** Lower case without accents, so "Geëindigd" matches "geeindigd". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Whether every word of the query occurs in one of the texts. */
export function matchesQuery(query: string, texts: readonly (string | null | undefined)[]): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = texts.map((text) => normalise(text ?? '')).join(' ');
  return words.every((word) => haystack.includes(word));
}

export type MemberFilter = 'all' | 'active' | 'inactive';
export type CiFilter = 'all' | 'eligible' | 'lapsed';

export function filterMembers(members: readonly Member[], query: string, filter: MemberFilter): Member[] {
  return members
    .filter((m) => filter === 'all' || (filter === 'active') === m.active)
    .filter((m) => matchesQuery(query, [m.name, m.lidnummer, m.kvk, m.town, m.contact_person, m.email]))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export function filterCis(cis: readonly Ci[], query: string, filter: CiFilter): Ci[] {
  return cis
    .filter((c) => filter === 'all' || (filter === 'eligible') === c.eligible)
    .filter((c) => matchesQuery(query, [c.name, c.kvk, c.town, c.tariff_code, c.email]))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** A form's values: every field as typed (text, or a checkbox's boolean). */
export type FormValues = Record<string, string | boolean>;

export const MEMBER_FIELDS = [
  'name',
  'lidnummer',
  'kvk',
  'address',
  'postcode',
  'town',
  'contact_person',
  'phone',
  'email',
  'website',
  'member_from',
  'member_until',
] as const;

export const CI_TEXT_FIELDS = [
  'name',
  'kvk',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
  'website',
  'iso17021_ea38_until',
  'hkz_welzijn_until',
  'insured_until',
  'tariff_code',
] as const;
export const CI_FLAGS = ['complaints_procedure', 'framework_contract'] as const;

export function memberValues(member: Member | null): FormValues {
  const values: FormValues = {};
  for (const field of MEMBER_FIELDS) {
    values[field] = member ? (member[field] ?? '') : '';
  }
  return values;
}

export function ciValues(ci: Ci | null): FormValues {
  const values: FormValues = {};
  for (const field of CI_TEXT_FIELDS) {
    values[field] = ci ? (ci[field] ?? '') : '';
  }
  for (const flag of CI_FLAGS) {
    values[flag] = ci ? ci[flag] : false;
  }
  return values;
}

function text(values: FormValues, field: string): string {
  const value = values[field];
  return typeof value === 'string' ? value.trim() : '';
}

/** The body for POST/PUT /api/v1/members: text as typed (trimmed); the server checks it. */
export function memberBody(values: FormValues): MemberInput {
  const body: Record<string, string> = {};
  for (const field of MEMBER_FIELDS) {
    body[field] = text(values, field);
  }
  return body as unknown as MemberInput;
}

export function ciBody(values: FormValues): CiInput {
  const body: Record<string, string | boolean> = {};
  for (const field of CI_TEXT_FIELDS) {
    body[field] = text(values, field);
  }
  for (const flag of CI_FLAGS) {
    body[flag] = values[flag] === true;
  }
  return body as unknown as CiInput;
}

/** A number as Dutch (or English) readers expect it: "12,5" / "12.5", at most two decimals. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** An amount in euros: "€ 2.937,50". */
export function formatEuro(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
  }).format(value);
}

/** The FTE per group as typed, for GET /api/v1/estimate?group[KEY]=…: only the filled-in groups. */
export function groupQuery(fte: Record<string, string>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(fte)) {
    if (value.trim() !== '') {
      query[key] = value.trim();
    }
  }
  return query;
}

/**
 * The FTE per group for POST /api/v1/trajectories (numbers): the typed text read with a Dutch comma
 * or a point. Null when a filled-in value is not a plain number, so the page asks the estimate
 * (which names the field) instead of guessing.
 */
export function groupNumbers(fte: Record<string, string>): Record<string, number> | null {
  const numbers: Record<string, number> = {};
  for (const [key, value] of Object.entries(groupQuery(fte))) {
    const normalised = value.replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(normalised) && !/^-?\.\d+$/.test(normalised)) {
      return null;
    }
    numbers[key] = Number(normalised);
  }
  return numbers;
}

/** The werksoorten typed in one field, separated by commas, semicolons or new lines. */
export function parseWerksoorten(typed: string): string[] {
  return typed
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The share of the largest value (0..100), for drawing a bar; 0 when all are 0. */
export function barPercent(value: number, largest: number): number {
  if (!(largest > 0) || !(value > 0)) {
    return 0;
  }
  return Math.max(2, Math.round((value / largest) * 100));
}

/** The field a server error names, mapped to the form's field id ("group.x" → "x"), or null. */
export function groupOfField(field: string | null): string | null {
  if (!field || !field.startsWith('group.')) {
    return null;
  }
  return field.slice('group.'.length);
}

/** The audit_requested event's preferred period, as stored in the trajectory's log. */
export function preferredPeriod(
  events: readonly { event: string; [key: string]: unknown }[] | undefined,
): { from: string; until: string | null } | null {
  const requested = [...(events ?? [])].reverse().find((e) => e.event === 'audit_requested');
  const from = requested?.preferred_from;
  if (typeof from !== 'string' || from === '') {
    return null;
  }
  const until = requested?.preferred_until;
  return { from, until: typeof until === 'string' && until !== '' ? until : null };
}

export interface ScopeDraft {
  whole: boolean;
  werksoorten: string;
  fte: Record<string, string>;
}

const DRAFT_KEY = 'sterklabel.scope';

/** The calculator's values, kept for this browser tab so the request page starts from them. */
export function loadScopeDraft(storage: Pick<Storage, 'getItem'> | null): ScopeDraft {
  const empty: ScopeDraft = { whole: true, werksoorten: '', fte: {} };
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(DRAFT_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) {
      return empty;
    }
    const record = parsed as Record<string, unknown>;
    const fte: Record<string, string> = {};
    if (typeof record.fte === 'object' && record.fte !== null) {
      for (const [key, value] of Object.entries(record.fte as Record<string, unknown>)) {
        if (typeof value === 'string') {
          fte[key] = value;
        }
      }
    }
    return {
      whole: record.whole !== false,
      werksoorten: typeof record.werksoorten === 'string' ? record.werksoorten : '',
      fte,
    };
  } catch {
    return empty;
  }
}

export function saveScopeDraft(storage: Pick<Storage, 'setItem'> | null, draft: ScopeDraft): void {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // private mode or full storage: the values simply are not kept
  }
}
