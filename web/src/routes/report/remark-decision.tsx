// The CI's decision on one submitted remark. "Accepteren" shows the finding's current verdict and
// text (or the Part A field's value) to change, sent with the decision so the change and the decision
// are one version; "Afwijzen" needs a reason. When someone changed the finding in between, both
// versions are shown (StaleSaveChoice) and nothing is lost.
import { useState, type FormEvent } from 'react';
import { ApiError, unwrap } from '../../api/api-error';
import { api, type Finding, type FindingVerdict, type PartAField, type Remark } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { VERDICT_OPTIONS, verdictLabel } from './finding-helpers';
import { listItems, valueText } from './part-a-helpers';

type Mode = 'closed' | 'accept' | 'reject';
/** What the acceptance changes: a finding (verdict, reason, text) or a Part A field's value. */
type Change =
  | { kind: 'finding'; version: number; verdict: FindingVerdict | null; reason: string; text: string }
  | { kind: 'part-a'; version: number; list: boolean; text: string };

const PART_A = 'part_a.';

async function loadCurrent(trajectoryId: number, target: string): Promise<Change> {
  if (target.startsWith(PART_A)) {
    const key = target.slice(PART_A.length);
    const { fields } = await unwrap(api.GET('/api/v1/trajectories/{id}/part-a', { params: { path: { id: trajectoryId } } }));
    const field = fields.find((f) => f.key === key);
    return fromField(field);
  }
  const { findings } = await unwrap(api.GET('/api/v1/trajectories/{id}/findings', { params: { path: { id: trajectoryId } } }));
  return fromFinding(findings.find((f) => f.norm === target));
}

function fromField(field: PartAField | undefined): Change {
  return { kind: 'part-a', version: field?.version ?? 0, list: field?.kind === 'list', text: field ? valueText(field.value) : '' };
}

function fromFinding(finding: Finding | undefined): Change {
  return { kind: 'finding', version: finding?.version ?? 0, verdict: finding?.verdict ?? null, reason: finding?.reason ?? '', text: finding?.text ?? '' };
}

