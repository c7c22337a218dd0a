// The audit team for `audit_planned`: the auditors the CI could put on this trajectory's team on
// the chosen days (GET /api/v1/trajectories/{id}/team-candidates), each with a role in the team.
// Only eligible auditors can be chosen; the others are shown disabled with the server's reasons
// (no B9 declaration before day 1, a tie with the member, another CI, inactive).
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type AuditorRole, type TeamCandidate } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';

/** The roles an auditor can take in a team, by its role in the registry. */
export function teamRolesFor(role: AuditorRole): AuditorRole[] {
  if (role === 'team_leader') {
    return ['team_leader', 'assessor'];
  }
  return [role];
}

export type TeamChoice = Record<number, AuditorRole | ''>;

export function TeamPicker({
  trajectoryId,
  firstDay,
  lastDay,
  value,
  onChange,
  error,
  focusRef,
}: {
  trajectoryId: number;
  firstDay: string;
  lastDay: string;
  value: TeamChoice;
  onChange: (next: TeamChoice) => void;
  error?: string;
  focusRef?: (element: HTMLElement | null) => void;
}) {
  const { t, language } = useI18n();
  const [candidates, setCandidates] = useState<TeamCandidate[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const daysChosen = firstDay !== '' && lastDay !== '' && lastDay >= firstDay;

  useEffect(() => {
    if (!daysChosen) {
      setCandidates(null);
      return;
    }
    let cancelled = false;
    setLoadError(null);
    unwrap(
      api.GET('/api/v1/trajectories/{id}/team-candidates', {
        params: { path: { id: trajectoryId }, query: { first_day: firstDay, last_day: lastDay } },
      }),
    )
      .then(({ candidates: found }) => {
        if (!cancelled) {
          setCandidates(found);
        }
      })
      .catch((failure: unknown) => {
        const uiError = handleError(failure, { t, language });
        if (!cancelled && uiError) {
          setLoadError(uiError.message);
        }
      });
    return () => {
      cancelled = true;
    };
    // Asked again when the days change; t and language only shape an error message.
  }, [trajectoryId, firstDay, lastDay, daysChosen]);

  const hintId = 'stap-audit_planned-team-hint';
  const errorId = 'stap-audit_planned-team-error';
  return (
    <fieldset
      className={`fieldset team-picker${error ? ' field--invalid' : ''}`}
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
      ref={focusRef}
      tabIndex={-1}
    >
      <legend>{t('step.team')}</legend>
      <p className="field__hint" id={hintId}>
        {t('step.teamHint')}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {!daysChosen && <p className="muted">{t('step.teamNeedsDays')}</p>}
      {daysChosen && loadError && <p className="field__error">{`${t('step.teamLoadError')} ${loadError}`}</p>}
      {daysChosen && candidates && candidates.length === 0 && <p className="muted">{t('step.teamEmpty')}</p>}
      {daysChosen && candidates && candidates.length > 0 && (
        <ul className="team-picker__list">
          {candidates.map((candidate) => {
            const id = `team-${candidate.id}`;
            const reasonsId = `${id}-reasons`;
            return (
              <li key={candidate.id} className={candidate.eligible ? 'team-picker__item' : 'team-picker__item team-picker__item--off'}>
                <label className="field__label" htmlFor={id}>
                  {candidate.name}
                  <span className="muted">
                    {' '}
                    · {t(`auditors.role.${candidate.role}`)} · {candidate.organisation_name}
                  </span>
                </label>
                {!candidate.eligible && (
                  <ul className="team-picker__reasons" id={reasonsId}>
                    {candidate.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
                <select
                  id={id}
                  className="field__input"
                  value={candidate.eligible ? (value[candidate.id] ?? '') : ''}
                  disabled={!candidate.eligible}
                  aria-describedby={candidate.eligible ? undefined : reasonsId}
                  onChange={(event) => onChange({ ...value, [candidate.id]: event.target.value as AuditorRole | '' })}
                >
                  <option value="">{t('step.teamNone')}</option>
                  {teamRolesFor(candidate.role).map((role) => (
                    <option key={role} value={role}>
                      {t(`auditors.role.${role}`)}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
