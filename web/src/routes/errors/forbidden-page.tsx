import { Link } from 'react-router';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';

/** Shown in place of a page the signed-in role may not open (the address stays as it was). */
export function ForbiddenPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('forbidden.title'));
  return (
    <div className="status-page">
      <p className="page-heading__eyebrow">{t('forbidden.code')}</p>
      <h1 tabIndex={-1}>{t('forbidden.title')}</h1>
      <p className="lead">
        {session.status === 'signed-in'
          ? t('forbidden.bodyRole', { role: t(`role.${session.user.role}`) })
          : t('forbidden.body')}
      </p>
      <p>{t('forbidden.help')}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t('common.toHome')}
        </Link>
      </p>
    </div>
  );
}
