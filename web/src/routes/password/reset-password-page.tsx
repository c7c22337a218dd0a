import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { PASSWORD_MIN_LENGTH } from '../../api/generated/rules';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';

type FieldErrors = { password?: string; repeat?: string };

/** What the link turned out to be when the page opened. */
type TokenState =
  | { status: 'checking' }
  | { status: 'valid'; purpose: 'reset' | 'invitation' }
  | { status: 'invalid'; message: string };

export function ResetPasswordPage() {
  const { t, language } = useI18n();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [tokenState, setTokenState] = useState<TokenState>(() =>
    token === '' ? { status: 'invalid', message: t('reset.noToken') } : { status: 'checking' },
  );
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const invitation = tokenState.status === 'valid' && tokenState.purpose === 'invitation';
  usePageTitle(invitation ? t('reset.inviteTitle') : t('reset.title'));

  // Check the link as soon as the page opens, so a dead link is said once, before any typing.
  useEffect(() => {
    if (token === '') {
      return;
    }
    let cancelled = false;
    unwrap(api.GET('/api/v1/password-reset/check', { params: { query: { token } } }))
      .then((answer) => {
        if (cancelled) {
          return;
        }
        if (answer.valid && answer.purpose) {
          setTokenState({ status: 'valid', purpose: answer.purpose });
        } else {
          const message = language === 'nl' && answer.message ? answer.message : t('error.invalid_argument.token');
          setTokenState({ status: 'invalid', message });
        }
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language, redirectOnUnauthenticated: false });
        if (!cancelled && uiError) {
          setTokenState({ status: 'invalid', message: uiError.message });
        }
      });
    return () => {
      cancelled = true;
    };
    // Checked once per token; t and language only shape the message.
  }, [token]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    const errors: FieldErrors = {};
    if (Array.from(password).length < PASSWORD_MIN_LENGTH) {
      errors.password = t('reset.tooShort', { min: PASSWORD_MIN_LENGTH });
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
        setTokenState({ status: 'invalid', message: uiError.message });
        setAttempt((count) => count + 1);
      } else if (uiError.field === 'password') {
        setFieldErrors({ password: uiError.message });
        passwordRef.current?.focus();
      } else {
        setFormError(uiError.message);
        setAttempt((count) => count + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  let content;
  if (done) {
    content = (
      <>
        <Alert tone="success" title={invitation ? t('reset.inviteDoneTitle') : t('reset.doneTitle')} focus>
          <p>{t('reset.doneBody')}</p>
        </Alert>
        <p>
          <Link to="/inloggen" className="button button--primary">
            {t('common.toLogin')}
          </Link>
        </p>
      </>
    );
  } else if (tokenState.status === 'checking') {
    content = <Loading />;
  } else if (tokenState.status === 'invalid') {
    // One message: what is wrong (the server's words) and one way on.
    content = (
      <>
        <Alert tone="error" title={tokenState.message} focus={attempt > 0}>
          <p>{t('reset.linkRules')}</p>
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
        <p className="lead">
          {invitation ? t('reset.inviteIntro', { min: PASSWORD_MIN_LENGTH }) : t('reset.intro', { min: PASSWORD_MIN_LENGTH })}
        </p>
        {formError && <Alert key={attempt} tone="error" title={formError} focus />}
        <form className="card form" onSubmit={onSubmit} noValidate aria-label={invitation ? t('reset.inviteTitle') : t('reset.title')}>
          <TextField
            ref={passwordRef}
            id="reset-password"
            name="password"
            type="password"
            label={t('reset.password')}
            hint={t('reset.passwordHint', { min: PASSWORD_MIN_LENGTH })}
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
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('reset.submit')}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{invitation ? t('reset.inviteTitle') : t('reset.title')}</h1>
      {content}
    </div>
  );
}
