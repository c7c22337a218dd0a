// One norm of the self-evaluation: the member's verdict (radio group) and explanation, saved
// automatically (a verdict at once, typing after a pause or on leaving the field). Every save sends
// the version it was edited from; when someone saved in between, the server answers 409 with the
// stored answer and this shows both texts, so the member chooses and nothing is lost.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error';
import {
  api,
  type EvidenceDocument,
  type Norm,
  type RubricProgress,
  type SelfEvaluationAnswer,
  type SelfEvaluationVerdict,
} from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/nl';
import { handleError } from '../../utils/handle-error';
import { NormEvidence } from './norm-evidence';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { AUTOSAVE_DELAY_MS } from '../../components/common/use-versioned-autosave';


const VERDICTS: { value: SelfEvaluationVerdict; label: MessageKey }[] = [
  { value: '+', label: 'selfEvaluation.verdict.met' },
  { value: '+/-', label: 'selfEvaluation.verdict.partly' },
  { value: '-', label: 'selfEvaluation.verdict.notMet' },
  { value: 'n.v.t.', label: 'selfEvaluation.verdict.notApplicable' },
];

type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export function NormAnswer({
  selfEvaluationId,
  norm,
  initial,
  readOnly,
  feedbackFrom,
  children,
  onProgress,
  onBusy,
}: {
  selfEvaluationId: number;
  norm: Norm;
  initial: SelfEvaluationAnswer;
  readOnly: boolean;
  /** The CI's name when the self-evaluation was handed to one for feedback. */
  feedbackFrom?: string;
  /** Shown under the evidence instead of the CI's feedback (the CI's own editor). */
  children?: ReactNode;
  onProgress: (progress: RubricProgress[]) => void;
  onBusy: (norm: string, busy: boolean) => void;
}) {
  const { t, language } = useI18n();
  const [verdict, setVerdict] = useState<SelfEvaluationVerdict>(initial.verdict);
  const [explanation, setExplanation] = useState(initial.explanation);
  const [evidence, setEvidence] = useState<EvidenceDocument[]>(initial.evidence ?? []);
  const [toConfirm, setToConfirm] = useState(initial.to_confirm ?? false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SelfEvaluationAnswer | null>(null);
  const version = useRef(initial.version);
  const latest = useRef({ verdict: initial.verdict, explanation: initial.explanation });
  const latestEvidence = useRef<EvidenceDocument[]>(initial.evidence ?? []);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const conflictRef = useRef<SelfEvaluationAnswer | null>(null);
  const flushRef = useRef<() => void>(() => {});

  useEffect(() => {
    onBusy(norm.code, status === 'pending' || status === 'saving' || status === 'conflict');
  }, [status]);

  async function flush() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (conflictRef.current || !dirty.current) return;
    if (inFlight.current) return; // saved again when the running save returns
    inFlight.current = true;
    dirty.current = false;
    setStatus('saving');
    const body = { ...latest.current, evidence: latestEvidence.current.map((d) => d.id), version: version.current };
    try {
      const { data, error: body409, response } = await api.PUT('/api/v1/self-evaluations/{id}/answers/{norm}', {
        params: { path: { id: selfEvaluationId, norm: norm.code } },
        body,
      });
      inFlight.current = false;
      if (response.ok && data) {
        version.current = data.version;
        onProgress(data.progress);
        setToConfirm(data.to_confirm);
        setError(null);
        if (dirty.current) {
          void flush();
        } else {
          setStatus('saved');
        }
        return;
      }
      const current = (body409 as { current?: SelfEvaluationAnswer } | undefined)?.current;
      if (response.status === 409 && current) {
        conflictRef.current = current;
        dirty.current = true; // the member's own text is still unsaved
        setConflict(current);
        setStatus('conflict');
        return;
      }
      throw new ApiError(response.status, body409);
    } catch (caught) {
      inFlight.current = false;
      dirty.current = true;
      const uiError = handleError(caught, { t, language });
      setError(uiError?.message ?? t('selfEvaluation.saveFailed'));
      setStatus('error');
    }
  }
  flushRef.current = () => void flush();

  // Leaving the page: what was typed but not yet sent is sent now.
  useEffect(() => () => {
    if (timer.current !== undefined) flushRef.current();
  }, []);

  function change(next: { verdict: SelfEvaluationVerdict; explanation: string }, delay: number) {
    latest.current = next;
    dirty.current = true;
    setVerdict(next.verdict);
    setExplanation(next.explanation);
    if (conflictRef.current) return; // the member chooses first
    setStatus('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => flushRef.current(), delay);
  }

  function changeEvidence(next: EvidenceDocument[]) {
    latestEvidence.current = next;
    setEvidence(next);
    change(latest.current, 0);
  }

  function confirm() {
    dirty.current = true;
    setStatus('pending');
    void flush();
  }

  function keepMine() {
    if (!conflictRef.current) return;
    version.current = conflictRef.current.version;
    conflictRef.current = null;
    setConflict(null);
    dirty.current = true;
    void flush();
  }

  function takeStored() {
    const stored = conflictRef.current;
    if (!stored) return;
    version.current = stored.version;
    latest.current = { verdict: stored.verdict, explanation: stored.explanation };
    latestEvidence.current = stored.evidence ?? [];
    setEvidence(latestEvidence.current);
    setToConfirm(stored.to_confirm ?? false);
    conflictRef.current = null;
    dirty.current = false;
    setConflict(null);
    setVerdict(stored.verdict);
    setExplanation(stored.explanation);
    setStatus('saved');
  }

  const id = `norm-${norm.code}`;
  const verdictLabel = (value: SelfEvaluationVerdict) =>
    value ? t(VERDICTS.find((v) => v.value === value)?.label ?? 'selfEvaluation.verdict.none') : t('selfEvaluation.verdict.none');

  return (
    <article className="card norm-answer" id={id} aria-labelledby={`${id}-title`}>
      <h3 className="norm-answer__title" id={`${id}-title`}>
        <span className="badge">{norm.code}</span> <span className="norm-answer__text" lang="nl">{norm.text}</span>
        {toConfirm && (
          <>
            {' '}
            <span className="badge badge--warning norm-answer__to-confirm">{t('selfEvaluation.toConfirm')}</span>
          </>
        )}
      </h3>
      {toConfirm && !readOnly && (
        <div className="norm-answer__confirm">
          <p className="field__hint">{t('selfEvaluation.toConfirmHint')}</p>
          <button type="button" className="button button--secondary" onClick={confirm} disabled={status === 'saving'}>
            {t('selfEvaluation.confirm')}
            <span className="visually-hidden"> {norm.code}</span>
          </button>
        </div>
      )}
      <fieldset className="norm-answer__verdicts" disabled={readOnly}>
        <legend className="field__label">{t('selfEvaluation.verdictLegend', { code: norm.code })}</legend>
        <div className="radio-row">
          {VERDICTS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={`${id}-verdict`}
                value={option.value}
                checked={verdict === option.value}
                onChange={() => change({ verdict: option.value, explanation: latest.current.explanation }, 0)}
              />
              <span>{t(option.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-explanation`}>
          {t('selfEvaluation.explanation', { code: norm.code })}
        </label>
        <textarea
          id={`${id}-explanation`}
          className="field__input norm-answer__explanation"
          rows={3}
          value={explanation}
          readOnly={readOnly}
          onChange={(event) => change({ verdict: latest.current.verdict, explanation: event.target.value }, AUTOSAVE_DELAY_MS)}
          onBlur={() => {
            if (timer.current !== undefined) flushRef.current();
          }}
        />
      </div>
      <NormEvidence
        normCode={norm.code}
        evidence={evidence}
        readOnly={readOnly}
        onAdd={(document) => changeEvidence([...latestEvidence.current.filter((d) => d.id !== document.id), document])}
        onRemove={(document) => changeEvidence(latestEvidence.current.filter((d) => d.id !== document.id))}
      />
      {children}
      {!children && feedbackFrom && (
        <div className="norm-answer__feedback">
          <h4>{t('selfEvaluation.feedback.label', { name: feedbackFrom })}</h4>
          <p className="norm-answer__feedback-text">{initial.feedback?.text || t('selfEvaluation.feedback.empty')}</p>
        </div>
      )}
      {conflict && (
        <StaleSaveChoice
          title={t('selfEvaluation.conflictTitle')}
          body={t('selfEvaluation.conflictBody')}
          mine={
            <>
              <p className="conflict-texts__verdict">{t('selfEvaluation.verdictIs', { verdict: verdictLabel(verdict) })}</p>
              <p className="conflict-texts__text">{explanation || t('selfEvaluation.noText')}</p>
            </>
          }
          stored={
            <>
              <p className="conflict-texts__verdict">{t('selfEvaluation.verdictIs', { verdict: verdictLabel(conflict.verdict) })}</p>
              <p className="conflict-texts__text">{conflict.explanation || t('selfEvaluation.noText')}</p>
            </>
          }
          onKeepMine={keepMine}
          onTakeStored={takeStored}
        />
      )}
      {!readOnly && (
        <p className={`norm-answer__status norm-answer__status--${status}`} aria-live="polite">
          {status === 'pending' && t('selfEvaluation.status.pending')}
          {status === 'saving' && t('selfEvaluation.status.saving')}
          {status === 'saved' && t('selfEvaluation.status.saved')}
          {status === 'error' && error}
        </p>
      )}
    </article>
  );
}
