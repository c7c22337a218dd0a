// The CI's feedback on one norm of a self-evaluation handed to it: a text saved after a pause
// over the version it was edited from, like the member's answer (norm-answer.tsx). When someone
// else of the CI saved in between, the server answers 409 with the stored text and this shows both,
// so nothing typed is lost.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { AUTOSAVE_DELAY_MS } from '../../components/common/use-versioned-autosave';

type Feedback = { norm: string; text: string; version: number };
type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export function NormFeedbackEditor({
  selfEvaluationId,
  normCode,
  initial,
}: {
  selfEvaluationId: number;
  normCode: string;
  initial: Feedback | null | undefined;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState(initial?.text ?? '');
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Feedback | null>(null);
  const version = useRef(initial?.version ?? 0);
  const latest = useRef(initial?.text ?? '');
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const conflictRef = useRef<Feedback | null>(null);
  const flushRef = useRef<() => void>(() => {});

  async function flush() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (conflictRef.current || !dirty.current || inFlight.current) return;
    inFlight.current = true;
    dirty.current = false;
    setStatus('saving');
    try {
      const { data, error: body409, response } = await api.PUT('/api/v1/self-evaluations/{id}/feedback/{norm}', {
        params: { path: { id: selfEvaluationId, norm: normCode } },
        body: { text: latest.current, version: version.current },
      });
      inFlight.current = false;
      if (response.ok && data) {
        version.current = data.version;
        setError(null);
        if (dirty.current) void flush();
        else setStatus('saved');
        return;
      }
      const current = (body409 as { current?: Feedback } | undefined)?.current;
      if (response.status === 409 && current) {
        conflictRef.current = current;
        dirty.current = true;
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

  useEffect(() => () => {
    if (timer.current !== undefined) flushRef.current();
  }, []);

  function change(next: string) {
    latest.current = next;
    dirty.current = true;
    setText(next);
    if (conflictRef.current) return;
    setStatus('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => flushRef.current(), AUTOSAVE_DELAY_MS);
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
    latest.current = stored.text;
    conflictRef.current = null;
    dirty.current = false;
    setConflict(null);
    setText(stored.text);
    setStatus('saved');
  }

  const id = `norm-${normCode}-feedback`;
  return (
    <div className="norm-answer__feedback">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('selfEvaluation.feedback.give', { code: normCode })}
        </label>
        <textarea
          id={id}
          className="field__input"
          rows={3}
          value={text}
          onChange={(event) => change(event.target.value)}
          onBlur={() => {
            if (timer.current !== undefined) void flush();
          }}
        />
      </div>
      {conflict && (
        <StaleSaveChoice
          title={t('selfEvaluation.feedback.conflictTitle')}
          mine={<p className="conflict-texts__text">{text || t('selfEvaluation.noText')}</p>}
          stored={<p className="conflict-texts__text">{conflict.text || t('selfEvaluation.noText')}</p>}
          onKeepMine={keepMine}
          onTakeStored={takeStored}
        />
      )}
      <p className={`norm-answer__status norm-answer__status--${status}`} aria-live="polite">
        {status === 'pending' && t('selfEvaluation.status.pending')}
        {status === 'saving' && t('selfEvaluation.status.saving')}
        {status === 'saved' && t('selfEvaluation.status.saved')}
        {status === 'error' && error}
      </p>
    </div>
  );
}
