// Pure helpers of the public Kwaliteitsregister and the certificate's verification page (issue 11):
// the status in words, the canonical text the QR code's signature covers (the server's
// signed_payload, src/core/certificate/certificate.cpp), reading that payload from a verification
// URL, the ed25519 check against the register's public key, and comparing the printed facts with
// the live record. Nothing here fetches: the pages pass in what the server answered.
import { hashes, verify } from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import type { components } from '../../api/generated/schema';
import type { MessageKey } from '../../i18n/nl';

hashes.sha512 = sha512;

export type Certificate = components['schemas']['Certificate'];
export type RegisterCertificate = components['schemas']['RegisterCertificate'];
export type RegisterEntry = components['schemas']['RegisterEntry'];
export type CertificateStatus = Certificate['status'];
export type PartACheck = components['schemas']['PartACheck'];

/** How a status is drawn: green for valid, amber while suspended, red when it no longer counts. */
export type StatusTone = 'ok' | 'warn' | 'bad' | 'neutral';

export function statusTone(status: CertificateStatus): StatusTone {
  switch (status) {
    case 'valid':
      return 'ok';
    case 'suspended':
      return 'warn';
    case 'lapsed':
    case 'withdrawn':
      return 'bad';
    default:
      return 'neutral';
  }
}

/** The status sentence's dictionary key and its parameters (dates as ISO; the page formats them). */
export interface StatusWording {
  key: MessageKey;
  params: Record<string, string>;
}

/**
 * The live status in words: "Geldig tot en met {through}", "Geschorst sinds {since} (uiterlijk tot
 * en met {until})", "Vervallen sinds {since}", "Ingetrokken op {since}: {reason}", "Vervangen door
 * {by} op {since}".
 */
export function statusWording(c: Pick<Certificate, 'status' | 'status_since' | 'suspended_through' | 'reason' | 'superseded_by' | 'valid_through'>): StatusWording {
  switch (c.status) {
    case 'valid':
      return { key: 'register.status.valid.sentence', params: { through: c.valid_through } };
    case 'suspended':
      return c.suspended_through
        ? { key: 'register.status.suspended.sentenceUntil', params: { since: c.status_since, until: c.suspended_through } }
        : { key: 'register.status.suspended.sentence', params: { since: c.status_since } };
    case 'lapsed':
      return { key: 'register.status.lapsed.sentence', params: { since: c.status_since } };
    case 'withdrawn':
      return c.reason
        ? { key: 'register.status.withdrawn.sentenceReason', params: { since: c.status_since, reason: c.reason } }
        : { key: 'register.status.withdrawn.sentence', params: { since: c.status_since } };
    case 'superseded':
      return c.superseded_by
        ? { key: 'register.status.superseded.sentenceBy', params: { since: c.status_since, by: c.superseded_by } }
        : { key: 'register.status.superseded.sentence', params: { since: c.status_since } };
  }
}

/**
 * The date from which the label's logo may no longer be used on the strength of this certificate, or
 * null while it may: suspended, lapsed or withdrawn. A superseded one has a follow-on (a reissue or
 * the renewal), which says for itself.
 */
export function logoEndsOn(c: Pick<Certificate, 'status' | 'status_since'>): string | null {
  return c.status === 'suspended' || c.status === 'lapsed' || c.status === 'withdrawn' ? c.status_since : null;
}

/** The facts a QR code carries beside its signature (the server's VerificationData). */
export interface PrintedFacts {
  number: string;
  member: string;
  scope: string;
  valid_from: string;
  valid_through: string;
  expires: string;
}

export interface SignedFacts {
  facts: PrintedFacts;
  signature: string;
}

const QUERY_FIELDS = ['member', 'scope', 'from', 'through', 'expires', 'sig'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/**
 * The server's normalise_line: line breaks and runs of white space one space, none at either end
 * (only the ASCII white space C's isspace knows, as the server does).
 */
export function normaliseLine(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f') {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += ch;
  }
  return out;
}

/** The canonical text the signature covers: a version line, then one line per fact. */
export function canonicalPayload(f: PrintedFacts): string {
  return (
    'sterklabel-certificaat-v1\n' +
    `nummer: ${normaliseLine(f.number)}\n` +
    `lid: ${normaliseLine(f.member)}\n` +
    `scope: ${normaliseLine(f.scope)}\n` +
    `geldig vanaf: ${f.valid_from}\n` +
    `geldig tot en met: ${f.valid_through}\n` +
    `verloopt: ${f.expires}\n`
  );
}

export type ParsedVerification =
  | { kind: 'none' }
  | { kind: 'incomplete'; missing: QueryField[] }
  | { kind: 'signed'; signed: SignedFacts };

/**
 * The QR payload of a verification URL: the number from the path, the rest from the query. `none`
 * when the URL carries none of it (someone typed the number), `incomplete` when part is missing.
 */
