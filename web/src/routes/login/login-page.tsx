import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/common/alert';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { safeReturnPath } from '../../session/access';
import { useSession } from '../../session/session-context';
import { isValidEmail } from '../../utils/email';
import { handleError } from '../../utils/handle-error';

type FieldErrors = { email?: string; password?: string };

export function LoginPage() {
  const { t, language } = useI18n();
  const { session, login, loginNotice: notice, clearLoginNotice } = useSession();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Refused after too many failures (429): the way out is a new password.
  const [throttled, setThrottled] = useState(false);
  const [busy, setBusy] = useState(false);
  // Counts failed submits, so the error box takes focus again on every one of them.
  const [attempt, setAttempt] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('login.title'));

  const returnPath = safeReturnPath(searchParams.get('terug'));

  if (session.status === 'signed-in') {
    return <Navigate to={returnPath} replace />;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    setThrottled(false);
    clearLoginNotice();
    const errors: FieldErrors = {};
    if (email.trim() === '') {
      errors.email = t('login.emailRequired');
    } else if (!isValidEmail(email)) {
      errors.email = t('common.emailInvalid');
    }
    if (password === '') {
      errors.password = t('login.passwordRequired');
    }
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
      // The session is now signed in; the <Navigate> above takes the user on.
    } catch (error) {
      const uiError = handleError(error, { t, language, redirectOnUnauthenticated: false });
      if (!uiError) {
        return;
      }
      if (uiError.field === 'email' || uiError.field === 'password') {
        setFieldErrors({ [uiError.field]: uiError.message });
        (uiError.field === 'email' ? emailRef : passwordRef).current?.focus();
      } else {
        setFormError(uiError.message);
        setThrottled(uiError.code === 'resource_exhausted');
        setAttempt((count) => count + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      {notice === 'signed-out' && !formError && <Alert tone="success" title={t('login.signedOut')} />}
      {notice === 'expired' && !formError && <Alert tone="info" title={t('login.expired')} />}
      {formError && (
        <Alert key={attempt} tone="error" title={formError} focus>
          {throttled && <Link to="/wachtwoord-vergeten">{t('login.forgotPassword')}</Link>}
        </Alert>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate aria-label={t('login.title')}>
        <TextField
          ref={emailRef}
          id="login-email"
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
          required
        />
        <TextField
          ref={passwordRef}
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          required
        />
        <div className="form__actions">
          {/* aria-disabled, not disabled: a disabled button loses the keyboard focus to the page. */}
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
          <Link to="/wachtwoord-vergeten" className="form__link">
            {t('login.forgotPassword')}
          </Link>
        </div>
      </form>
    </div>
  );
}
