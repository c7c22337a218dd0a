// "Agenda-abonnement": the caller's private calendar feed of its deadlines (GET/POST/DELETE
// /api/v1/me/calendar). The secret URL is shown once, right after it is made (the server keeps only
// its hash), with a copy button and how to subscribe in Outlook and Google Calendar. Renewing warns
// first that the old link stops working; stopping asks too.
import { useEffect, useRef, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type CalendarFeed } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { ConfirmBox } from '../../components/common/confirm-box';
import { Loading } from '../../components/common/loading';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { formatMoment, webcalUrl } from './home-helpers';
import { useLoaded } from './use-loaded';

type Confirm = null | 'renew' | 'stop';

export function CalendarFeedSection() {
  const { t, language } = useI18n();
  const { state, set } = useLoaded(() => unwrap(api.GET('/api/v1/me/calendar')));
  const [made, setMade] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; key: number } | null>(null);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  // Focus the new link once React has rendered it: a frame after the answer can come before the
  // input exists (seen in CI), and then focus went nowhere.
  const focusUrl = useRef(false);
  useEffect(() => {
    if (made && focusUrl.current) {
      focusUrl.current = false;
      urlRef.current?.focus();
    }
  }, [made]);

  async function renew() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const feed = await unwrap(api.POST('/api/v1/me/calendar'));
      set(feed);
      setMade(feed.url ?? null);
      setConfirm(null);
      setCopied(false);
      focusUrl.current = true;
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setError({ text: uiError.message, key: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/me/calendar'));
      set({ active: false, url: null, created_at: null } satisfies CalendarFeed);
      setMade(null);
      setConfirm(null);
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setError({ text: uiError.message, key: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, or refused): select the text so Ctrl+C copies it.
      urlRef.current?.select();
    }
  }

  return (
    <section className="card calendar-feed" aria-labelledby="agenda-titel">
      <h2 id="agenda-titel">{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('calendar.loadError')}>{state.message}</Alert>}
      {error && (
        <Alert key={error.key} tone="error" title={t('calendar.failed')} focus>
          <p>{error.text}</p>
        </Alert>
      )}
      {state.status === 'ready' && (
        <>
          {made && (
            <div className="calendar-feed__made">
              <label className="field__label" htmlFor="agenda-url">
                {t('calendar.url')}
              </label>
              <p className="field__hint" id="agenda-url-hint">
                {t('calendar.urlOnce')}
              </p>
              <div className="calendar-feed__copy">
                <input id="agenda-url" ref={urlRef} className="field__input" readOnly value={made} aria-describedby="agenda-url-hint" onFocus={(e) => e.target.select()} />
                <button type="button" className="button button--secondary" onClick={copy}>
                  {t('calendar.copy')}
                </button>
              </div>
              <p role="status" className="calendar-feed__copied">
                {copied ? t('calendar.copied') : ''}
              </p>
              <h3>{t('calendar.howTitle')}</h3>
              <ul className="calendar-feed__how">
                <li>{t('calendar.howOutlook')}</li>
                <li>{t('calendar.howGoogle')}</li>
                <li>
                  {t('calendar.howOther')} <a href={webcalUrl(made)}>{t('calendar.subscribe')}</a>
                </li>
              </ul>
            </div>
          )}
          {!made && state.data.active && (
            <p data-testid="calendar-active">
              {state.data.created_at ? t('calendar.activeSince', { date: formatMoment(state.data.created_at, language) }) : t('calendar.active')}
            </p>
          )}
          {!state.data.active && <p className="muted" data-testid="calendar-none">{t('calendar.none')}</p>}

          {confirm === 'renew' && (
            <ConfirmBox id="agenda-vernieuwen" warning={t('calendar.renewWarning')} confirmLabel={t('calendar.renewConfirm')}
              busy={busy} onConfirm={renew} onCancel={() => setConfirm(null)} />
          )}
          {confirm === 'stop' && (
            <ConfirmBox id="agenda-stoppen" warning={t('calendar.stopWarning')} confirmLabel={t('calendar.stopConfirm')}
              busy={busy} onConfirm={stop} onCancel={() => setConfirm(null)} />
          )}
          {confirm === null && (
            <div className="form__actions">
              {state.data.active ? (
                <>
                  <button type="button" className="button button--secondary" onClick={() => setConfirm('renew')}>
                    {t('calendar.renew')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setConfirm('stop')}>
                    {t('calendar.stop')}
                  </button>
                </>
              ) : (
                <button type="button" className="button button--primary" aria-disabled={busy} onClick={renew}>
                  {t('calendar.make')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
