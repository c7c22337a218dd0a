import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nl } from '../../i18n/nl';
import {
  canonicalPayload,
  csvHref,
  differingFacts,
  fromBase64Url,
  logoEndsOn,
  normaliseLine,
  parseVerification,
  partAStage,
  returnedRemarks,
  signatureValid,
  statusTone,
  statusWording,
  toBase64,
  toBase64Url,
  verdictOf,
  type Certificate,
  type PrintedFacts,
} from './register-helpers';

const FACTS: PrintedFacts = {
  number: 'SSW-2026-0004',
  member: 'Stichting  Wélzijn\nSamen',
  scope: 'Werksoorten: jongerenwerk, buurtbemiddeling',
  valid_from: '2026-03-15',
  valid_through: '2028-03-14',
  expires: '2028-03-15',
};

// A key pair made here by Node's own ed25519 (OpenSSL), not by the library under test: raw 32-byte
// public key as the server publishes it (base64), a signature as the QR code carries it (base64url).
function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })).slice(-32);
  return {
    publicKey: toBase64(raw),
    sign: (facts: PrintedFacts) => toBase64Url(new Uint8Array(nodeSign(null, Buffer.from(canonicalPayload(facts), 'utf8'), privateKey))),
  };
}

function verificationQuery(facts: PrintedFacts, sig: string): URLSearchParams {
  // As the server writes it: percent-encoded UTF-8 (%20 for a space).
  const enc = encodeURIComponent;
  return new URLSearchParams(
    `member=${enc(facts.member)}&scope=${enc(facts.scope)}&from=${facts.valid_from}&through=${facts.valid_through}&expires=${facts.expires}&sig=${sig}`,
  );
}

const LIVE = {
  member: 'Stichting Wélzijn Samen',
  scope: 'Werksoorten: jongerenwerk, buurtbemiddeling',
  valid_from: '2026-03-15',
  valid_through: '2028-03-14',
  expires: '2028-03-15',
};

describe('canonical payload', () => {
  it('is byte for byte the server signed_payload (tests/unit/certificate/certificate_test.cpp)', () => {
    expect(canonicalPayload(FACTS)).toBe(
      'sterklabel-certificaat-v1\nnummer: SSW-2026-0004\nlid: Stichting Wélzijn Samen\n' +
        'scope: Werksoorten: jongerenwerk, buurtbemiddeling\ngeldig vanaf: 2026-03-15\n' +
        'geldig tot en met: 2028-03-14\nverloopt: 2028-03-15\n',
    );
  });

  it('makes line breaks and runs of white space one space, none at the ends', () => {
    expect(normaliseLine('  a \t\r\n b  ')).toBe('a b');
    expect(normaliseLine('')).toBe('');
    expect(normaliseLine('\u00a0x')).toBe('\u00a0x'); // only ASCII white space, as the server
  });
});

