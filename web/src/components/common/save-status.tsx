// One editor's save state in words, announced politely: "Wordt opgeslagen…", "Opgeslagen",
// "Niet verbonden – bewaard op dit apparaat", or the error the save met.
import { useI18n } from '../../i18n/i18n-context';
import type { SaveStatus as Status } from './use-versioned-autosave';

export function SaveStatus({ status, error, id }: { status: Status; error: string | null; id?: string }) {
  const { t } = useI18n();
  let text = '';
  if (status === 'pending') text = t('autosave.pending');
  else if (status === 'saving') text = t('autosave.saving');
  else if (status === 'saved') text = t('autosave.saved');
  else if (status === 'offline') text = t('autosave.offline');
  else if (status === 'error' || status === 'closed') text = error ?? t('autosave.failed');
  const tone = status === 'error' || status === 'closed' ? 'error' : status;
  return (
    <p id={id} className={`norm-answer__status norm-answer__status--${tone} save-status`} aria-live="polite" data-status={status}>
      {text}
    </p>
  );
}