export function parseVerification(number: string, search: URLSearchParams): ParsedVerification {
  const present = QUERY_FIELDS.filter((field) => search.has(field));
  if (present.length === 0) {
    return { kind: 'none' };
  }
  const missing = QUERY_FIELDS.filter((field) => !search.has(field));
  if (missing.length > 0) {
    return { kind: 'incomplete', missing };
  }
  const get = (field: QueryField) => search.get(field) ?? '';
  return {
    kind: 'signed',
    signed: {
      facts: {
        number,
        member: get('member'),
        scope: get('scope'),
        valid_from: get('from'),
        valid_through: get('through'),
        expires: get('expires'),
      },
      signature: get('sig'),
    },
  };
}

function bytesOfBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    return null;
  }
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Standard base64 (the public key) to bytes; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  return bytesOfBase64(text.trim());
}

/** base64url without padding (the signature) to bytes; null when it is not. */
export function fromBase64Url(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9_-]*$/.test(trimmed)) {
    return null;
  }
  const standard = trimmed.replace(/-/g, '+').replace(/_/g, '/');
  return bytesOfBase64(standard + '='.repeat((4 - (standard.length % 4)) % 4));
}

/** Bytes to standard base64 (for tests and for showing a key). */
export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** Bytes to base64url without padding, as the server writes a signature. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The ed25519 check of the printed facts' signature against the register's public key (base64 of
 * the 32 raw bytes). False for a key or signature that is not well formed, never an exception.
 */
export function signatureValid(publicKey: string, signed: SignedFacts): boolean {
  const key = fromBase64(publicKey);
  const signature = fromBase64Url(signed.signature);
  if (!key || key.length !== 32 || !signature || signature.length !== 64) {
    return false;
  }
  try {
    return verify(signature, new TextEncoder().encode(canonicalPayload(signed.facts)), key);
  } catch {
    return false;
  }
}

export type FactField = Exclude<keyof PrintedFacts, 'number'>;
const FACT_FIELDS: readonly FactField[] = ['member', 'scope', 'valid_from', 'valid_through', 'expires'];

/** The printed facts that differ from the live record (white space as the server normalises it). */
export function differingFacts(printed: PrintedFacts, live: Pick<Certificate, FactField>): FactField[] {
  return FACT_FIELDS.filter((field) => normaliseLine(printed[field]) !== normaliseLine(live[field]));
}

/** What the verification page says of a printed certificate. */
export type Verdict =
  | { kind: 'none' }
  | { kind: 'incomplete'; missing: QueryField[] }
  | { kind: 'forged' }
  | { kind: 'authentic'; differing: FactField[] };

/** The verdict on the URL's payload: forged unless the signature holds, then compared with the live record. */
export function verdictOf(parsed: ParsedVerification, publicKey: string, live: Pick<Certificate, FactField>): Verdict {
  if (parsed.kind !== 'signed') {
    return parsed;
  }
  if (!signatureValid(publicKey, parsed.signed)) {
    return { kind: 'forged' };
  }
  return { kind: 'authentic', differing: differingFacts(parsed.signed.facts, live) };
}

/** A certificate number as the register writes it: SSW-YYYY-NNNN (four or more digits). */
export function looksLikeNumber(text: string): boolean {
  return /^SSW-\d{4}-\d{4,}$/.test(text);
}

/** The register's query string for the API and the page's own URL: empty values left out. */
export function registerQuery(q: string, town: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.trim()) {
    out.q = q.trim();
  }
  if (town.trim()) {
    out.town = town.trim();
  }
  return out;
}

/** The CSV's (or the Excel workbook's) address for the same search (open data). */
export function csvHref(q: string, town: string, format: 'csv' | 'xlsx' = 'csv'): string {
  const query = new URLSearchParams(registerQuery(q, town)).toString();
  return `/api/v1/register.${format}${query ? `?${query}` : ''}`;
}

/** Whether the Part A check page's actions may be offered: after part_a_received, until the certificate. */
export type PartAStage = 'not-received' | 'to-check' | 'found-incomplete' | 'returned' | 'confirmed' | 'issued';

/** Where the Part A check stands, from the trajectory's events (the last of the check's events wins). */
export function partAStage(events: readonly { event: string }[]): PartAStage {
  let stage: PartAStage = 'not-received';
  for (const { event } of events) {
    switch (event) {
      case 'part_a_received':
      case 'part_a_resubmitted':
        stage = 'to-check';
        break;
      case 'part_a_found_incomplete':
        // Found incomplete, not yet sent back: still the secretariat's (part_a_returned follows).
        stage = 'found-incomplete';
        break;
      case 'part_a_returned':
        stage = 'returned';
        break;
      case 'receipt_confirmed':
        stage = 'confirmed';
        break;
      case 'certificate_issued':
        stage = 'issued';
        break;
    }
  }
  return stage;
}

/** The remarks of the last return to the CI (part_a_found_incomplete's reason), if Part A is with the CI. */
export function returnedRemarks(events: readonly ({ event: string } & Record<string, unknown>)[]): string | null {
  if (partAStage(events) !== 'returned') {
    return null;
  }
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].event === 'part_a_found_incomplete') {
      const reason = events[i].reason;
      return typeof reason === 'string' ? reason : '';
    }
  }
  return '';
}
