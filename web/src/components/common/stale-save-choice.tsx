// The both-texts choice after a stale save: someone else saved the same thing since it was opened
// (the server answered 409 with what it has), so nothing is overwritten. Both versions are shown side
// by side and the user keeps one; the other is not lost until then. Used by every versioned editor:
// the self-evaluation, the CI's feedback, the findings and Part A.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';

export function StaleSaveChoice({
  title,
  body,
  mine,
  stored,
  onKeepMine,
  onTakeStored,
}: {
  title: string;
  /** Defaults to "your change is not saved yet; choose which text to keep". */
  body?: string;
  mine: ReactNode;
  stored: ReactNode;
  onKeepMine: () => void;
  onTakeStored: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="alert alert--error norm-answer__conflict stale-choice" role="alert">
      <p className="alert__title">{title}</p>
      <div className="alert__body">
        <p>{body ?? t('stale.body')}</p>
        <div className="conflict-texts">
          <section aria-label={t('stale.yourText')}>
            <h4>{t('stale.yourText')}</h4>
            {mine}
          </section>
          <section aria-label={t('stale.storedText')}>
            <h4>{t('stale.storedText')}</h4>
            {stored}
          </section>
        </div>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onKeepMine}>
            {t('stale.keepMine')}
          </button>
          <button type="button" className="button button--secondary" onClick={onTakeStored}>
            {t('stale.takeStored')}
          </button>
        </div>
      </div>
    </div>
  );
}
