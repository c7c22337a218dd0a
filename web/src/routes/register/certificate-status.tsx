// A certificate's live status: the word in a coloured tag and the sentence with its dates, reason or
// successor (statusWording), for the public page and the trajectory and organisation pages alike.
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { formatDate } from '../trajectories/trajectory-helpers';
import { statusTone, statusWording, type Certificate } from './register-helpers';

/** The status sentence with its dates written out ("… geldig tot en met donderdag 30 november 2028."). */
export function useStatusSentence(): (certificate: Certificate) => string {
  const { t, language } = useI18n();
  return (certificate) => {
    const wording = statusWording(certificate);
    const params = Object.fromEntries(
      Object.entries(wording.params).map(([name, value]) => [name, /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value]),
    );
    return t(wording.key, params);
  };
}

export function CertificateStatusBox({ certificate, headingLevel }: { certificate: Certificate; headingLevel: 2 | 3 }) {
  const { t } = useI18n();
  const sentence = useStatusSentence();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tone = statusTone(certificate.status);
  return (
    <section className={`card certificate-status-box certificate-status-box--${tone}`} aria-labelledby={`status-${certificate.number}`} data-testid="certificate-status">
      <Heading id={`status-${certificate.number}`} className="certificate-status-box__title">
        {t('certificate.statusTitle')}:{' '}
        <span className={`status-tag certificate-status certificate-status--${certificate.status}`}>{t(`register.status.${certificate.status}`)}</span>
      </Heading>
      <p className="certificate-status-box__sentence">{sentence(certificate)}</p>
      {certificate.status === 'superseded' && certificate.superseded_by && (
        <p>
          <Link to={`/register/${encodeURIComponent(certificate.superseded_by)}`}>{t('register.openReplacement', { number: certificate.superseded_by })}</Link>
        </p>
      )}
    </section>
  );
}
