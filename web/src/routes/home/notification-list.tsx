// The latest notifications written for the caller (the same messages as its e-mails), newest first:
// subject, when, the text folded away, and a link to the page it is about.
import { Link } from 'react-router';
import type { AppNotification } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoment } from './home-helpers';

export const NOTIFICATIONS_SHOWN = 8;

export function NotificationList({ notifications }: { notifications: AppNotification[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="notification-list" aria-label={t('home.notificationsCaption')}>
      {notifications.slice(0, NOTIFICATIONS_SHOWN).map((n) => (
        <li key={n.id} className="notification-list__item">
          <p className="notification-list__subject">
            {n.link.startsWith('/') ? <Link to={n.link}>{n.subject}</Link> : n.subject}
          </p>
          <p className="muted notification-list__when">
            <time dateTime={new Date(n.created_at * 1000).toISOString()}>{formatMoment(n.created_at, language)}</time>
          </p>
          {n.body.trim() !== '' && (
            <details className="notification-list__body">
              <summary>{t('home.notificationText')}</summary>
              <p>{n.body}</p>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
