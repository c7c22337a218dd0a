// The trajectory's timeline: what happened (events) and what is due (deadlines), in date order, drawn
// as a vertical line with a marker per item. It is an ordered list whose items read as sentences, so a
// screen reader hears the same dates and statuses; the deadlines table beside it has every figure.
import type { Trajectory } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { eventDetails, formatDate, timelineItems } from './trajectory-helpers';

export function Timeline({ trajectory }: { trajectory: Trajectory }) {
  const { t, language } = useI18n();
  const items = timelineItems(trajectory);
  if (items.length === 0) {
    return <p className="muted">{t('trajectory.timelineEmpty')}</p>;
  }
  return (
    <ol className="timeline">
      {items.map((item) => {
        if (item.kind === 'event') {
          const label = t.optional(`trajectory.event.${item.event.event}`) ?? item.event.event;
          const details = eventDetails(item.event).map(([field, value]) => {
            if (field === 'reason' || field === 'number') {
              return value;
            }
            // Every other field is a date, but for the earlier certificate's number.
            return `${t(`step.${field}`)}: ${field === 'previous_number' ? value : formatDate(value, language)}`;
          });
          return (
            <li key={`e${item.event.seq}`} className="timeline__item timeline__item--event">
              <span className="timeline__marker" aria-hidden="true" />
              <p className="timeline__when">
                <span className="visually-hidden">{t('trajectory.happened')}: </span>
                <time dateTime={item.event.on}>{formatDate(item.event.on, language)}</time>
              </p>
              <p className="timeline__what">{label}</p>
              {details.length > 0 && <p className="timeline__detail muted">{details.join(' · ')}</p>}
            </li>
          );
        }
        const d = item.deadline;
        const status = t(`trajectory.deadline.${d.status}`);
        return (
          <li key={`d${d.key}${d.from}`} className={`timeline__item timeline__item--deadline timeline__item--${d.status}`}>
            <span className="timeline__marker" aria-hidden="true" />
            <p className="timeline__when">
              <span className="visually-hidden">{t('trajectory.dueItem')}: </span>
              <time dateTime={d.due}>{t('trajectory.due', { date: formatDate(d.due, language) })}</time>{' '}
              <span className={`deadline-status deadline-status--${d.status}`}>{status}</span>
            </p>
            <p className="timeline__what">
              {d.label} <span className="muted">({t(`trajectory.party.${d.actor}`)})</span>
            </p>
            <p className="timeline__detail muted">
              {d.met_on ? `${t('trajectory.metOn', { date: formatDate(d.met_on, language) })} · ` : ''}
              {t('trajectory.source', { source: d.source })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
