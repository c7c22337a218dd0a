// Which organisation fits which role: the server's rule (src/core/services/user_service.cpp),
// so the forms only offer what the server will accept.
import type { Organisation, Role } from '../../api/client';

/** Member, CI administrator and auditor always belong to an organisation. */
export function needsOrganisation(role: Role): boolean {
  return role === 'member' || role === 'ci-admin' || role === 'auditor';
}

/** The organisations a user with `role` may belong to (none for the committee). */
export function allowedOrganisations(role: Role, organisations: Organisation[]): Organisation[] {
  return organisations.filter((organisation) => {
    switch (role) {
      case 'member':
        return organisation.kind === 'member';
      case 'ci-admin':
        return organisation.kind === 'ci';
      case 'auditor':
        return organisation.kind !== 'secretariat';
      case 'secretariat':
        return organisation.kind === 'secretariat';
      case 'committee':
        return false;
    }
    return false;
  });
}

/** The pre-selected organisation: the only one that fits, the secretariat's own, or none yet. */
export function defaultOrganisation(role: Role, organisations: Organisation[]): number | null {
  const options = allowedOrganisations(role, organisations);
  if (role === 'secretariat' || options.length === 1) {
    return options[0]?.id ?? null;
  }
  return null;
}
