// The demo accounts from docs/platform-contract.md ("Demo data"); the server seeds them with --demo.
export const DEMO_PASSWORD = 'e2e-Sterk-Demo-2019!';

export type DemoRole = 'member' | 'ci-admin' | 'auditor' | 'secretariat' | 'committee';

export interface DemoUser {
  email: string;
  role: DemoRole;
  /** How the app names the role in Dutch. */
  roleLabel: string;
  /** The organisation name shown on the home page, or null for none. */
  organisation: string | null;
}

export const DEMO_USERS: Record<DemoRole, DemoUser> = {
  member: {
    email: 'kwaliteit@wijkkracht.example',
    role: 'member',
    roleLabel: 'Kwaliteitsfunctionaris (lid)',
    organisation: 'WijkKracht',
  },
  'ci-admin': {
    email: 'beheer@ci-toets.example',
    role: 'ci-admin',
    roleLabel: 'Beheerder certificerende instelling',
    organisation: 'CI Toetsbureau',
  },
  auditor: {
    email: 'teamleider@ci-toets.example',
    role: 'auditor',
    roleLabel: 'Auditor',
    organisation: 'CI Toetsbureau',
  },
  secretariat: {
    email: 'secretariaat@sociaalwerk.example',
    role: 'secretariat',
    roleLabel: 'Secretariaat',
    organisation: 'Sociaal Werk Nederland',
  },
  committee: {
    email: 'commissie@sociaalwerk.example',
    role: 'committee',
    roleLabel: 'Beheercommissie',
    organisation: null,
  },
};
