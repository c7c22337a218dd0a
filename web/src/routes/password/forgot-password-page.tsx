import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { isValidEmail } from '../../utils/email';
import { handleError } from '../../utils/handle-error';

export function ForgotPasswordPage() {
  const { t, language } = useI18n();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('forgot.title'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    if (email.trim() === '' || !isValidEmail(email)) {
      setFieldError(email.trim() === '' ? t('forgot.emailRequired') : t('common.emailInvalid'));
      emailRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/password-reset', { body: { email: email.trim() } }));
      setSentTo(email.trim());
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError?.field === 'email') {
        setFieldError(uiError.message);
        emailRef.current?.focus();
      } else if (uiError) {
        setFormError(uiError.message);
        setAttempt((count) => count + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{t('forgot.title')}</h1>
      {sentTo ? (
        <>
          <Alert tone="success" title={t('forgot.sentTitle')} focus>
            <p>{t('forgot.sentBody', { email: sentTo })}</p>
            <p>{t('forgot.sentNoMail')}</p>
          </Alert>
          <p>
            <Link to="/inloggen">{t('common.backToLogin')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          {formError && <Alert key={attempt} tone="error" title={formError} focus />}
          <form className="card form" onSubmit={onSubmit} noValidate aria-label={t('forgot.title')}>
            <TextField
              ref={emailRef}
              id="forgot-email"
              name="email"
              type="email"
              label={t('forgot.email')}
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldError}
              required
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" aria-disabled={busy}>
                {t('forgot.submit')}
              </button>
              <Link to="/inloggen" className="form__link">
                {t('common.backToLogin')}
              </Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
