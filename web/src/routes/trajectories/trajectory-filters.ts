// The secretariat's filters on "Trajecten" (issue 10): CI, the party with an open action, the state,
// and "alleen te laat", kept in the page address (?ci=3&partij=ci&stand=plan&te-laat=1) and sent as
// the query of GET /api/v1/trajectories (ci, party, state, overdue). Unknown values are dropped.
import type { Party, Trajectory, TrajectoryAction, TrajectoryState } from '../../api/client';
import { TRAJECTORY_STATES } from './trajectory-helpers';

export interface TrajectoryFilters {
  ci: number | null;
  party: Party | null;
  state: TrajectoryState | null;
  overdue: boolean;
}

const PARTIES: readonly Party[] = ['member', 'ci', 'secretariat'];

export const NO_FILTERS: TrajectoryFilters = { ci: null, party: null, state: null, overdue: false };

export function filtersFromSearch(search: URLSearchParams): TrajectoryFilters {
  const ci = search.get('ci') ?? '';
  const party = search.get('partij') ?? '';
  const state = search.get('stand') ?? '';
  return {
    ci: /^[1-9]\d*$/.test(ci) ? Number(ci) : null,
    party: (PARTIES as readonly string[]).includes(party) ? (party as Party) : null,
    state: (TRAJECTORY_STATES as readonly string[]).includes(state) ? (state as TrajectoryState) : null,
    overdue: search.get('te-laat') === '1',
  };
}

export function filtersToSearch(filters: TrajectoryFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.ci !== null) search.set('ci', String(filters.ci));
  if (filters.party) search.set('partij', filters.party);
  if (filters.state) search.set('stand', filters.state);
  if (filters.overdue) search.set('te-laat', '1');
  return search;
}

/** The query of GET /api/v1/trajectories for these filters (only what is set). */
export function filtersToQuery(filters: TrajectoryFilters): { ci?: number; party?: Party; state?: string; overdue?: boolean } {
  return {
    ...(filters.ci !== null ? { ci: filters.ci } : {}),
    ...(filters.party ? { party: filters.party } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
}

/** The same list as a download: CSV or an Excel workbook, with the same filters. */
export function exportHref(filters: TrajectoryFilters, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams(Object.entries(filtersToQuery(filters)).map(([key, value]) => [key, String(value)])).toString();
  return `/api/v1/trajectories.${format}${query ? `?${query}` : ''}`;
}

export function hasFilters(filters: TrajectoryFilters): boolean {
  return filters.ci !== null || filters.party !== null || filters.state !== null || filters.overdue;
}

/** What is overdue in a trajectory, and for whom (the open actions past their due date). */
export function overdueActions(trajectory: Pick<Trajectory, 'actions'>): TrajectoryAction[] {
  return trajectory.actions.filter((action) => action.status === 'overdue');
}
