// "Scope en fte" (member): the calculator on its own page; the values are kept for this browser
// tab, so "Toetsing aanvragen" starts from them.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { loadScopeDraft, saveScopeDraft, type ScopeDraft } from '../registry/registry-helpers';
import { ScopeCalculator, useEstimate } from './scope-calculator';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function useScopeDraft(): [ScopeDraft, (draft: ScopeDraft) => void] {
  const [draft, setDraft] = useState<ScopeDraft>(() => loadScopeDraft(storage()));
  useEffect(() => {
    saveScopeDraft(storage(), draft);
  }, [draft]);
  return [draft, setDraft];
}

export function ScopePage() {
  const { t } = useI18n();
  const [draft, setDraft] = useScopeDraft();
  const estimate = useEstimate(draft.fte, 'ci');
  usePageTitle(t('scope.title'));

  return (
    <div className="scope">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('scope.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('scope.title')}</h1>
        <p className="lead">{t('scope.intro')}</p>
      </div>
      <ScopeCalculator draft={draft} onChange={setDraft} estimate={estimate} />
      <p className="scope__next">
        <Link className="button button--primary" to="/toetsing-aanvragen">
          {t('scope.toRequest')}
        </Link>
      </p>
    </div>
  );
}
