import { useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type Organisation, type User } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; users: User[]; organisations: Map<number, Organisation> };

export function UsersPage() {
  const { t, language } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  usePageTitle(t('users.title'));

  useEffect(() => {
    let cancelled = false;
    Promise.all([unwrap(api.GET('/api/v1/users')), unwrap(api.GET('/api/v1/organisations'))])
      .then(([{ users }, { organisations }]) => {
        if (!cancelled) {
          const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
          setState({ status: 'ready', users, organisations: byId });
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
    <div className="users">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('users.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('users.title')}</h1>
        <p className="lead">{t('users.intro')}</p>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('users.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && state.users.length === 0 && <EmptyState title={t('users.empty')} />}
      {state.status === 'ready' && state.users.length > 0 && (
        <div className="table-wrap card" role="region" aria-labelledby="gebruikers-caption" tabIndex={0}>
          <table className="table">
            <caption id="gebruikers-caption">{t('users.caption', { count: state.users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.organisation')}</th>
              </tr>
            </thead>
            <tbody>
              {state.users.map((user) => {
                const organisation = user.organisation_id != null ? state.organisations.get(user.organisation_id) : undefined;
                return (
                  <tr key={user.id}>
                    <th scope="row">{user.name}</th>
                    <td>
                      <a href={`mailto:${user.email}`}>{user.email}</a>
                    </td>
                    <td>
                      <span className={`role-tag role-tag--${user.role}`}>{t(`role.${user.role}`)}</span>
                    </td>
                    <td>
                      {organisation ? organisation.name : <span className="muted">{t('users.noOrganisation')}</span>}
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
