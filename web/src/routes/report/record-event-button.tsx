// A step of the route recorded from a report page, today, without a payload: the member's
// "Correcties indienen" (corrections_received submits its draft remarks) and the CI's "Bevindingen
// definitief maken" (findings_final takes the verdicts from the stored findings). A refusal shows the
// rule's reason (e.g. a remark still undecided) next to the button. The improvement plan's page uses
// it for the member's "Verbeterplan indienen" (plan_submitted, or revision_submitted after a rejection),
// the additional audit's page for the team's "Aanvullende toetsing afsluiten" (additional_audit_held).
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { reasonText, todayIso } from '../trajectories/trajectory-helpers';

export function RecordEventButton({
  trajectoryId,
  event,
  label,
  hint,
  onRecorded,
  onRefused,
}: {
  trajectoryId: number;
  event: 'corrections_received' | 'findings_final' | 'plan_submitted' | 'revision_submitted' | 'additional_audit_held';
  label: string;
  hint: string;
  onRecorded: () => void;
  /** After a refusal, e.g. to load again what the refusal names. */
  onRefused?: () => void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; key: number } | null>(null);

  async function record() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(api.POST('/api/v1/trajectories/{id}/events', { params: { path: { id: trajectoryId } }, body: { event, on: todayIso() } }));
      onRecorded();
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) setFailure({ text: language === 'nl' ? reasonText(uiError.message) : uiError.message, key: Date.now() });
      onRefused?.();
    } finally {
      setBusy(false);
    }
  }

  const hintId = `vastleggen-${event}-hint`;
  return (
    <div className="record-event">
      {failure && (
        <Alert key={failure.key} tone="error" title={t('step.failed')} focus>
          <p>{failure.text}</p>
        </Alert>
      )}
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      <button type="button" className="button button--primary" aria-disabled={busy} aria-describedby={hintId} onClick={record}>
        {label}
      </button>
    </div>
  );
}
