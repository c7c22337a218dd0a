// The certificate once issued, on the trajectory page and the member's organisation page (issue 11):
// number, dates and live status (from the public verification endpoint), the PDF; for the
// secretariat "Corrigeren (heruitgeven)" and "Intrekken", each with a required reason and asked once
// more before it is done; for the member the rules for using the label's logo (handbook, Stap 6 and
// §17) and, once the certificate is suspended or no longer valid, from which date the logo may no
// longer be used.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { ConfirmBox } from '../../components/common/confirm-box';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { describeError, handleError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';
import { CertificateHistory } from './certificate-page';
import { CertificateStatusBox } from './certificate-status';
import { logoEndsOn, type RegisterCertificate } from './register-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; certificate: RegisterCertificate };

export function CertificateCard({ number, showHistory = false }: { number: string; showHistory?: boolean }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  const [shown, setShown] = useState(number);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [done, setDone] = useState<{ text: string; key: number } | null>(null);
  const [panel, setPanel] = useState<'none' | 'reissue' | 'withdraw'>('none');

  useEffect(() => setShown(number), [number]);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/register/certificates/{number}', { params: { path: { number: shown } } }))
      .then((certificate) => !cancelled && setState({ status: 'ready', certificate }))
      .catch((error: unknown) => !cancelled && setState({ status: 'error', message: describeError(error, { t, language }).message }));
    return () => {
      cancelled = true;
    };
    // Loaded per number; t and language only shape an error message.
  }, [shown]);

  const date = (iso: string) => formatDate(iso, language);
  return (
    <section className="card certificate-card" aria-labelledby="certificaat-titel" data-testid="certificate-card">
      <h2 id="certificaat-titel">
        {t('certificate.cardTitle')} {shown}
      </h2>
      {done && <Alert key={done.key} tone="success" title={done.text} focus />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('certificate.loadError')}>{state.message}</Alert>}
      {state.status === 'ready' && (
        <>
          <CertificateStatusBox certificate={state.certificate} headingLevel={3} />
          <dl className="facts facts--grid">
            <div>
              <dt>{t('certificate.scope')}</dt>
              <dd>{state.certificate.scope}</dd>
            </div>
            <div>
              <dt>{t('certificate.issued')}</dt>
              <dd>{date(state.certificate.issued)}</dd>
            </div>
            <div>
              <dt>{t('certificate.validFrom')}</dt>
              <dd>{date(state.certificate.valid_from)}</dd>
            </div>
            <div>
              <dt>{t('certificate.validThrough')}</dt>
              <dd>{date(state.certificate.valid_through)}</dd>
            </div>
            <div>
              <dt>{t('certificate.expires')}</dt>
              <dd>{date(state.certificate.expires)}</dd>
            </div>
          </dl>
          <ul className="link-list link-list--inline">
            {role !== 'auditor' && (
              <li>
                <a href={`/api/v1/certificates/${encodeURIComponent(shown)}.pdf`} download>
                  {t('certificate.pdf')}
                </a>
              </li>
            )}
            <li>
              <Link to={`/register/${encodeURIComponent(shown)}`}>{t('certificate.openPublic')}</Link>
            </li>
          </ul>

          {role === 'member' && <LogoRules certificate={state.certificate} />}

          {role === 'secretariat' && (state.certificate.status === 'valid' || state.certificate.status === 'suspended') && (
            <div className="certificate-card__actions">
              {panel === 'none' && (
                <div className="form__actions">
                  <button type="button" className="button button--secondary" onClick={() => setPanel('reissue')}>
                    {t('certificate.reissue')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setPanel('withdraw')}>
                    {t('certificate.withdraw')}
                  </button>
                </div>
              )}
              {panel === 'reissue' && (
                <ReissueForm
                  certificate={state.certificate}
                  onCancel={() => setPanel('none')}
                  onDone={(next) => {
                    setPanel('none');
                    setDone({ text: t('certificate.reissued', { number: next }), key: Date.now() });
                    setShown(next);
                  }}
                />
              )}
              {panel === 'withdraw' && (
                <WithdrawForm
                  certificate={state.certificate}
                  onCancel={() => setPanel('none')}
                  onDone={(certificate) => {
                    setPanel('none');
                    setDone({ text: t('certificate.withdrawn', { number: certificate.number }), key: Date.now() });
                    setState({ status: 'ready', certificate: { ...state.certificate, ...certificate } });
                  }}
                />
              )}
            </div>
          )}

          {showHistory && state.certificate.history.length > 1 && (
            <>
              <h3>{t('certificate.historyTitle', { member: state.certificate.member })}</h3>
              <CertificateHistory history={state.certificate.history} current={state.certificate.number} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function LogoRules({ certificate }: { certificate: RegisterCertificate }) {
  const { t, language } = useI18n();
  const endsOn = logoEndsOn(certificate);
  // The server draws the logo with the year of certification: the first day of validity.
  const year = certificate.valid_from.slice(0, 4);
  const logoBase = `/api/v1/certificates/${encodeURIComponent(certificate.number)}/logo`;
  return (
    <div className="certificate-card__logo">
      <h3>{t('certificate.logoTitle')}</h3>
      {endsOn && (
        <Alert tone="error" title={
          certificate.status === 'suspended'
            ? t('certificate.logoStopSuspended', { date: formatDate(endsOn, language) })
            : t('certificate.logoStop', { status: t(`register.status.${certificate.status}`), date: formatDate(endsOn, language) })
        } />
      )}
      <ul>
        <li>{t('certificate.logoRule1')}</li>
        <li>{t('certificate.logoRule2')}</li>
        <li>{t('certificate.logoRule3')}</li>
      </ul>
      {certificate.status === 'valid' && (
        <>
          <p className="muted">{t('certificate.logoFiles', { year })}</p>
          <ul className="link-list link-list--inline">
            <li>
              <a href={`${logoBase}.svg`} download>
                {t('certificate.logoSvg', { year })}
              </a>
            </li>
            <li>
              <a href={`${logoBase}.png`} download>
                {t('certificate.logoPng', { year })}
              </a>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}

type ReissueValues = { reason: string; member_name: string; scope: string; valid_from: string; valid_through: string; expires: string };
const REISSUE_FIELDS = ['reason', 'member_name', 'scope', 'valid_from', 'valid_through', 'expires'] as const;

function ReissueForm({ certificate, onCancel, onDone }: { certificate: RegisterCertificate; onCancel: () => void; onDone: (number: string) => void }) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<ReissueValues>({
    reason: '',
    member_name: certificate.member,
    scope: certificate.scope,
    valid_from: certificate.valid_from,
    valid_through: certificate.valid_through,
    expires: certificate.expires,
  });
  const [errors, setErrors] = useState<Partial<Record<keyof ReissueValues | 'form', string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<keyof ReissueValues, HTMLInputElement | null>>>({});
  const labels: Record<keyof ReissueValues, string> = {
    reason: t('certificate.reissueReason'),
    member_name: t('certificate.reissueMemberName'),
    scope: t('certificate.scope'),
    valid_from: t('certificate.validFrom'),
    valid_through: t('certificate.validThrough'),
    expires: t('certificate.expires'),
  };
  const changed = {
    member_name: values.member_name.trim() !== certificate.member ? values.member_name : undefined,
    scope: values.scope.trim() !== certificate.scope ? values.scope : undefined,
    valid_from: values.valid_from !== certificate.valid_from ? values.valid_from : undefined,
    valid_through: values.valid_through !== certificate.valid_through ? values.valid_through : undefined,
    expires: values.expires !== certificate.expires ? values.expires : undefined,
  };

  function fail(field: keyof ReissueValues | 'form', message: string) {
    setErrors({ [field]: message });
    setConfirming(false);
    if (field !== 'form') refs.current[field]?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (values.reason.trim() === '') return fail('reason', t('certificate.reasonRequired'));
    if (Object.values(changed).every((v) => v === undefined)) return fail('form', t('certificate.noChange'));
    setErrors({});
    setConfirming(true);
  }

  async function reissue() {
    setBusy(true);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/certificates/{number}/reissue', { params: { path: { number: certificate.number } }, body: { reason: values.reason.trim(), ...changed } }),
      );
      onDone(answer.number);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) return;
      const field = (REISSUE_FIELDS as readonly string[]).includes(uiError.field ?? '') ? (uiError.field as keyof ReissueValues) : 'form';
      fail(field, uiError.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form certificate-card__form" onSubmit={onSubmit} noValidate aria-labelledby="heruitgeven-titel">
      <h3 id="heruitgeven-titel">{t('certificate.reissue')}</h3>
      <p className="muted">{t('certificate.reissueIntro')}</p>
      {errors.form && <Alert tone="error" title={errors.form} focus />}
      {REISSUE_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`heruitgeven-${field}`}
          ref={(element) => {
            refs.current[field] = element;
          }}
          label={labels[field]}
          hint={field === 'reason' ? t('certificate.reissueReasonHint') : undefined}
          type={field.startsWith('valid') || field === 'expires' ? 'date' : 'text'}
          value={values[field]}
          error={errors[field]}
          required={field === 'reason'}
          onChange={(event) => {
            setValues({ ...values, [field]: event.target.value });
            setConfirming(false);
          }}
        />
      ))}
      <ConfirmOrContinue
        confirming={confirming}
        id="heruitgeven-bevestigen"
        warning={t('certificate.reissueConfirm', { number: certificate.number })}
        confirmLabel={t('certificate.reissueDo')}
        busy={busy}
        onConfirm={() => !busy && void reissue()}
        onBack={() => setConfirming(false)}
        onCancel={onCancel}
      />
    </form>
  );
}

function WithdrawForm({ certificate, onCancel, onDone }: { certificate: RegisterCertificate; onCancel: () => void; onDone: (c: RegisterCertificate) => void }) {
  const { t, language } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('certificate.reasonRequired'));
      ref.current?.focus();
      return;
    }
    setError(null);
    setConfirming(true);
  }

  async function withdraw() {
    setBusy(true);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/certificates/{number}/withdraw', { params: { path: { number: certificate.number } }, body: { reason: reason.trim() } }),
      );
      onDone({ ...certificate, ...answer });
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (!uiError) return;
      setError(uiError.message);
      setConfirming(false);
      ref.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form certificate-card__form" onSubmit={onSubmit} noValidate aria-labelledby="intrekken-titel">
      <h3 id="intrekken-titel">{t('certificate.withdraw')}</h3>
      <TextField
        id="intrekken-reden"
        ref={ref}
        label={t('certificate.withdrawReason')}
        hint={t('certificate.withdrawReasonHint')}
        value={reason}
        error={error}
        required
        onChange={(event) => {
          setReason(event.target.value);
          setConfirming(false);
        }}
      />
      <ConfirmOrContinue
        confirming={confirming}
        id="intrekken-bevestigen"
        warning={t('certificate.withdrawConfirm', { number: certificate.number })}
        confirmLabel={t('certificate.withdrawDo')}
        busy={busy}
        onConfirm={() => !busy && void withdraw()}
        onBack={() => setConfirming(false)}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The last step of a reissue or withdrawal: "Doorgaan" first, then the one confirmation. */
function ConfirmOrContinue({
  confirming,
  id,
  warning,
  confirmLabel,
  busy,
  onConfirm,
  onBack,
  onCancel,
}: {
  confirming: boolean;
  id: string;
  warning: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  if (confirming) {
    return <ConfirmBox focus id={id} warning={warning} confirmLabel={confirmLabel} busy={busy} onConfirm={onConfirm} onCancel={onBack} />;
  }
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary">
        {t('certificate.continue')}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
