// Requests to read Part B (B5 B11): the secretariat reads Part A only, until it asks for Part B with
// a reason; the member and the CI see every request with its reason, who asked and when.
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type PartBRequest } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';

export function PartBRequests({
  trajectoryId,
  requests,
  mayAsk,
  onAsked,
}: {
  trajectoryId: number;
  requests: PartBRequest[];
  mayAsk: boolean;
  onAsked: () => void;
}) {
  const { t, language } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setError(t('partB.reasonRequired'));
      document.getElementById('deel-b-reden')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/trajectories/{id}/part-b-requests', { params: { path: { id: trajectoryId } }, body: { reason: reason.trim() } }));
      setReason('');
      onAsked();
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setError(uiError.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card part-b-requests" aria-labelledby="deel-b-verzoeken">
      <h2 id="deel-b-verzoeken">{t('partB.requestsTitle')}</h2>
      {mayAsk && (
        <form className="form" onSubmit={ask} noValidate aria-labelledby="deel-b-vragen">
          <h3 id="deel-b-vragen">{t('partB.askTitle')}</h3>
          <p>{t('partB.askIntro')}</p>
          <div className={`field${error ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="deel-b-reden">
              {t('partB.reason')}
            </label>
            {error && (
              <p className="field__error" id="deel-b-reden-error">
                {error}
              </p>
            )}
            <textarea
              id="deel-b-reden"
              className="field__input"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'deel-b-reden-error' : undefined}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('partB.ask')}
            </button>
          </div>
        </form>
      )}
      {requests.length === 0 ? (
        <p className="muted">{t('partB.none')}</p>
      ) : (
        <ul className="plain-list part-b-requests__list">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{t('partB.requestBy', { name: request.requested_by, date: formatDate(request.requested_on, language) })}</strong>
              <p>{request.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