describe('signature check', () => {
  it('accepts the facts as signed and refuses any altered field, another key or a broken signature', () => {
    const pair = keyPair();
    const sig = pair.sign(FACTS);
    const parsed = parseVerification(FACTS.number, verificationQuery(FACTS, sig));
    expect(parsed.kind).toBe('signed');
    if (parsed.kind !== 'signed') return;
    expect(parsed.signed.facts.member).toBe(FACTS.member);
    expect(signatureValid(pair.publicKey, parsed.signed)).toBe(true);

    for (const [field, value] of [
      ['number', 'SSW-2026-0005'],
      ['member', 'Stichting Nep'],
      ['scope', 'De hele organisatie'],
      ['valid_from', '2026-03-14'],
      ['valid_through', '2029-03-14'],
      ['expires', '2029-03-15'],
    ] as const) {
      const altered = { ...parsed.signed, facts: { ...parsed.signed.facts, [field]: value } };
      expect(signatureValid(pair.publicKey, altered), field).toBe(false);
    }
    expect(signatureValid(keyPair().publicKey, parsed.signed)).toBe(false);
    expect(signatureValid(pair.publicKey, { ...parsed.signed, signature: sig.slice(0, -2) })).toBe(false);
    expect(signatureValid(pair.publicKey, { ...parsed.signed, signature: 'niet*base64' })).toBe(false);
    expect(signatureValid('geen sleutel', parsed.signed)).toBe(false);
    // White space the server normalises away still verifies (the signature is over normalised lines).
    expect(signatureValid(pair.publicKey, { ...parsed.signed, facts: { ...parsed.signed.facts, member: ' Stichting Wélzijn Samen ' } })).toBe(true);
  });

  it('gives the verdict: authentic and matching, authentic but differing, forged, incomplete, none', () => {
    const pair = keyPair();
    const sig = pair.sign(FACTS);
    expect(verdictOf(parseVerification(FACTS.number, verificationQuery(FACTS, sig)), pair.publicKey, LIVE)).toEqual({ kind: 'authentic', differing: [] });
    expect(
      verdictOf(parseVerification(FACTS.number, verificationQuery(FACTS, sig)), pair.publicKey, { ...LIVE, scope: 'De hele organisatie' }),
    ).toEqual({ kind: 'authentic', differing: ['scope'] });
    const forged = verificationQuery(FACTS, sig);
    forged.set('through', '2099-12-31');
    expect(verdictOf(parseVerification(FACTS.number, forged), pair.publicKey, LIVE)).toEqual({ kind: 'forged' });
    expect(verdictOf(parseVerification(FACTS.number, new URLSearchParams('member=A&sig=x')), pair.publicKey, LIVE)).toEqual({
      kind: 'incomplete',
      missing: ['scope', 'from', 'through', 'expires'],
    });
    expect(verdictOf(parseVerification(FACTS.number, new URLSearchParams('')), pair.publicKey, LIVE)).toEqual({ kind: 'none' });
  });

  it('reads base64url without padding', () => {
    expect(fromBase64Url('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(fromBase64Url('a+b')).toBeNull();
  });

  it('compares printed facts with the live record as the server normalises them', () => {
    expect(differingFacts(FACTS, LIVE)).toEqual([]);
    expect(differingFacts({ ...FACTS, expires: '2028-03-16' }, LIVE)).toEqual(['expires']);
  });
});

describe('status in words', () => {
  const base: Certificate = {
    number: 'SSW-2026-0004',
    status: 'valid',
    status_dutch: 'geldig',
    status_since: '2026-03-15',
    suspended_through: null,
    member: 'Stichting Wélzijn Samen',
    town: 'Zwolle',
    kvk: '12345678',
    lidnummer: 'SWN-1002',
    scope: 'De hele organisatie',
    issued: '2026-03-15',
    valid_from: '2026-03-15',
    valid_through: '2028-03-14',
    expires: '2028-03-15',
    reason: '',
    supersedes: '',
    superseded_by: '',
  };

  it('names each status with its date, reason or successor, in keys the dictionary has', () => {
    const cases: [Partial<Certificate>, string, Record<string, string>, string][] = [
      [{}, 'register.status.valid.sentence', { through: '2028-03-14' }, 'ok'],
      [{ status: 'suspended', status_since: '2028-03-15' }, 'register.status.suspended.sentence', { since: '2028-03-15' }, 'warn'],
      [
        { status: 'suspended', status_since: '2028-03-15', suspended_through: '2028-09-14' },
        'register.status.suspended.sentenceUntil',
        { since: '2028-03-15', until: '2028-09-14' },
        'warn',
      ],
      [{ status: 'lapsed', status_since: '2028-09-15' }, 'register.status.lapsed.sentence', { since: '2028-09-15' }, 'bad'],
      [
        { status: 'withdrawn', status_since: '2027-01-02', reason: 'Fraude met het rapport' },
        'register.status.withdrawn.sentenceReason',
        { since: '2027-01-02', reason: 'Fraude met het rapport' },
        'bad',
      ],
      [{ status: 'withdrawn', status_since: '2027-01-02' }, 'register.status.withdrawn.sentence', { since: '2027-01-02' }, 'bad'],
      [
        { status: 'superseded', status_since: '2026-04-01', superseded_by: 'SSW-2026-0009' },
        'register.status.superseded.sentenceBy',
        { since: '2026-04-01', by: 'SSW-2026-0009' },
        'neutral',
      ],
    ];
    for (const [change, key, params, tone] of cases) {
      const c = { ...base, ...change };
      const wording = statusWording(c);
      expect(wording).toEqual({ key, params });
      expect(nl[wording.key]).toBeTruthy();
      for (const name of Object.keys(params)) {
        expect(nl[wording.key]).toContain(`{${name}}`);
      }
      expect(statusTone(c.status)).toBe(tone);
    }
  });

  it('says from when the logo may no longer be used', () => {
    expect(logoEndsOn(base)).toBeNull();
    expect(logoEndsOn({ status: 'suspended', status_since: '2028-03-15' })).toBe('2028-03-15');
    expect(logoEndsOn({ status: 'lapsed', status_since: '2028-09-15' })).toBe('2028-09-15');
    expect(logoEndsOn({ status: 'withdrawn', status_since: '2027-01-02' })).toBe('2027-01-02');
    expect(logoEndsOn({ status: 'superseded', status_since: '2026-04-01' })).toBeNull();
  });
});

describe('Part A check stage and the register links', () => {
  it('follows the check events, the last one wins', () => {
    const e = (...names: string[]) => names.map((event) => ({ event }));
    expect(partAStage(e('positive_advice'))).toBe('not-received');
    expect(partAStage(e('part_a_received'))).toBe('to-check');
    expect(partAStage(e('part_a_received', 'part_a_found_incomplete'))).toBe('found-incomplete');
    expect(partAStage(e('part_a_received', 'part_a_found_incomplete', 'part_a_returned'))).toBe('returned');
    expect(partAStage(e('part_a_received', 'part_a_found_incomplete', 'part_a_returned', 'part_a_resubmitted'))).toBe('to-check');
    expect(partAStage(e('part_a_received', 'receipt_confirmed'))).toBe('confirmed');
    expect(partAStage(e('part_a_received', 'receipt_confirmed', 'certificate_issued'))).toBe('issued');
  });

  it('shows the last remarks only while Part A is with the CI', () => {
    const returned = [
      { event: 'part_a_received' },
      { event: 'part_a_found_incomplete', reason: 'Eerste keer' },
      { event: 'part_a_returned' },
      { event: 'part_a_resubmitted' },
      { event: 'part_a_found_incomplete', reason: 'Plannen: geen datum' },
      { event: 'part_a_returned' },
    ];
    expect(returnedRemarks(returned)).toBe('Plannen: geen datum');
    expect(returnedRemarks([...returned, { event: 'part_a_resubmitted' }])).toBeNull();
  });

  it('links the CSV of the same search', () => {
    expect(csvHref('', '')).toBe('/api/v1/register.csv');
    expect(csvHref(' wijk kracht ', 'Den Haag')).toBe('/api/v1/register.csv?q=wijk+kracht&town=Den+Haag');
    expect(csvHref('wijk', '', 'xlsx')).toBe('/api/v1/register.xlsx?q=wijk');
  });
});
