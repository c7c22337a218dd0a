// English texts of the additional audit's addendum; the same keys as addendum.nl.ts.
import type { nlAddendum } from './addendum.nl';

export const enAddendum: Record<keyof typeof nlAddendum, string> = {
  'addendum.title': 'Additional audit',
  'addendum.intro':
    'With the improvement plans in hand the CI assesses the progress made: for each standard that was not or partly met a new verdict with findings, and a short report as an additional passage in Part A. Everything is saved automatically, also on this device without a connection.',
  'addendum.progressTitle': 'Progress',
  'addendum.plannedFor': 'Planned on {date}.',
  'addendum.heldOn': 'Held on {date}: the addendum is fixed and part of the final report.',
  'addendum.missing': 'Still needed before closing: {items}.',
  'addendum.complete': 'Every standard has been reassessed and the passage is written.',
  'addendum.passageMissing': 'the additional passage',
  'addendum.overallCaption': 'Verdicts after the additional audit per section (standard numbers)',
  'addendum.normsTitle': 'Standards to reassess',
  'addendum.before': 'Verdict in the final report: {verdict}',
  'addendum.passageTitle': 'Additional passage for Part A',
  'addendum.passageLabel': 'Short report of the additional audit',
  'addendum.passageConflict': 'Someone else saved the additional passage in the meantime',
  'addendum.hold': 'Close the additional audit',
  'addendum.holdHint':
    'Records today that the additional audit was held. The outcome follows from the new verdicts; after that the addendum no longer changes.',
  'addendum.toReport': 'View the report with the addendum',
};
