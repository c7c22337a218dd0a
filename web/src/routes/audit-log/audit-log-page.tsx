import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type AuditEntry } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { auditLogExportHref, type Filters } from './audit-log-helpers';

const PAGE_SIZE = 25;

const NO_FILTERS: Filters = { action: '', actor: '', from: '', to: '' };

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; entries: AuditEntry[]; nextCursor: string | null; loadingMore: boolean };

/** Only the filters that are filled in, as the API's query parameters. */
function queryFor(filters: Filters, cursor: string | null) {
  const query: { limit: number; cursor?: string; action?: string; actor?: string; from?: string; to?: string } = {
    limit: PAGE_SIZE,
  };
  if (cursor) query.cursor = cursor;
  for (const key of ['action', 'actor', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The secretariat's view of the audit log: filters, newest first, "Meer laden" for the next page. */
export function AuditLogPage() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [filterError, setFilterError] = useState<UiError | null>(null);
  const request = useRef(0);
  usePageTitle(t('auditLog.title'));

  const load = useCallback(
    (current: Filters, cursor: string | null, previous: AuditEntry[]) => {
      const id = ++request.current;
      unwrap(api.GET('/api/v1/audit-log', { params: { query: queryFor(current, cursor) } }))
        .then(({ entries, next_cursor }) => {
          if (id === request.current) {
            setFilterError(null);
            setState({ status: 'ready', entries: [...previous, ...entries], nextCursor: next_cursor ?? null, loadingMore: false });
          }
        })
        .catch((error: unknown) => {
          const uiError = handleError(error, { t, language });
          if (id !== request.current || !uiError) return;
          if (uiError.kind === 'invalid') {
            // A filter the server refused (e.g. an end date before the start date): say which.
            setFilterError(uiError);
            setState({ status: 'ready', entries: [], nextCursor: null, loadingMore: false });
          } else {
            setState({ status: 'error', error: uiError });
          }
        });
    },
    [t, language],
  );

  useEffect(() => {
    setState({ status: 'loading' });
    load(filters, null, []);
    // Reloaded when the applied filters change; t and language only shape an error message.
  }, [filters]);

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  function onClear() {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
  }

  function onMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setState({ ...state, loadingMore: true });
    load(filters, state.nextCursor, state.entries);
  }

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  const fieldError = (field: string) => (filterError?.field === field ? filterError.message : undefined);
  const dateTime = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  return (
    <div className="audit-log">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('auditLog.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('auditLog.title')}</h1>
        <p className="lead">{t('auditLog.intro')}</p>
      </div>
      <form className="card form audit-log__filters" onSubmit={onFilter} noValidate aria-label={t('auditLog.filters')}>
        <TextField
          id="audit-action"
          name="action"
          label={t('auditLog.action')}
          hint={t('auditLog.actionHint')}
          spellCheck={false}
          value={draft.action}
          onChange={(event) => setDraft({ ...draft, action: event.target.value })}
          error={fieldError('action')}
        />
        <TextField
          id="audit-actor"
          name="actor"
          type="email"
          inputMode="email"
          label={t('auditLog.actor')}
          spellCheck={false}
          value={draft.actor}
          onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
          error={fieldError('actor')}
        />
        <TextField
          id="audit-from"
          name="from"
          type="date"
          label={t('auditLog.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          error={fieldError('from')}
        />
        <TextField
          id="audit-to"
          name="to"
          type="date"
          label={t('auditLog.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          error={fieldError('to')}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('auditLog.apply')}
          </button>
          <button type="button" className="button" onClick={onClear}>
            {t('auditLog.clear')}
          </button>
        </div>
      </form>
      {/* A refused filter is not offered as a download: it would answer with the same refusal. */}
      {!filterError && (
        <ul className="link-list link-list--inline" aria-label={t('auditLog.downloads')}>
          <li>
            <a href={auditLogExportHref(filters, 'xlsx')} download>{t('auditLog.downloadXlsx')}</a>
          </li>
          <li>
            <a href={auditLogExportHref(filters, 'csv')} download>{t('auditLog.downloadCsv')}</a>
          </li>
        </ul>
      )}
      {filterError && !['action', 'actor', 'from', 'to'].includes(filterError.field ?? '') && (
        <Alert tone="error" title={filterError.message} />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('auditLog.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && state.entries.length === 0 && !filterError && <EmptyState title={t('auditLog.empty')} />}
      {state.status === 'ready' && state.entries.length > 0 && (
        <>
          <div className="table-wrap card" role="region" aria-labelledby="auditlog-caption" tabIndex={0}>
            <table className="table table--stack">
              <caption id="auditlog-caption">{t('auditLog.caption', { count: state.entries.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditLog.at')}</th>
                  <th scope="col">{t('auditLog.action')}</th>
                  <th scope="col">{t('auditLog.actor')}</th>
                  <th scope="col">{t('auditLog.subject')}</th>
                  <th scope="col">{t('auditLog.detail')}</th>
                  <th scope="col">{t('auditLog.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label={t('auditLog.at')}>
                      <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time>
                    </td>
                    <td data-label={t('auditLog.action')}>
                      <code>{entry.action}</code>
                    </td>
                    <td data-label={t('auditLog.actor')} className="audit-log__wrap">
                      {entry.actor_email || <span className="muted">{t('auditLog.none')}</span>}
                    </td>
                    <td data-label={t('auditLog.subject')}>{entry.subject || <span className="muted">{t('auditLog.none')}</span>}</td>
                    <td data-label={t('auditLog.detail')} className="audit-log__wrap">{entry.detail}</td>
                    <td data-label={t('auditLog.ip')}>{entry.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="audit-log__more">
            {state.nextCursor ? (
              <button type="button" className="button" onClick={onMore} disabled={state.loadingMore}>
                {state.loadingMore ? t('common.loading') : t('auditLog.more')}
              </button>
            ) : (
              <p className="muted">{t('auditLog.end')}</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
