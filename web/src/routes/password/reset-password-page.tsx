import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';

const MIN_LENGTH = 10;

type FieldErrors = { password?: string; repeat?: string };

export function ResetPasswordPage() {
  const { t, language } = useI18n();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('reset.title'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const errors: FieldErrors = {};
    if (password.length < MIN_LENGTH) {
      errors.password = t('reset.tooShort', { min: MIN_LENGTH });
    }
    if (repeat !== password) {
      errors.repeat = t('reset.mismatch');
    }
    setFieldErrors(errors);
    if (errors.password || errors.repeat) {
      (errors.password ? passwordRef : repeatRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/password-reset/confirm', { body: { token, password } }));
      setDone(true);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) {
        return;
      }
      if (uiError.field === 'token') {
        setTokenError(uiError.message);
      } else if (uiError.field === 'password') {
        setFieldErrors({ password: uiError.message });
        passwordRef.current?.focus();
      } else {
        setFormError(uiError.message);
      }
    } finally {
      setBusy(false);
    }
  }

  let content;
  if (done) {
    content = (
      <>
        <Alert tone="success" title={t('reset.doneTitle')}>
          <p>{t('reset.doneBody')}</p>
        </Alert>
        <p>
          <Link to="/inloggen" className="button button--primary">
            {t('common.toLogin')}
          </Link>
        </p>
      </>
    );
  } else if (token === '' || tokenError) {
    content = (
      <>
        <Alert tone="error" title={tokenError ?? t('reset.noToken')}>
          <p>{t('reset.requestNew')}</p>
        </Alert>
        <p>
          <Link to="/wachtwoord-vergeten" className="button button--primary">
            {t('reset.requestNewLink')}
          </Link>
        </p>
      </>
    );
  } else {
    content = (
      <>
        <p className="lead">{t('reset.intro', { min: MIN_LENGTH })}</p>
        {formError && <Alert tone="error" title={formError} />}
        <form className="card form" onSubmit={onSubmit} noValidate aria-label={t('reset.title')}>
          <TextField
            ref={passwordRef}
            id="reset-password"
            name="password"
            type="password"
            label={t('reset.password')}
            hint={t('reset.passwordHint', { min: MIN_LENGTH })}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            required
          />
          <TextField
            ref={repeatRef}
            id="reset-repeat"
            name="repeat"
            type="password"
            label={t('reset.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            error={fieldErrors.repeat}
            required
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('reset.submit')}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{t('reset.title')}</h1>
      {content}
    </div>
  );
}
