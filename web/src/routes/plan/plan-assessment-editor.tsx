// The CI's assessment of one norm's plan item in the round being assessed: Goedgekeurd or Afgekeurd,
// with a remark (required when rejected), saved over its version like the member's item. A rejection
// is sent once its remark is written, so the member never sees "afgekeurd" without a reason.
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { api, type PlanAssessment } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave, type SaveAnswer } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';
import { assessmentValue, isAssessmentValue, isSendable, type AssessmentValue } from './plan-helpers';

export function PlanAssessmentEditor({
  trajectoryId,
  norm,
  assessment,
  onChange,
}: {
  trajectoryId: number;
  norm: string;
  assessment: PlanAssessment;
  /** The choice as shown (the page counts what is assessed and rejected). */
  onChange: (norm: string, value: AssessmentValue) => void;
}) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<AssessmentValue>({
    initial: assessmentValue(assessment),
    version: assessment.version,
    storageKey: editKey(trajectoryId, 'plan-assessment', norm),
    isValue: isAssessmentValue,
    readOnly: false,
    save: async (value, version): Promise<SaveAnswer<AssessmentValue>> => {
      const { data, error, response } = await api.PUT('/api/v1/trajectories/{id}/plan/assessments/{norm}', {
        params: { path: { id: trajectoryId, norm } },
        body: { version, approved: value.approved === true, remark: value.remark },
      });
      if (response.ok && data) return { kind: 'saved', version: data.assessment.version };
      const current = (error as { current?: PlanAssessment } | undefined)?.current;
      if (response.status === 409 && current) return { kind: 'stale', value: assessmentValue(current), version: current.version };
      throw new ApiError(response.status, error);
    },
  });
  // What is on the screen; the autosave gets it once the server would take it.
  const [shown, setShown] = useState<AssessmentValue>(autosave.value);
  const id = `beoordeling-${norm}`;
  const remarkMissing = shown.approved === false && shown.remark.trim() === '';

  function update(next: AssessmentValue, delay?: number) {
    setShown(next);
    onChange(norm, next);
    if (isSendable(next)) autosave.change(next, delay);
  }

  function takeStored() {
    if (autosave.conflict) {
      setShown(autosave.conflict.value);
      onChange(norm, autosave.conflict.value);
    }
    autosave.takeStored();
  }

  return (
    <div className="plan-assessment">
      <fieldset className="norm-answer__verdicts">
        <legend className="field__label">{t('plan.assessLegend', { code: norm })}</legend>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name={`${id}-keuze`} checked={shown.approved === true} onChange={() => update({ ...shown, approved: true }, 0)} />
            <span>{t('plan.approve')}</span>
          </label>
          <label className="radio">
            <input type="radio" name={`${id}-keuze`} checked={shown.approved === false} onChange={() => update({ ...shown, approved: false }, 0)} />
            <span>{t('plan.reject')}</span>
          </label>
        </div>
      </fieldset>
      <div className={`field${remarkMissing ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-opmerking`}>
          {t('plan.remark', { code: norm })}
        </label>
        <p className="field__hint" id={`${id}-opmerking-hint`}>
          {t('plan.remarkHint')}
        </p>
        {remarkMissing && (
          <p className="field__error" id={`${id}-opmerking-error`}>
            {t('plan.remarkRequired')}
          </p>
        )}
        <textarea
          id={`${id}-opmerking`}
          className="field__input"
          rows={3}
          value={shown.remark}
          aria-invalid={remarkMissing ? true : undefined}
          aria-describedby={`${id}-opmerking-hint${remarkMissing ? ` ${id}-opmerking-error` : ''}`}
          onChange={(event) => update({ ...shown, remark: event.target.value })}
          onBlur={autosave.flush}
        />
      </div>
      {autosave.conflict && (
        <StaleSaveChoice
          title={t('plan.assessConflictTitle', { code: norm })}
          mine={<AssessmentSummary value={shown} />}
          stored={<AssessmentSummary value={autosave.conflict.value} />}
          onKeepMine={autosave.keepMine}
          onTakeStored={takeStored}
        />
      )}
      <SaveStatus status={autosave.status} error={autosave.error} />
    </div>
  );
}

export function AssessmentSummary({ value }: { value: AssessmentValue }) {
  const { t } = useI18n();
  const outcome = value.approved === null ? t('plan.notAssessed') : value.approved ? t('plan.approved') : t('plan.rejected');
  return (
    <>
      <p className="conflict-texts__verdict">{outcome}</p>
      <p className="conflict-texts__text">{value.remark.trim() || t('stale.noText')}</p>
    </>
  );
}
