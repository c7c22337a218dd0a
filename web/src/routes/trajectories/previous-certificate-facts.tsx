// The earlier certificate in the trajectory's facts: what the member named in its request and
// what the secretariat checked at registration and passed on to the CI (handbook §2.3). The
// checked expiry is the one the trajectory's dates count from.
import type { Trajectory } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatDate } from './trajectory-helpers';

export function PreviousCertificateFacts({ trajectory }: { trajectory: Trajectory }) {
  const { t, language } = useI18n();
  const stated = trajectory.previous_certificate;
  const check = trajectory.previous_check;
  if (!stated && !check) {
    return null;
  }
  return (
    <>
      {stated && (
        <div>
          <dt>{t('trajectory.previous')}</dt>
          <dd data-testid="previous-stated">
            {t('trajectory.previousStated', { number: stated.number, date: formatDate(stated.expires, language) })}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('trajectory.previousCheck')}</dt>
        <dd data-testid="previous-check">
          {check ? (
            <>
              {t('trajectory.previousChecked', {
                number: check.number,
                date: formatDate(check.expires, language),
                on: formatDate(check.checked_on, language),
              })}
              {check.differs_from_request && <strong className="previous-check__differs"> {t('trajectory.previousDiffers')}</strong>}
            </>
          ) : (
            <span className="muted">{t('trajectory.previousUnchecked')}</span>
          )}
        </dd>
      </div>
    </>
  );
}
