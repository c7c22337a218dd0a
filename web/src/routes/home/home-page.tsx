import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Party, type Role } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/nl';
import { mayOpen } from '../../session/access';
import { useSession } from '../../session/session-context';
import { handleError } from '../../utils/handle-error';
import { actionsFor, formatDate, partyOf, type PartyAction } from '../trajectories/trajectory-helpers';

const EMPTY_STATE: Record<Role, { title: MessageKey; body: MessageKey }> = {
  member: { title: 'home.empty.member.title', body: 'home.empty.member.body' },
  'ci-admin': { title: 'home.empty.ci-admin.title', body: 'home.empty.ci-admin.body' },
  auditor: { title: 'home.empty.auditor.title', body: 'home.empty.auditor.body' },
  secretariat: { title: 'home.empty.secretariat.title', body: 'home.empty.secretariat.body' },
  committee: { title: 'home.empty.committee.title', body: 'home.empty.committee.body' },
};

type ActionsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; actions: PartyAction[] };

/** The open actions of the caller's party across the trajectories it may see (none for the committee). */
function usePartyActions(party: Party | null): ActionsState {
  const { t, language } = useI18n();
  const [state, setState] = useState<ActionsState>(party ? { status: 'loading' } : { status: 'ready', actions: [] });
  useEffect(() => {
    if (!party) {
      setState({ status: 'ready', actions: [] });
      return;
    }
    let cancelled = false;
    unwrap(api.GET('/api/v1/trajectories'))
      .then(({ trajectories }) => {
        if (!cancelled) {
          setState({ status: 'ready', actions: actionsFor(trajectories, party) });
        }
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', message: uiError.message });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded per party; t and language only shape an error message.
  }, [party]);
  return state;
}

function ActionList({ actions }: { actions: PartyAction[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="action-list home__action-list" aria-label={t('home.actionsCaption')}>
      {actions.map(({ trajectory, action, source, overdue }) => (
        <li key={`${trajectory.id}-${action.key}-${action.due ?? ''}`} className={overdue ? 'action-list__item action-list__item--late' : 'action-list__item'}>
          <Link to={`/trajecten/${trajectory.id}`} className="action-list__todo">
            {action.todo}
          </Link>
          <span className="action-list__for">{t('home.actionFor', { member: trajectory.member.name, ci: trajectory.ci.name })}</span>
          <span className="action-list__due">
            {overdue && <strong className="overdue-tag">{t('trajectory.overdue')}</strong>}{' '}
            {action.due ? t('trajectory.due', { date: formatDate(action.due, language) }) : t('trajectory.noDue')}
          </span>
          {source && <span className="action-list__source muted">{t('trajectory.source', { source })}</span>}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('home.title'));
  const party = session.status === 'signed-in' ? partyOf(session.user.role) : null;
  const actions = usePartyActions(party);
  if (session.status !== 'signed-in') {
    return null;
  }
  const { user, organisation } = session;
  const empty = EMPTY_STATE[user.role];

  return (
    <div className="home">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t(`role.${user.role}`)}</p>
        <h1 tabIndex={-1}>{t('home.welcome', { name: user.name })}</h1>
      </div>

      <div className="home__grid">
        <section className="card home__actions" aria-labelledby="actie-titel">
          <h2 id="actie-titel">{t('home.actionTitle')}</h2>
          {actions.status === 'loading' && <Loading />}
          {actions.status === 'error' && <Alert tone="error" title={t('home.actionsError')}>{actions.message}</Alert>}
          {actions.status === 'ready' && actions.actions.length > 0 && <ActionList actions={actions.actions} />}
          {actions.status === 'ready' && actions.actions.length === 0 && (
            <EmptyState title={t(empty.title)}>
              <p>{t(empty.body)}</p>
            </EmptyState>
          )}
        </section>

        <aside className="home__side" aria-label={t('home.profileTitle')}>
          <section className="card" aria-labelledby="profiel-titel">
            <h2 id="profiel-titel">{t('home.profileTitle')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('home.name')}</dt>
                <dd>{user.name}</dd>
              </div>
              <div>
                <dt>{t('home.email')}</dt>
                <dd>{user.email}</dd>
              </div>
              <div>
                <dt>{t('home.role')}</dt>
                <dd>{t(`role.${user.role}`)}</dd>
              </div>
              <div>
                <dt>{t('home.organisation')}</dt>
                <dd>
                  {organisation ? (
                    <>
                      {organisation.name}
                      {(organisation.lidnummer || organisation.city) && (
                        <span className="facts__extra">
                          {[organisation.lidnummer && t('home.lidnummer', { lidnummer: organisation.lidnummer }), organisation.city]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      )}
                    </>
                  ) : (
                    t('home.noOrganisation')
                  )}
                </dd>
              </div>
            </dl>
          </section>

          <section className="card" aria-labelledby="snel-titel">
            <h2 id="snel-titel">{t('home.shortcutsTitle')}</h2>
            <ul className="link-list">
              <li>
                <Link to="/normenkader">{t('home.shortcut.framework')}</Link>
              </li>
              {mayOpen(user.role, 'selfEvaluation') && (
                <li>
                  <Link to="/zelfevaluatie">{t('home.shortcut.selfEvaluation')}</Link>
                </li>
              )}
              {mayOpen(user.role, 'trajectories') && (
                <li>
                  <Link to="/trajecten">{t('home.shortcut.trajectories')}</Link>
                </li>
              )}
              {mayOpen(user.role, 'users') && (
                <li>
                  <Link to="/gebruikers">{t('home.shortcut.users')}</Link>
                </li>
              )}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
