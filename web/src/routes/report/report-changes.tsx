// "Wijzigingen concept → definitief": per norm whose verdict or findings changed after the
// corrections, the verdict before and after and the findings text with what was removed and added.
import type { ReportChange } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { verdictLabel } from './finding-helpers';
import { wordDiff } from './text-diff';

export function ReportChanges({ changes }: { changes: ReportChange[] }) {
  const { t } = useI18n();
  return (
    <section className="card report__changes" aria-labelledby="wijzigingen-titel">
      <h2 id="wijzigingen-titel">{t('report.changesTitle')}</h2>
      {changes.length === 0 ? (
        <p className="muted">{t('report.noChanges')}</p>
      ) : (
        <ul className="plain-list report__change-list">
          {changes.map((change) => {
            const verdictChanged = (change.before.verdict ?? null) !== (change.after.verdict ?? null);
            return (
              <li key={change.norm} className="report__change" data-norm={change.norm}>
                <h3>
                  <span className="badge">{change.norm}</span>
                </h3>
                <p>
                  {verdictChanged
                    ? t('report.verdictChanged', {
                        before: `${change.before.verdict ?? '–'} (${t(verdictLabel(change.before.verdict))})`,
                        after: `${change.after.verdict ?? '–'} (${t(verdictLabel(change.after.verdict))})`,
                      })
                    : t('report.verdictSame', { verdict: `${change.after.verdict ?? '–'} (${t(verdictLabel(change.after.verdict))})` })}
                </p>
                <p className="visually-hidden">{t('report.diffLabel', { norm: change.norm })}</p>
                <p className="report__diff">
                  {wordDiff(change.before.findings, change.after.findings).map((part, index) =>
                    part.kind === 'same' ? (
                      <span key={index}>{part.text}</span>
                    ) : part.kind === 'removed' ? (
                      <del key={index}>
                        <span className="visually-hidden">{t('report.removed')} </span>
                        {part.text}
                      </del>
                    ) : (
                      <ins key={index}>
                        <span className="visually-hidden">{t('report.added')} </span>
                        {part.text}
                      </ins>
                    ),
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
