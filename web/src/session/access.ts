// Which role may open which page. The server refuses the data as well; this keeps the menu honest.
import type { Role } from '../api/client';

export const ALL_ROLES: readonly Role[] = ['member', 'ci-admin', 'auditor', 'secretariat', 'committee'];

export const PAGE_ROLES = {
  home: ALL_ROLES,
  users: ['secretariat'],
  auditLog: ['secretariat'],
  trajectories: ['member', 'ci-admin', 'auditor', 'secretariat'],
  selfEvaluation: ['member'],
  peerPools: ['member', 'ci-admin', 'secretariat'],
  auditors: ['member', 'ci-admin', 'secretariat'],
  members: ['secretariat'],
  cis: ['secretariat'],
  organisation: ['member', 'ci-admin'],
  scope: ['member'],
  request: ['member'],
  ciFeedback: ['ci-admin', 'auditor'],
  findings: ['auditor', 'ci-admin', 'member'],
  reportPages: ['auditor', 'ci-admin', 'member', 'secretariat'],
  plan: ['auditor', 'ci-admin', 'member', 'secretariat'],
  outbox: ['secretariat'],
  partACheck: ['secretariat', 'ci-admin'],
  registerImport: ['secretariat'],
  trends: ['committee', 'secretariat'],
  calibration: ['member'],
} as const satisfies Record<string, readonly Role[]>;

export type GuardedPage = keyof typeof PAGE_ROLES;

export function mayOpen(role: Role, page: GuardedPage): boolean {
  return (PAGE_ROLES[page] as readonly Role[]).includes(role);
}

/** A return path after login: only local paths, never another site ("//host" or "/\host"). */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
