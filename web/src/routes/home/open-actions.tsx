// "Wat vraagt nu mijn actie?": the caller's open actions across its trajectories as the server lists
// them (GET /api/v1/me/actions: overdue first, then by due date), each with the due date and its
// weekday, the handbook source and a link to the trajectory.
import { Link } from 'react-router';
import type { OpenAction } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatDate } from '../trajectories/trajectory-helpers';

export function OpenActionList({ actions }: { actions: OpenAction[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="action-list home__action-list" aria-label={t('home.actionsCaption')}>
      {actions.map((action) => {
        const late = action.status === 'overdue';
        return (
          <li
            key={`${action.trajectory_id}-${action.actor}-${action.key}-${action.due ?? ''}`}
            className={late ? 'action-list__item action-list__item--late' : 'action-list__item'}
          >
            <Link to={`/trajecten/${action.trajectory_id}`} className="action-list__todo">
              {action.todo}
            </Link>
            <span className="action-list__for">{t('home.actionFor', { member: action.member.name, ci: action.ci.name })}</span>
            <span className="action-list__due">
              {late && <strong className="overdue-tag">{t('trajectory.overdue')}</strong>}
              {action.status === 'due-today' && <strong className="overdue-tag overdue-tag--today">{t('home.dueToday')}</strong>}{' '}
              {action.due ? t('trajectory.due', { date: formatDate(action.due, language) }) : t('trajectory.noDue')}
            </span>
            {action.source && <span className="action-list__source muted">{t('trajectory.source', { source: action.source })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
