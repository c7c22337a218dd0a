// On a trajectory page: what the member asked for, as frozen at the request (the scope, its FTE
// total as the server computed it) and kept in the log (the preferred period of audit_requested).
import type { Trajectory } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatNumber, preferredPeriod } from '../registry/registry-helpers';
import { formatDate } from '../trajectories/trajectory-helpers';

export function RequestFacts({ trajectory }: { trajectory: Trajectory }) {
  const { t, language } = useI18n();
  const period = preferredPeriod(trajectory.events);
  const scope = trajectory.scope;
  return (
    <>
      {scope && scope.whole !== null && (
        <div>
          <dt>{t('trajectory.scope')}</dt>
          <dd>
            {scope.whole ? t('trajectory.scopeWhole') : scope.werksoorten.join(', ')}
            {scope.total != null && (
              <span className="facts__extra">{t('scope.fteValue', { fte: formatNumber(scope.total, language) })}</span>
            )}
          </dd>
        </div>
      )}
      {period && (
        <div>
          <dt>{t('trajectory.preferredPeriod')}</dt>
          <dd data-testid="preferred-period">
            {period.until
              ? t('trajectory.preferredPeriodRange', {
                  from: formatDate(period.from, language),
                  until: formatDate(period.until, language),
                })
              : t('trajectory.preferredPeriodFrom', { from: formatDate(period.from, language) })}
          </dd>
        </div>
      )}
    </>
  );
}
