// "Trajecten": the trajectories the caller may see (the server decides which), each with its state
// and the next open action; what is overdue, and for whom, is named. A table that stacks into cards
// on a phone. The secretariat filters by CI, party, state and "alleen te laat" (kept in the address).
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Trajectory } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { reportLinks } from '../report/report-links';
import { useSession } from '../../session/session-context';
import { showsPlanLink } from '../plan/plan-helpers';
import { exportHref, filtersFromSearch, filtersToQuery, filtersToSearch, hasFilters, NO_FILTERS, overdueActions, type TrajectoryFilters } from './trajectory-filters';
import { formatDate, nextAction, stateKey, TRAJECTORY_STATES } from './trajectory-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; trajectories: Trajectory[] };

export function TrajectoriesPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [search, setSearch] = useSearchParams();
  const filtering = role === 'secretariat';
  const filters = filtering ? filtersFromSearch(search) : NO_FILTERS;
  const filterKey = filtersToSearch(filters).toString();
  usePageTitle(t('trajectories.title'));

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/trajectories', { params: { query: filtersToQuery(filters) } }))
      .then(({ trajectories }) => {
        if (!cancelled) {
          setState({ status: 'ready', trajectories });
        }
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', error: uiError });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded per filter; t and language only shape an error message.
  }, [filterKey]);

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  return (
    <div className="trajectories">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('trajectories.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('trajectories.title')}</h1>
        <p className="lead">{t('trajectories.intro')}</p>
      </div>
      {filtering && (
        <TrajectoryFilterForm
          key={filterKey}
          filters={filters}
          onApply={(next) => setSearch(filtersToSearch(next))}
        />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('trajectories.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && state.trajectories.length === 0 && (
        <div className="card">
          {hasFilters(filters) ? (
            <EmptyState title={t('trajectories.emptyFiltered')} icon="search">
              <p>{t('trajectories.emptyFilteredBody')}</p>
            </EmptyState>
          ) : (
            <EmptyState title={t('trajectories.empty')}>
              <p>{t('trajectories.emptyBody')}</p>
            </EmptyState>
          )}
        </div>
      )}
      {state.status === 'ready' && state.trajectories.length > 0 && (
        <div className="table-wrap card">
          <table className="table table--stack trajectories__table">
            <caption>{t('trajectories.caption', { count: state.trajectories.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trajectories.member')}</th>
                <th scope="col">{t('trajectories.ci')}</th>
                <th scope="col">{t('trajectories.variant')}</th>
                <th scope="col">{t('trajectories.state')}</th>
                <th scope="col">{t('trajectories.next')}</th>
              </tr>
            </thead>
            <tbody>
              {state.trajectories.map((trajectory) => {
                const next = nextAction(trajectory);
                const late = next?.status === 'overdue';
                // What else is overdue, and for whom (the next step says so itself).
                const overdue = overdueActions(trajectory).filter((action) => action !== next);
                const links = [
                  ...reportLinks(trajectory.id, trajectory.state, role),
                  ...(role && role !== 'committee' && showsPlanLink(trajectory)
                    ? [{ path: `/trajecten/${trajectory.id}/verbeterplan`, label: 'plan.title' as const }]
                    : []),
                ];
                return (
                  <tr key={trajectory.id} className={late ? 'trajectories__row--late' : undefined}>
                    <th scope="row">
                      <Link to={`/trajecten/${trajectory.id}`} aria-label={t('trajectories.open', { member: trajectory.member.name })}>
                        {trajectory.member.name}
                      </Link>
                      {links.length > 0 && (
                        <ul className="link-list link-list--inline trajectories__report">
                          {links.map((link) => (
                            <li key={link.path}>
                              <Link to={link.path} aria-label={t('report.linkFor', { page: t(link.label), member: trajectory.member.name })}>
                                {t(link.label)}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </th>
                    <td data-label={t('trajectories.ci')}>{trajectory.ci.name}</td>
                    <td data-label={t('trajectories.variant')}>
                      {t.optional(`trajectory.variant.${trajectory.variant}`) ?? trajectory.variant}
                    </td>
                    <td data-label={t('trajectories.state')}>
                      <div>
                        <span className={`status-tag state-tag state-tag--${trajectory.state}`}>{t(stateKey(trajectory.state))}</span>
                      </div>
                    </td>
                    <td data-label={t('trajectories.next')}>
                      {next ? (
                        <div className="next-action">
                          <span>
                            {next.todo} <span className="muted">({t(`trajectory.party.${next.actor}`)})</span>
                          </span>
                          {next.due && (
                            <span className={late ? 'next-action__due next-action__due--late' : 'next-action__due'}>
                              {late && <strong className="overdue-tag">{t('trajectory.overdue')}</strong>}{' '}
                              {t('trajectory.due', { date: formatDate(next.due, language) })}
                            </span>
                          )}
                        </div>
                      ) : (
                        <span className="muted">{t('trajectories.nothingOpen')}</span>
                      )}
                      {overdue.length > 0 && (
                        <ul className="plain-list trajectories__overdue" aria-label={t('trajectories.overdueFor', { member: trajectory.member.name })}>
                          {overdue.map((action) => (
                            <li key={`${action.key}-${action.due ?? ''}`}>
                              <strong className="overdue-tag">{t('trajectory.overdue')}</strong>{' '}
                              {t('trajectories.overdueItem', { todo: action.todo, party: t(`trajectory.party.${action.actor}`) })}
                              {action.due && <span className="muted"> ({t('trajectory.due', { date: formatDate(action.due, language) })})</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {state.status === 'ready' && state.trajectories.length > 0 && (
        <ul className="link-list link-list--inline trajectories__downloads" aria-label={t('trajectories.downloads')}>
          <li>
            <a href={exportHref(filters, 'xlsx')} download>{t('trajectories.downloadXlsx')}</a>
          </li>
          <li>
            <a href={exportHref(filters, 'csv')} download>{t('trajectories.downloadCsv')}</a>
          </li>
        </ul>
      )}
    </div>
  );
}

const PARTY_OPTIONS = ['member', 'ci', 'secretariat'] as const;

/** The secretariat's filters; applied with the button, so a choice never reloads the list by itself. */
type FilterSelectProps = {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
};

/** One of the overview's filters: a labelled select whose empty choice means "alle". */
function FilterSelect({ id, label, allLabel, value, options, onChange }: FilterSelectProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TrajectoryFilterForm({ filters, onApply }: { filters: TrajectoryFilters; onApply: (filters: TrajectoryFilters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const [cis, setCis] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/cis'))
      .then((answer) => {
        if (!cancelled) setCis(answer.cis.map((ci) => ({ id: ci.id, name: ci.name })));
      })
      .catch(() => {
        // Without the list the CI filter offers only "alle"; the rest still works.
      });
    return () => {
      cancelled = true;
    };
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="card trajectory-filters" onSubmit={onSubmit} aria-labelledby="filters-titel">
      <h2 id="filters-titel" className="trajectory-filters__title">
        {t('trajectories.filtersTitle')}
      </h2>
      <div className="trajectory-filters__fields">
        <FilterSelect
          id="filter-ci"
          label={t('trajectories.filterCi')}
          allLabel={t('trajectories.filterAll')}
          value={draft.ci === null ? '' : String(draft.ci)}
          options={[
            ...cis.map((ci) => ({ value: String(ci.id), label: ci.name })),
            // A CI named in the address that the list does not hold (yet) stays selectable.
            ...(draft.ci !== null && !cis.some((ci) => ci.id === draft.ci) ? [{ value: String(draft.ci), label: `#${draft.ci}` }] : []),
          ]}
          onChange={(value) => setDraft({ ...draft, ci: value === '' ? null : Number(value) })}
        />
        <FilterSelect
          id="filter-partij"
          label={t('trajectories.filterParty')}
          allLabel={t('trajectories.filterAll')}
          value={draft.party ?? ''}
          options={PARTY_OPTIONS.map((party) => ({ value: party, label: t(`trajectory.party.${party}`) }))}
          onChange={(value) => setDraft({ ...draft, party: value === '' ? null : (value as TrajectoryFilters['party']) })}
        />
        <FilterSelect
          id="filter-stand"
          label={t('trajectories.filterState')}
          allLabel={t('trajectories.filterAll')}
          value={draft.state ?? ''}
          options={TRAJECTORY_STATES.map((state) => ({ value: state, label: t(stateKey(state)) }))}
          onChange={(value) => setDraft({ ...draft, state: value === '' ? null : (value as TrajectoryFilters['state']) })}
        />
        <div className="field field--checkbox trajectory-filters__overdue">
          <label className="checkbox">
            <input type="checkbox" checked={draft.overdue} onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })} />
            <span>{t('trajectories.filterOverdue')}</span>
          </label>
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('trajectories.filterApply')}
        </button>
        {hasFilters(filters) && (
          <button type="button" className="button button--secondary" onClick={() => onApply(NO_FILTERS)}>
            {t('trajectories.filterClear')}
          </button>
        )}
      </div>
    </form>
  );
}
