import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../api/client';
import { allowedOrganisations, defaultOrganisation, needsOrganisation } from './role-organisations';

function org(id: number, kind: Organisation['kind']): Organisation {
  return { id, kind, name: `org ${id}`, lidnummer: '', city: '', email: '', website: '' };
}

const organisations = [org(1, 'member'), org(2, 'member'), org(3, 'ci'), org(4, 'secretariat')];

describe('role and organisation', () => {
  it('offers only organisations that fit the role', () => {
    const ids = (role: Parameters<typeof allowedOrganisations>[0]) => allowedOrganisations(role, organisations).map((o) => o.id);
    expect(ids('member')).toEqual([1, 2]);
    expect(ids('ci-admin')).toEqual([3]);
    expect(ids('auditor')).toEqual([1, 2, 3]);
    expect(ids('secretariat')).toEqual([4]);
    expect(ids('committee')).toEqual([]);
  });

  it('knows which roles need one and picks the obvious default', () => {
    expect(needsOrganisation('member')).toBe(true);
    expect(needsOrganisation('committee')).toBe(false);
    expect(needsOrganisation('secretariat')).toBe(false);
    expect(defaultOrganisation('ci-admin', organisations)).toBe(3);
    expect(defaultOrganisation('secretariat', organisations)).toBe(4);
    expect(defaultOrganisation('member', organisations)).toBeNull();
    expect(defaultOrganisation('committee', organisations)).toBeNull();
  });
});
