// The home page: "Wat vraagt nu mijn actie?" across every trajectory the caller may see (the server's
// GET /api/v1/me/actions), the latest notifications below it, and beside them the profile, shortcuts,
// the e-mail language and the calendar subscription.
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Role } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/nl';
import { mayOpen } from '../../session/access';
import { useSession } from '../../session/session-context';
import { CalendarFeedSection } from './calendar-feed';
import { EmailLanguageSection } from './email-language';
import { NotificationList } from './notification-list';
import { OpenActionList } from './open-actions';
import { useLoaded } from './use-loaded';

const EMPTY_STATE: Record<Role, { title: MessageKey; body: MessageKey }> = {
  member: { title: 'home.empty.member.title', body: 'home.empty.member.body' },
  'ci-admin': { title: 'home.empty.ci-admin.title', body: 'home.empty.ci-admin.body' },
  auditor: { title: 'home.empty.auditor.title', body: 'home.empty.auditor.body' },
  secretariat: { title: 'home.empty.secretariat.title', body: 'home.empty.secretariat.body' },
  committee: { title: 'home.empty.committee.title', body: 'home.empty.committee.body' },
};

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('home.title'));
  const signedIn = session.status === 'signed-in';
  const actions = useLoaded(signedIn ? () => unwrap(api.GET('/api/v1/me/actions')).then((a) => a.actions) : null).state;
  const notifications = useLoaded(signedIn ? () => unwrap(api.GET('/api/v1/me/notifications')).then((n) => n.notifications) : null).state;
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
        <div className="home__main">
          <section className="card home__actions" aria-labelledby="actie-titel">
            <h2 id="actie-titel">{t('home.actionTitle')}</h2>
            {actions.status === 'loading' && <Loading />}
            {actions.status === 'error' && <Alert tone="error" title={t('home.actionsError')}>{actions.message}</Alert>}
            {actions.status === 'ready' && actions.data.length > 0 && <OpenActionList actions={actions.data} />}
            {actions.status === 'ready' && actions.data.length === 0 && (
              <EmptyState title={t(empty.title)}>
                <p>{t(empty.body)}</p>
              </EmptyState>
            )}
          </section>

          <section className="card home__notifications" aria-labelledby="berichten-titel">
            <h2 id="berichten-titel">{t('home.notificationsTitle')}</h2>
            {notifications.status === 'loading' && <Loading />}
            {notifications.status === 'error' && <Alert tone="error" title={t('home.notificationsError')}>{notifications.message}</Alert>}
            {notifications.status === 'ready' && notifications.data.length > 0 && <NotificationList notifications={notifications.data} />}
            {notifications.status === 'ready' && notifications.data.length === 0 && (
              <EmptyState title={t('home.notificationsEmpty')}>
                <p>{t('home.notificationsEmptyBody')}</p>
              </EmptyState>
            )}
          </section>
        </div>

        <aside className="home__side" aria-label={t('home.sideLabel')}>
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
              {mayOpen(user.role, 'calibration') && (
                <li>
                  <Link to="/kalibratie">{t('home.shortcut.calibration')}</Link>
                </li>
              )}
              {mayOpen(user.role, 'trends') && (
                <li>
                  <Link to="/trends">{t('home.shortcut.trends')}</Link>
                </li>
              )}
              {mayOpen(user.role, 'users') && (
                <li>
                  <Link to="/gebruikers">{t('home.shortcut.users')}</Link>
                </li>
              )}
              {mayOpen(user.role, 'outbox') && (
                <li>
                  <Link to="/uitgaande-post">{t('home.shortcut.outbox')}</Link>
                </li>
              )}
            </ul>
          </section>

          <EmailLanguageSection />
          <CalendarFeedSection />
        </aside>
      </div>
    </div>
  );
}
