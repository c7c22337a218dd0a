// /uitgaande-post "Uitgaande post" (secretariat): the e-mail outbox as the worker sees it – how many
// messages wait, went out or failed, a status filter (kept in the address), and per message the
// recipient, subject, kind, status, attempts, the last error and the times. A failed message can be
// sent again ("Opnieuw versturen"); the server refuses that (409) for one that did not fail. The
// recipient stands under the subject, so a long address wraps instead of widening the table.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type OutboxList, type OutboxMessage } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { formatMoment } from '../home/home-helpers';
import { OUTBOX_STATUSES, statusFromSearch } from './outbox-helpers';

const STATUSES = OUTBOX_STATUSES;

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; list: OutboxList };

export function OutboxPage() {
  const { t, language } = useI18n();
  const [search] = useSearchParams();
  const filter = statusFromSearch(search.get('status'));
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string; key: number } | null>(null);
  usePageTitle(t('outbox.title'));

  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/outbox', { params: { query: filter ? { status: filter } : {} } }))
      .then((list) => {
        if (!cancelled) setState({ status: 'ready', list });
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) setState({ status: 'error', error: uiError });
      });
    return () => {
      cancelled = true;
    };
    // Loaded per filter and after a retry; t and language only shape an error message.
  }, [filter, round]);

  async function retry(message: OutboxMessage) {
    setNotice(null);
    try {
      await unwrap(api.POST('/api/v1/outbox/{id}/retry', { params: { path: { id: message.id } } }));
      setNotice({ tone: 'success', text: t('outbox.retried', { recipient: message.recipient }), key: Date.now() });
      setRound((r) => r + 1);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) setNotice({ tone: 'error', text: uiError.message, key: Date.now() });
    }
  }

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  return (
    <div className="outbox">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('outbox.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('outbox.title')}</h1>
        <p className="lead">{t('outbox.intro')}</p>
      </div>

      {notice && (
        <Alert key={notice.key} tone={notice.tone} title={notice.tone === 'success' ? notice.text : t('outbox.retryFailed')} focus>
          {notice.tone === 'error' && <p>{notice.text}</p>}
        </Alert>
      )}

      {state.status === 'ready' && (
        <section className="card outbox__counts" aria-labelledby="post-aantallen">
          <h2 id="post-aantallen">{t('outbox.countsTitle')}</h2>
          <dl className="facts facts--grid" data-testid="outbox-counts">
            {STATUSES.map((status) => (
              <div key={status}>
                <dt>{t(`outbox.status.${status}`)}</dt>
                <dd className={status === 'failed' && state.list.counts.failed > 0 ? 'outbox__failed-count' : undefined}>{state.list.counts[status]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <nav className="outbox__filter" aria-label={t('outbox.filterLabel')}>
        <ul className="link-list link-list--inline">
          {[null, ...STATUSES].map((status) => (
            <li key={status ?? 'all'}>
              <Link to={{ search: status ? `?status=${status}` : '' }} aria-current={filter === status ? 'page' : undefined}>
                {status ? t(`outbox.status.${status}`) : t('outbox.all')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('outbox.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && state.list.messages.length === 0 && (
        <div className="card">
          <EmptyState title={filter ? t('outbox.emptyFiltered') : t('outbox.empty')}>
            <p>{t('outbox.emptyBody')}</p>
          </EmptyState>
        </div>
      )}
      {state.status === 'ready' && state.list.messages.length > 0 && (
        <div className="table-wrap card">
          <table className="table table--stack outbox__table">
            <caption>{t('outbox.caption', { count: state.list.messages.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.statusColumn')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.times')}</th>
                <th scope="col">{t('outbox.action')}</th>
              </tr>
            </thead>
            <tbody>
              {state.list.messages.map((message) => (
                <tr key={message.id} className={message.status === 'failed' ? 'outbox__row--failed' : undefined}>
                  <th scope="row" className="outbox__message">
                    {message.subject}
                    <span className="outbox__recipient">
                      {t('outbox.to', { recipient: message.recipient })} <span className="muted">({message.language})</span>
                    </span>
                    {message.trajectory_id !== null && message.trajectory_id !== undefined && (
                      <span className="facts__extra">
                        <Link to={`/trajecten/${message.trajectory_id}`}>{t('outbox.toTrajectory', { id: message.trajectory_id })}</Link>
                      </span>
                    )}
                  </th>
                  <td data-label={t('outbox.kind')}>{t.optional(`trajectory.event.${message.kind}`) ?? t.optional(`outbox.kind.${message.kind}`) ?? message.kind}</td>
                  <td data-label={t('outbox.statusColumn')}>
                    <div>
                      <span className={`status-tag outbox-status outbox-status--${message.status}`}>{t(`outbox.status.${message.status}`)}</span>
                      {message.last_error !== '' && <p className="outbox__error">{t('outbox.lastError', { error: message.last_error })}</p>}
                    </div>
                  </td>
                  <td data-label={t('outbox.attempts')}>{message.attempts}</td>
                  <td data-label={t('outbox.times')}>
                    <div className="outbox__times">
                      <span>{t('outbox.created', { when: formatMoment(message.created_at, language) })}</span>
                      {message.sent_at != null && <span>{t('outbox.sent', { when: formatMoment(message.sent_at, language) })}</span>}
                      {message.status === 'pending' && message.next_attempt_at != null && (
                        <span>{t('outbox.next', { when: formatMoment(message.next_attempt_at, language) })}</span>
                      )}
                    </div>
                  </td>
                  <td data-label={t('outbox.action')}>
                    {message.status === 'failed' ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void retry(message)}
                        aria-label={t('outbox.retryFor', { recipient: message.recipient, subject: message.subject })}
                      >
                        {t('outbox.retry')}
                      </button>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
