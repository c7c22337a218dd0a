// When the trajectory page links to the Part A check, and which of the trajectory's steps that
// page records instead of the trajectory page's step forms.
import type { Role, Trajectory } from '../../api/client';

/** The secretariat's check events: recorded on /trajecten/:id/deel-a-controle beside the checklist. */
export const PART_A_CHECK_EVENTS: readonly string[] = ['part_a_found_incomplete', 'part_a_returned', 'receipt_confirmed', 'certificate_issued'];

/** The secretariat and the trajectory's CI see the check once Part A has been received. */
export function showsPartACheckLink(trajectory: Pick<Trajectory, 'events'>, role: Role): boolean {
  return (role === 'secretariat' || role === 'ci-admin') && (trajectory.events ?? []).some((e) => e.event === 'part_a_received');
}
