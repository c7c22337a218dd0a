// "Leden" (secretariat): the member registry. A list to search and filter (membership active or
// not), a form to add a member with every field the API keeps, and a link to each member's page.
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
import { formatDate } from '../trajectories/trajectory-helpers';
import { memberFieldGroups } from './registry-fields';
import { RegistryForm, type FormFailure } from './registry-form';
import { filterMembers, memberBody, memberValues, type FormValues, type Member, type MemberFilter } from './registry-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; members: Member[] };

export function MembersPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<MemberFilter>('all');
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<FormValues>(() => memberValues(null));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  usePageTitle(t('registry.members.title'));

  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/members'))
      .then(({ members }) => !cancelled && setState({ status: 'ready', members }))
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
      const member = await unwrap(api.POST('/api/v1/members', { body: memberBody(values) }));
      navigate(`/leden/${member.id}`, { state: { created: true } });
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
  const shown = state.status === 'ready' ? filterMembers(state.members, query, filter) : [];

  return (
    <div className="registry">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('registry.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('registry.members.title')}</h1>
        <p className="lead">{t('registry.members.intro')}</p>
        <ul className="link-list link-list--inline" aria-label={t('registry.members.downloads')}>
          <li>
            <a href="/api/v1/members.xlsx" download>{t('registry.members.downloadXlsx')}</a>
          </li>
          <li>
            <a href="/api/v1/members.csv" download>{t('registry.members.downloadCsv')}</a>
          </li>
        </ul>
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
                {t('registry.members.add')}
              </button>
            )}
          </div>
          {adding && (
            <section className="card registry__panel" aria-labelledby="lid-toevoegen">
              <h2 id="lid-toevoegen">{t('registry.members.addTitle')}</h2>
              <RegistryForm
                idPrefix="nieuw-lid"
                title={t('registry.members.addTitle')}
                groups={memberFieldGroups(t)}
                values={values}
                onChange={setValues}
                failure={failure}
                busy={busy}
                submitLabel={t('registry.members.addSubmit')}
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
              <label className="field__label" htmlFor="leden-zoeken">
                {t('registry.members.search')}
              </label>
              <input id="leden-zoeken" className="field__input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="leden-filter">
                {t('registry.members.filter')}
              </label>
              <select id="leden-filter" className="field__input" value={filter} onChange={(event) => setFilter(event.target.value as MemberFilter)}>
                <option value="all">{t('registry.members.filter.all')}</option>
                <option value="active">{t('registry.members.filter.active')}</option>
                <option value="inactive">{t('registry.members.filter.inactive')}</option>
              </select>
            </div>
          </div>
          <p className="registry__count" role="status">
            {t('registry.shown', { shown: shown.length, total: state.members.length })}
          </p>
          {state.members.length === 0 ? (
            <div className="card">
              <EmptyState title={t('registry.members.empty')}>
                <p>{t('registry.members.emptyBody')}</p>
              </EmptyState>
            </div>
          ) : shown.length === 0 ? (
            <div className="card">
              <EmptyState icon="search" title={t('registry.noMatch')} />
            </div>
          ) : (
            <div className="table-wrap card">
              <table className="table table--stack">
                <caption>{t('registry.members.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registry.field.name')}</th>
                    <th scope="col">{t('registry.field.lidnummer')}</th>
                    <th scope="col">{t('registry.field.town')}</th>
                    <th scope="col">{t('registry.members.membership')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">
                        <Link to={`/leden/${member.id}`}>{member.name}</Link>
                      </th>
                      <td data-label={t('registry.field.lidnummer')}>{member.lidnummer}</td>
                      <td data-label={t('registry.field.town')}>{member.town}</td>
                      <td data-label={t('registry.members.membership')}>
                        <div>
                          <span className={`status-tag status-tag--${member.active ? 'active' : 'deactivated'}`}>
                            {t(member.active ? 'registry.member.active' : 'registry.member.inactive')}
                          </span>{' '}
                          {member.active && member.member_from && (
                            <span className="muted">{t('registry.member.since', { date: formatDate(member.member_from, language) })}</span>
                          )}
                          {!member.active && member.inactive_reason && <span className="muted">{member.inactive_reason}</span>}
                        </div>
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
