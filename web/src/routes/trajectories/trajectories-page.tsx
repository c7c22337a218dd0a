// "Trajecten": the trajectories the caller may see (the server decides which), each with its state
// and the next open action; an overdue one is marked. A table that stacks into cards on a phone.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
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
import { formatDate, nextAction, stateKey } from './trajectory-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; trajectories: Trajectory[] };

export function TrajectoriesPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  usePageTitle(t('trajectories.title'));

  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/trajectories'))
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
    // Loaded once; t and language only shape an error message.
  }, []);

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
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('trajectories.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && state.trajectories.length === 0 && (
        <div className="card">
          <EmptyState title={t('trajectories.empty')}>
            <p>{t('trajectories.emptyBody')}</p>
          </EmptyState>
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
                return (
                  <tr key={trajectory.id} className={late ? 'trajectories__row--late' : undefined}>
                    <th scope="row">
                      <Link to={`/trajecten/${trajectory.id}`} aria-label={t('trajectories.open', { member: trajectory.member.name })}>
                        {trajectory.member.name}
                      </Link>
                      {reportLinks(trajectory.id, trajectory.state, role).length > 0 && (
                        <ul className="link-list link-list--inline trajectories__report">
                          {reportLinks(trajectory.id, trajectory.state, role).map((link) => (
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