export function RemarkDecision({ trajectoryId, remark, onDecided }: { trajectoryId: number; remark: Remark; onDecided: () => void }) {
  const { t, language } = useI18n();
  const [mode, setMode] = useState<Mode>('closed');
  const [change, setChange] = useState<Change | null>(null);
  const [stale, setStale] = useState<Change | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: 'reason' | null; text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `besluit-${remark.id}`;

  const fail = (caught: unknown) => {
    const uiError = handleError(caught, { t, language });
    if (uiError) setError({ field: uiError.field === 'reason' ? 'reason' : null, text: uiError.message, key: Date.now() });
  };

  async function openAccept() {
    setMode('accept');
    setError(null);
    try {
      setChange(await loadCurrent(trajectoryId, remark.target));
    } catch (caught) {
      fail(caught);
    }
  }

  async function decide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || stale) return;
    if (mode === 'reject' && !reason.trim()) {
      setError({ field: 'reason', text: t('remarks.reasonRequired'), key: Date.now() });
      return;
    }
    if (mode === 'accept' && !change) return;
    const body =
      mode === 'reject'
        ? { decision: 'rejected' as const, reason: reason.trim() }
        : change!.kind === 'finding'
          ? { decision: 'accepted' as const, finding: { version: change!.version, verdict: change!.verdict, reason: change!.verdict === 'n.v.t.' ? change!.reason : '', text: change!.text } }
          : { decision: 'accepted' as const, value: change!.list ? listItems(change!.text.split('\n')) : change!.text };
    setBusy(true);
    setError(null);
    try {
      const { error: answer, response } = await api.POST('/api/v1/trajectories/{id}/remarks/{remark}/decision', {
        params: { path: { id: trajectoryId, remark: remark.id } },
        body,
      });
      if (response.ok) {
        onDecided();
        return;
      }
      const current = (answer as { current?: Finding } | undefined)?.current;
      if (response.status === 409 && current) {
        setStale(fromFinding(current));
        return;
      }
      throw new ApiError(response.status, answer);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  if (mode === 'closed') {
    return (
      <div className="form__actions remark__actions">
        <button type="button" className="button button--primary button--small" onClick={openAccept}>
          {t('remarks.accept', { target: remark.target_label })}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setMode('reject')}>
          {t('remarks.reject', { target: remark.target_label })}
        </button>
      </div>
    );
  }

  const summary = (c: Change) => (
    <>
      {c.kind === 'finding' && <p className="conflict-texts__verdict">{t('findings.verdictIs', { verdict: t(verdictLabel(c.verdict)) })}</p>}
      <p className="conflict-texts__text">{c.text || t('stale.noText')}</p>
    </>
  );

  return (
    <form className="form remark__decision" onSubmit={decide} noValidate aria-label={t(mode === 'accept' ? 'remarks.acceptTitle' : 'remarks.rejectTitle', { target: remark.target_label })}>
      {error && error.field === null && (
        <Alert key={error.key} tone="error" focus>
          {error.text}
        </Alert>
      )}
      {mode === 'reject' && (
        <div className={`field${error?.field === 'reason' ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-reden`}>
            {t('remarks.reason')}
          </label>
          {error?.field === 'reason' && (
            <p className="field__error" id={`${id}-reden-error`}>
              {error.text}
            </p>
          )}
          <textarea
            id={`${id}-reden`}
            className="field__input"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error?.field === 'reason' ? true : undefined}
            aria-describedby={error?.field === 'reason' ? `${id}-reden-error` : undefined}
          />
        </div>
      )}
      {mode === 'accept' && change?.kind === 'finding' && (
        <fieldset className="norm-answer__verdicts">
          <legend className="field__label">{t('findings.verdictLegend', { code: remark.target })}</legend>
          <div className="radio-row">
            {VERDICT_OPTIONS.map((option) => (
              <label key={option.value ?? 'none'} className="radio">
                <input type="radio" name={`${id}-oordeel`} checked={change.verdict === option.value} onChange={() => setChange({ ...change, verdict: option.value })} />
                <span>{t(option.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {mode === 'accept' && change?.kind === 'finding' && change.verdict === 'n.v.t.' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-nvt`}>
            {t('findings.reason', { code: remark.target })}
          </label>
          <input id={`${id}-nvt`} className="field__input" value={change.reason} onChange={(e) => setChange({ ...change, reason: e.target.value })} />
        </div>
      )}
      {mode === 'accept' && change && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tekst`}>
            {change.kind === 'finding' ? t('remarks.newFindings', { target: remark.target_label }) : t('remarks.newValue', { target: remark.target_label })}
          </label>
          {change.kind === 'part-a' && change.list && (
            <p className="field__hint" id={`${id}-tekst-hint`}>
              {t('remarks.onePerLine')}
            </p>
          )}
          <textarea
            id={`${id}-tekst`}
            className="field__input"
            rows={5}
            value={change.text}
            onChange={(e) => setChange({ ...change, text: e.target.value })}
            aria-describedby={change.kind === 'part-a' && change.list ? `${id}-tekst-hint` : undefined}
          />
        </div>
      )}
      {stale && change && (
        <StaleSaveChoice
          title={t('remarks.staleTitle', { target: remark.target_label })}
          mine={summary(change)}
          stored={summary(stale)}
          onKeepMine={() => {
            setChange({ ...change, version: stale.version });
            setStale(null);
          }}
          onTakeStored={() => {
            setChange(stale);
            setStale(null);
          }}
        />
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || (mode === 'accept' && !change) || stale !== null}>
          {mode === 'accept' ? t('remarks.acceptSubmit') : t('remarks.rejectSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => { setMode('closed'); setError(null); setStale(null); }}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
