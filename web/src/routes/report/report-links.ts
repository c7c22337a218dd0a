// Which report pages a role is offered for a trajectory in a given state: nothing before the audit is
// planned; the CI (team auditors, administrators) from planning on; the member once the concept has
// been sent; the secretariat once the findings are final (the states after "definitief rapport in
// voorbereiding"). The server decides what each may really read.
import type { Role, TrajectoryState } from '../../api/client';
import type { MessageKey } from '../../i18n/nl';
import { TRAJECTORY_STATES } from '../trajectories/trajectory-helpers';

export interface ReportLink {
  path: string;
  label: MessageKey;
}

function atOrAfter(state: TrajectoryState, from: TrajectoryState): boolean {
  return state !== 'withdrawn' && state !== 'declined' && TRAJECTORY_STATES.indexOf(state) >= TRAJECTORY_STATES.indexOf(from);
}

export function reportLinks(trajectoryId: number, state: TrajectoryState, role: Role | null): ReportLink[] {
  const base = `/trajecten/${trajectoryId}`;
  const findings = { path: `${base}/bevindingen`, label: 'report.nav.findings' as const };
  const partA = { path: `${base}/deel-a`, label: 'report.nav.partA' as const };
  const report = { path: `${base}/rapport`, label: 'report.nav.report' as const };
  switch (role) {
    case 'auditor':
    case 'ci-admin':
      return atOrAfter(state, 'planned') ? [findings, partA, report] : [];
    case 'member':
      return atOrAfter(state, 'concept') ? [report, findings, partA] : [];
    case 'secretariat':
      return atOrAfter(state, 'plan') ? [report, partA] : [];
    default:
      return [];
  }
}
