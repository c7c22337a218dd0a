// "/register/:number", the public page of one certificate and the QR code's target (issue 11): its
// live status in words and colour, its facts, the member's certificate history, and, when the
// address carries the QR payload (member, scope, from, through, expires, sig), the ed25519 check
// of that payload in the browser against the register's public key, compared with the live record.
// An unknown number is "Onbekend certificaatnummer" (404 on the server).
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { describeError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';
import { usePublicKey } from './public-key-box';
import { CertificateStatusBox, useStatusSentence } from './certificate-status';
import { parseVerification, verdictOf, type FactField, type RegisterCertificate, type Verdict } from './register-helpers';

type LoadState = { status: 'loading' } | { status: 'not-found' } | { status: 'error'; message: string } | { status: 'ready'; certificate: RegisterCertificate };

const FACT_ROWS: { field: FactField; label: 'certificate.member' | 'certificate.scope' | 'certificate.validFrom' | 'certificate.validThrough' | 'certificate.expires'; date: boolean }[] = [
  { field: 'member', label: 'certificate.member', date: false },
  { field: 'scope', label: 'certificate.scope', date: false },
  { field: 'valid_from', label: 'certificate.validFrom', date: true },
  { field: 'valid_through', label: 'certificate.validThrough', date: true },
  { field: 'expires', label: 'certificate.expires', date: true },
];

export function CertificatePage() {
  const { t, language } = useI18n();
  const number = useParams().number ?? '';
  const [search] = useSearchParams();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const publicKey = usePublicKey();
  usePageTitle(state.status === 'not-found' ? t('certificate.notFoundTitle') : t('certificate.title', { number }));

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/register/certificates/{number}', { params: { path: { number } } }))
      .then((certificate) => !cancelled && setState({ status: 'ready', certificate }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const described = describeError(error, { t, language });
        setState(described.kind === 'not-found' || described.kind === 'invalid' ? { status: 'not-found' } : { status: 'error', message: described.message });
      });
    return () => {
      cancelled = true;
    };
    // Loaded per number; t and language only shape an error message.
  }, [number]);

  const date = (iso: string) => formatDate(iso, language);
  const back = (
    <p className="trajectory__back register__noprint">
      <Link to="/register">{t('certificate.back')}</Link>
    </p>
  );

  if (state.status === 'not-found') {
    return (
      <div className="certificate-page">
        {back}
        <div className="page-heading">
          <p className="page-heading__eyebrow">{t('register.title')}</p>
          <h1 tabIndex={-1}>{t('certificate.notFoundTitle')}</h1>
        </div>
        <div className="card">
          <EmptyState icon="search" title={t('certificate.notFoundTitle')} actions={<Link to="/register">{t('certificate.back')}</Link>}>
            <p>{t('certificate.notFoundBody', { number })}</p>
          </EmptyState>
        </div>
      </div>
    );
  }

  const parsed = parseVerification(number, search);
  const certificate = state.status === 'ready' ? state.certificate : null;

  return (
    <div className="certificate-page">
      {back}
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('register.title')}</p>
        <h1 tabIndex={-1}>{t('certificate.title', { number })}</h1>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('certificate.loadError')}>{state.message}</Alert>}
      {certificate && (
        <>
          <CertificateStatusBox certificate={certificate} headingLevel={2} />

          {parsed.kind !== 'none' && (
            <VerificationBox
              verdict={publicKey.status === 'ready' ? verdictOf(parsed, publicKey.key, certificate) : null}
              keyFailed={publicKey.status === 'error'}
              printed={parsed.kind === 'signed' ? parsed.signed.facts : null}
              certificate={certificate}
            />
          )}

          <section className="card" aria-labelledby="gegevens-titel">
            <h2 id="gegevens-titel">{t('certificate.factsTitle')}</h2>
            <dl className="facts facts--grid">
              <div>
                <dt>{t('certificate.member')}</dt>
                <dd>{certificate.member}</dd>
              </div>
              <div>
                <dt>{t('certificate.town')}</dt>
                <dd>{certificate.town || '–'}</dd>
              </div>
              {certificate.kvk && (
                <div>
                  <dt>{t('certificate.kvk')}</dt>
                  <dd>{certificate.kvk}</dd>
                </div>
              )}
              <div>
                <dt>{t('certificate.scope')}</dt>
                <dd>{certificate.scope}</dd>
              </div>
              <div>
                <dt>{t('certificate.issued')}</dt>
                <dd>{date(certificate.issued)}</dd>
              </div>
              <div>
                <dt>{t('certificate.validFrom')}</dt>
                <dd>{date(certificate.valid_from)}</dd>
              </div>
              <div>
                <dt>{t('certificate.validThrough')}</dt>
                <dd>{date(certificate.valid_through)}</dd>
              </div>
              <div>
                <dt>{t('certificate.expires')}</dt>
                <dd>{date(certificate.expires)}</dd>
              </div>
              {certificate.supersedes && (
                <div>
                  <dt>{t('certificate.supersedes')}</dt>
                  <dd>
                    <Link to={`/register/${encodeURIComponent(certificate.supersedes)}`}>{certificate.supersedes}</Link>
                  </dd>
                </div>
              )}
            </dl>
          </section>

          {parsed.kind === 'none' && <p className="muted">{t('certificate.verifyNone')}</p>}

          {certificate.history.length > 0 && (
            <section className="card" aria-labelledby="historie-titel">
              <h2 id="historie-titel">{t('certificate.historyTitle', { member: certificate.member })}</h2>
              <p className="muted">{t('certificate.historyIntro')}</p>
              <CertificateHistory history={certificate.history} current={certificate.number} />
            </section>
          )}

          <p className="register__noprint">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('register.print')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** The member's certificates as a small timeline whose items read as sentences. */
export function CertificateHistory({ history, current }: { history: RegisterCertificate['history']; current: string }) {
  const { t, language } = useI18n();
  const sentence = useStatusSentence();
  const date = (iso: string) => formatDate(iso, language);
  return (
    <ol className="timeline certificate-history" data-testid="certificate-history">
      {history.map((h) => (
        <li key={h.number} className={`timeline__item certificate-history__item certificate-history__item--${h.status}`}>
          <span className="timeline__marker" aria-hidden="true" />
          <p className="timeline__what">
            {h.number === current ? (
              <strong>
                {h.number} {t('certificate.thisOne')}
              </strong>
            ) : (
              <Link to={`/register/${encodeURIComponent(h.number)}`}>{h.number}</Link>
            )}{' '}
            <span className={`status-tag certificate-status certificate-status--${h.status}`}>{t(`register.status.${h.status}`)}</span>
          </p>
          <p className="timeline__detail muted">
            {t('certificate.historyItem', { number: h.number, issued: date(h.issued), from: date(h.valid_from), through: date(h.valid_through) })}{' '}
            {sentence(h)}
          </p>
        </li>
      ))}
    </ol>
  );
}

function VerificationBox({
  verdict,
  keyFailed,
  printed,
  certificate,
}: {
  verdict: Verdict | null;
  keyFailed: boolean;
  printed: Record<FactField, string> | null;
  certificate: RegisterCertificate;
}) {
  const { t, language } = useI18n();
  const fieldName = (field: string) => t.optional(`certificate.field.${field}`) ?? field;
  let tone: 'ok' | 'bad' | 'warn' = 'warn';
  let message: string;
  if (keyFailed) {
    message = t('certificate.verifyNoKey');
  } else if (!verdict) {
    return <Loading />;
  } else if (verdict.kind === 'authentic') {
    tone = verdict.differing.length === 0 ? 'ok' : 'warn';
    message =
      verdict.differing.length === 0
        ? t('certificate.verifyAuthentic')
        : t('certificate.verifyAuthenticDiffers', { fields: verdict.differing.map(fieldName).join(', ') });
  } else if (verdict.kind === 'forged') {
    tone = 'bad';
    message = t('certificate.verifyForged');
  } else if (verdict.kind === 'incomplete') {
    message = t('certificate.verifyIncomplete', { fields: verdict.missing.map(fieldName).join(', ') });
  } else {
    return null;
  }
  const differing = verdict?.kind === 'authentic' ? verdict.differing : [];
  const show = (field: FactField, value: string) => (FACT_ROWS.find((r) => r.field === field)?.date && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value);
  return (
    <section className={`card verification verification--${tone}`} aria-labelledby="echtheid-titel" data-testid="verification">
      <h2 id="echtheid-titel">{t('certificate.verifyTitle')}</h2>
      <p className="verification__verdict" role="status">
        <span className="verification__icon" aria-hidden="true">
          {tone === 'ok' ? '✓' : tone === 'bad' ? '✗' : '!'}
        </span>{' '}
        {message}
      </p>
      {verdict?.kind === 'authentic' && <p>{t('certificate.verifyStatusNote')}</p>}
      {printed && (
        <div className="table-wrap">
          <table className="table table--stack verification__table" aria-labelledby="echtheid-titel">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('certificate.factsTitle')}</span>
                </th>
                <th scope="col">{t('certificate.printed')}</th>
                <th scope="col">{t('certificate.live')}</th>
              </tr>
            </thead>
            <tbody>
              {FACT_ROWS.map((row) => (
                <tr key={row.field} className={differing.includes(row.field) ? 'verification__row--differs' : undefined}>
                  <th scope="row">{t(row.label)}</th>
                  <td data-label={t('certificate.printed')}>
                    {show(row.field, printed[row.field])}
                    {differing.includes(row.field) && <strong className="overdue-tag"> {t('certificate.differs')}</strong>}
                  </td>
                  <td data-label={t('certificate.live')}>{show(row.field, certificate[row.field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('certificate.verifyHow')}</p>
    </section>
  );
}
