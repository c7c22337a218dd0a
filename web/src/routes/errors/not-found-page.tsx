import { Link } from 'react-router';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';

export function NotFoundPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('notFound.title'));
  return (
    <div className="status-page">
      <p className="page-heading__eyebrow">{t('notFound.code')}</p>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <ul className="link-list link-list--inline">
        <li>
          <Link to={session.status === 'signed-in' ? '/' : '/inloggen'}>
            {session.status === 'signed-in' ? t('common.toHome') : t('common.toLogin')}
          </Link>
        </li>
        <li>
          <Link to="/normenkader">{t('notFound.toFramework')}</Link>
        </li>
      </ul>
    </div>
  );
}
