// "/register", the public Kwaliteitsregister (issue 11; no login, also when signed in): one search
// field and an optional town, one debounced request per search (GET /api/v1/register; the server
// folds case and accents), the results as a table that stacks on a phone, suspended ones marked; the
// CSV of the same search, the stable addresses for reuse, and the public key for offline checks.
// The search is kept in the page's address (?q=…&plaats=…), so a result can be linked to. The
// secretariat finds the register import (/register/importeren) here.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { describeError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';
import { PublicKeyBox } from './public-key-box';
import { csvHref, looksLikeNumber, registerQuery, type RegisterEntry } from './register-helpers';

const DEBOUNCE_MS = 250;

type Results = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: RegisterEntry[]; searched: boolean };

export function RegisterPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const secretariat = session.status === 'signed-in' && session.user.role === 'secretariat';
  usePageTitle(t('register.title'));
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [town, setTown] = useState(params.get('plaats') ?? '');
  const [results, setResults] = useState<Results>({ status: 'loading' });
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      // A link followed just before the timer fired: the address is another page's already.
      if (window.location.pathname !== '/register') {
        return;
      }
      const query = registerQuery(q, town);
      // The page's address follows the search (replace: typing is not a history of pages).
      const next = new URLSearchParams();
      if (query.q) next.set('q', query.q);
      if (query.town) next.set('plaats', query.town);
      if (next.toString() !== params.toString()) {
        setParams(next, { replace: true });
      }
      unwrap(api.GET('/api/v1/register', { params: { query }, signal: controller.signal }))
        .then((list) => setResults({ status: 'ready', entries: list.entries, searched: Object.keys(query).length > 0 }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) {
            return;
          }
          setResults({ status: 'error', message: describeError(error, { t, language }).message });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // One request per settled search; t and language only shape an error message.
  }, [q, town]);

  const searched = q.trim() !== '' || town.trim() !== '';
  const count = results.status === 'ready' ? results.entries.length : null;
  const countText =
    count === null
      ? t('register.searching')
      : results.status === 'ready' && results.searched
        ? count === 1
          ? t('register.count.one')
          : t('register.count.other', { count })
        : count === 1
          ? t('register.countAll.one')
          : t('register.countAll.other', { count });
  const asNumber = q.trim().toUpperCase();

  return (
    <div className="register">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('register.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('register.title')}</h1>
        <p className="lead">{t('register.lead')}</p>
        {secretariat && (
          <p className="register__import">
            <Link to="/register/importeren">{t('registerImport.link')}</Link>
            <span className="field__hint"> {t('registerImport.linkHint')}</span>
          </p>
        )}
      </div>

      <div className="card search-box register__search">
        <form role="search" aria-label={t('register.searchLabel')} onSubmit={(event) => event.preventDefault()}>
          <div className="register__fields">
            <div className="field register__q">
              <label className="field__label" htmlFor="register-zoeken">
                {t('register.search')}
              </label>
              <p className="field__hint" id="register-zoeken-hint">
                {t('register.searchHint')}
              </p>
              <input
                ref={searchRef}
                id="register-zoeken"
                className="field__input"
                type="search"
                value={q}
                maxLength={200}
                onChange={(event) => setQ(event.target.value)}
                aria-describedby="register-zoeken-hint"
                aria-controls="register-resultaten"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="field register__town">
              <label className="field__label" htmlFor="register-plaats">
                {t('register.town')}
              </label>
              <p className="field__hint" id="register-plaats-hint">
                {t('register.townHint')}
              </p>
              <input
                id="register-plaats"
                className="field__input"
                type="search"
                value={town}
                maxLength={200}
                onChange={(event) => setTown(event.target.value)}
                aria-describedby="register-plaats-hint"
                aria-controls="register-resultaten"
                autoComplete="address-level2"
              />
            </div>
          </div>
          {searched && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setQ('');
                  setTown('');
                  searchRef.current?.focus();
                }}
              >
                {t('register.clear')}
              </button>
            </div>
          )}
        </form>
        <p className="search-box__status" role="status" aria-live="polite" aria-atomic="true" data-testid="register-count">
          {countText}
        </p>
      </div>

      <section id="register-resultaten" aria-label={t('register.caption')} className="register__results">
        {results.status === 'loading' && <Loading />}
        {results.status === 'error' && <Alert tone="error" title={t('register.loadError')}>{results.message}</Alert>}
        {results.status === 'ready' && results.entries.length === 0 && (
          <div className="card">
            {results.searched ? (
              <EmptyState
                icon="search"
                title={t('register.emptyTitle')}
                actions={
                  looksLikeNumber(asNumber) ? <Link to={`/register/${encodeURIComponent(asNumber)}`}>{t('register.checkNumber', { number: asNumber })}</Link> : undefined
                }
              >
                <p>{t('register.emptyBody')}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t('register.emptyRegisterTitle')}>
                <p>{t('register.emptyRegisterBody')}</p>
              </EmptyState>
            )}
          </div>
        )}
        {results.status === 'ready' && results.entries.length > 0 && (
          <div className="table-wrap card">
            <table className="table table--stack register__table" aria-label={t('register.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('register.colMember')}</th>
                  <th scope="col">{t('register.colTown')}</th>
                  <th scope="col">{t('register.colScope')}</th>
                  <th scope="col">{t('register.colNumber')}</th>
                  <th scope="col">{t('register.colThrough')}</th>
                  <th scope="col">{t('register.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {results.entries.map((entry) => {
                  const c = entry.certificate;
                  return (
                    <tr key={c.number} className={c.status === 'suspended' ? 'register__row--suspended' : undefined} data-testid="register-row">
                      <th scope="row">{entry.member}</th>
                      <td data-label={t('register.colTown')}>{entry.town}</td>
                      <td data-label={t('register.colScope')}>{entry.scope}</td>
                      <td data-label={t('register.colNumber')}>
                        <Link to={`/register/${encodeURIComponent(c.number)}`}>{c.number}</Link>
                      </td>
                      <td data-label={t('register.colThrough')}>
                        <time dateTime={c.valid_through}>{formatDate(c.valid_through, language)}</time>
                      </td>
                      <td data-label={t('register.colStatus')}>
                        <span className={`status-tag certificate-status certificate-status--${c.status}`}>{t(`register.status.${c.status}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="register__about">
        <section className="card" aria-labelledby="open-data-titel">
          <h2 id="open-data-titel">{t('register.openDataTitle')}</h2>
          <p>{t('register.openDataBody')}</p>
          <ul className="register__urls">
            <li>
              <a href={csvHref(q, town)} download>
                {t('register.csvThis')}
              </a>
            </li>
            <li>
              <a href={csvHref(q, town, 'xlsx')} download>
                {t('register.xlsxThis')}
              </a>
            </li>
            <li>
              {t('register.urlCsv')}: <code>/api/v1/register.csv</code>
            </li>
            <li>
              {t('register.urlJson')}: <code>/api/v1/register</code>
            </li>
            <li>
              {t('register.urlPage')}: <code>/register/SSW-JJJJ-NNNN</code>
            </li>
            <li>
              {t('register.urlCertificateJson')}: <code>/api/v1/register/certificates/SSW-JJJJ-NNNN</code>
            </li>
          </ul>
        </section>
        <PublicKeyBox />
      </div>
    </div>
  );
}
