// The language of the caller's e-mails and notifications (GET/PUT /api/v1/me/language): Dutch or
// English, saved when chosen. The app's own language switch stays in the browser.
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type EmailLanguage } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { useLoaded } from './use-loaded';

const CHOICES: readonly EmailLanguage[] = ['nl', 'en'];

export function EmailLanguageSection() {
  const { t, language } = useI18n();
  const { state, set } = useLoaded(() => unwrap(api.GET('/api/v1/me/language')));
  const [saved, setSaved] = useState<{ key: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(choice: EmailLanguage) {
    if (state.status !== 'ready' || state.data.language === choice) return;
    const before = state.data;
    set({ language: choice });
    setSaved(null);
    setError(null);
    try {
      set(await unwrap(api.PUT('/api/v1/me/language', { body: { language: choice } })));
      setSaved({ key: Date.now() });
    } catch (caught) {
      set(before);
      const uiError = handleError(caught, { t, language });
      if (uiError) setError(uiError.message);
    }
  }

  return (
    <section className="card" aria-labelledby="mailtaal-titel">
      <h2 id="mailtaal-titel">{t('emailLanguage.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('emailLanguage.loadError')}>{state.message}</Alert>}
      {state.status === 'ready' && (
        <fieldset className="email-language">
          <legend className="field__label">{t('emailLanguage.legend')}</legend>
          <div className="radio-row">
            {CHOICES.map((choice) => (
              <label key={choice} className="radio">
                <input type="radio" name="mailtaal" value={choice} checked={state.data.language === choice} onChange={() => void choose(choice)} />
                <span lang={choice}>{t(`emailLanguage.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {error && <Alert tone="error" title={t('emailLanguage.failed')}>{error}</Alert>}
      <p role="status" className="save-status">
        {saved ? t('emailLanguage.saved') : ''}
      </p>
    </section>
  );
}
