// The remarks on the concept as a list: target, text, status, the CI's answer and the dates; the
// member can withdraw a draft (`onDelete`), the CI gets a decision form per submitted one (`action`).
import type { ReactNode } from 'react';
import type { Remark } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatDate } from '../trajectories/trajectory-helpers';

export function RemarkList({ remarks, empty, action }: { remarks: Remark[]; empty: string; action?: (remark: Remark) => ReactNode }) {
  const { t, language } = useI18n();
  if (remarks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list remark-list">
      {remarks.map((remark) => (
        <li key={remark.id} className="remark" data-remark={remark.id}>
          <p className="remark__head">
            <strong>{remark.target_label}</strong>{' '}
            <span className={`status-tag remark__status remark__status--${remark.status}`}>{t(`remarks.status.${remark.status}`)}</span>
          </p>
          <p className="remark__text">{remark.text}</p>
          <p className="muted remark__dates">
            {t('remarks.createdOn', { date: formatDate(remark.created_on, language) })}
            {remark.decided_on && ` · ${t('remarks.decidedOn', { date: formatDate(remark.decided_on, language) })}`}
          </p>
          {remark.response && <p className="remark__response">{t('remarks.response', { text: remark.response })}</p>}
          {action?.(remark)}
        </li>
      ))}
    </ul>
  );
}
