// The plan's earlier rounds, read-only for everyone: when each was handed in and assessed, the
// outcome, and per norm what was written and the CI's remark (a small timeline, newest last).
import type { PlanRound } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { formatDate } from '../trajectories/trajectory-helpers';
import { PlanItemSummary } from './plan-item-editor';
import { planItemValue } from './plan-helpers';

export function PlanRounds({ rounds }: { rounds: PlanRound[] }) {
  const { t, language } = useI18n();
  if (rounds.length === 0) {
    return <p className="muted">{t('plan.roundsEmpty')}</p>;
  }
  return (
    <ol className="plan-rounds">
      {rounds.map((round) => (
        <li key={round.round} className="plan-rounds__round" data-testid={`round-${round.round}`}>
          <h3 className="plan-rounds__title">{t(round.round === 1 ? 'plan.round1' : 'plan.roundN', { round: round.round })}</h3>
          <p>
            {t('plan.submittedOn', { date: formatDate(round.submitted_on, language) })}
            {round.assessed_on && ` · ${t('plan.assessedOn', { date: formatDate(round.assessed_on, language) })}`}
          </p>
          <p>
            <span className={`status-tag plan-outcome plan-outcome--${round.outcome ?? 'open'}`}>
              {round.outcome === 'approved' ? t('plan.outcome.approved') : round.outcome === 'rejected' ? t('plan.outcome.rejected') : t('plan.outcome.open')}
            </span>
          </p>
          <details className="plan-rounds__details">
            <summary>{t('plan.roundItems', { count: round.items.length })}</summary>
            <ul className="plain-list">
              {round.items.map((item) => (
                <li key={item.norm} className="plan-rounds__item">
                  <p>
                    <span className="badge">{item.norm}</span>{' '}
                    {item.approved === true ? t('plan.approved') : item.approved === false ? t('plan.rejected') : t('plan.notAssessed')}
                  </p>
                  {item.remark.trim() !== '' && <p className="plan-rounds__remark">{t('plan.remarkIs', { remark: item.remark })}</p>}
                  <PlanItemSummary value={planItemValue(item)} />
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
