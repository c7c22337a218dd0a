// "Certificerende instellingen" (secretariat): the CI registry. A list to search and filter (can be
// chosen or not; a CI that cannot says why, from the server), a form to add one, a page per CI.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { ciFieldGroups } from './registry-fields';
import { RegistryForm, type FormFailure } from './registry-form';
import { ciBody, ciValues, filterCis, type Ci, type CiFilter, type FormValues } from './registry-helpers';
import { CiConditions } from './registry-parts';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; cis: Ci[] };

export function CisPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<CiFilter>('all');
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<FormValues>(() => ciValues(null));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  usePageTitle(t('registry.cis.title'));

  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/cis'))
      .then(({ cis }) => !cancelled && setState({ status: 'ready', cis }))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', error: uiError });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded once; t and language only shape an error message.
  }, []);

  async function create() {
    setBusy(true);
    setFailure(null);
    try {
      const ci = await unwrap(api.POST('/api/v1/cis', { body: ciBody(values) }));
      navigate(`/instellingen/${ci.id}`, { state: { created: true } });
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        setFailure({ field: uiError.field, message: uiError.message, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }
  const shown = state.status === 'ready' ? filterCis(state.cis, query, filter) : [];

  return (
    <div className="registry">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('registry.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('registry.cis.title')}</h1>
        <p className="lead">{t('registry.cis.intro')}</p>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('registry.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          <div className="registry__toolbar">
            {!adding && (
              <button
                ref={addButtonRef}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setAdding(true);
                  setFailure(null);
                }}
              >
                {t('registry.cis.add')}
              </button>
            )}
          </div>
          {adding && (
            <section className="card registry__panel" aria-labelledby="ci-toevoegen">
              <h2 id="ci-toevoegen">{t('registry.cis.addTitle')}</h2>
              <RegistryForm
                idPrefix="nieuwe-ci"
                title={t('registry.cis.addTitle')}
                groups={ciFieldGroups(t)}
                values={values}
                onChange={setValues}
                failure={failure}
                busy={busy}
                submitLabel={t('registry.cis.addSubmit')}
                onSubmit={create}
                onCancel={() => {
                  setAdding(false);
                  window.requestAnimationFrame(() => addButtonRef.current?.focus());
                }}
              />
            </section>
          )}
          <div className="registry__filters card" role="search" aria-label={t('registry.searchLabel')}>
            <div className="field">
              <label className="field__label" htmlFor="ci-zoeken">
                {t('registry.cis.search')}
              </label>
              <input id="ci-zoeken" className="field__input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="ci-filter">
                {t('registry.cis.filter')}
              </label>
              <select id="ci-filter" className="field__input" value={filter} onChange={(event) => setFilter(event.target.value as CiFilter)}>
                <option value="all">{t('registry.cis.filter.all')}</option>
                <option value="eligible">{t('registry.cis.filter.eligible')}</option>
                <option value="lapsed">{t('registry.cis.filter.lapsed')}</option>
              </select>
            </div>
          </div>
          <p className="registry__count" role="status">
            {t('registry.shown', { shown: shown.length, total: state.cis.length })}
          </p>
          {state.cis.length === 0 ? (
            <div className="card">
              <EmptyState title={t('registry.cis.empty')}>
                <p>{t('registry.cis.emptyBody')}</p>
              </EmptyState>
            </div>
          ) : shown.length === 0 ? (
            <div className="card">
              <EmptyState icon="search" title={t('registry.noMatch')} />
            </div>
          ) : (
            <div className="table-wrap card">
              <table className="table table--stack">
                <caption>{t('registry.cis.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registry.field.name')}</th>
                    <th scope="col">{t('registry.field.town')}</th>
                    <th scope="col">{t('registry.field.tariff_code')}</th>
                    <th scope="col">{t('registry.cis.conditions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((ci) => (
                    <tr key={ci.id}>
                      <th scope="row">
                        <Link to={`/instellingen/${ci.id}`}>{ci.name}</Link>
                      </th>
                      <td data-label={t('registry.field.town')}>{ci.town}</td>
                      <td data-label={t('registry.field.tariff_code')}>{ci.tariff_code || <span className="muted">{t('registry.tariff.noneShort')}</span>}</td>
                      <td data-label={t('registry.cis.conditions')}>
                        <CiConditions ci={ci} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
