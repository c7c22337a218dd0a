// The member's factual corrections on the concept (feitelijke correcties): a draft per norm or Part A
// field, the drafts with "Verwijderen", and "Correcties indienen", which records corrections_received
// and so submits the drafts to the CI. Open until the window's last day.
import { forwardRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type Remark } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';
import { RecordEventButton } from './record-event-button';
import { RemarkList } from './remark-list';

export type RemarkTarget = { target: string; label: string };

export const MemberRemarks = forwardRef<
  HTMLSelectElement,
  {
    trajectoryId: number;
    remarks: Remark[];
    windowUntil: string | null;
    open: boolean;
    targets: RemarkTarget[];
    target: string;
    onTarget: (target: string) => void;
    onChanged: () => void;
  }
>(function MemberRemarks({ trajectoryId, remarks, windowUntil, open, targets, target, onTarget, onChanged }, targetRef) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<{ field: 'target' | 'text' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!target) return setError({ field: 'target', text: t('remarks.targetRequired') });
    if (!text.trim()) return setError({ field: 'text', text: t('remarks.textRequired') });
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/trajectories/{id}/remarks', { params: { path: { id: trajectoryId } }, body: { target, text: text.trim() } }));
      setText('');
      onChanged();
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setError({ field: uiError.field === 'target' || uiError.field === 'text' ? uiError.field : null, text: uiError.message });
    } finally {
      setBusy(false);
    }
  }

  async function remove(remark: Remark) {
    try {
      await unwrap(api.DELETE('/api/v1/trajectories/{id}/remarks/{remark}', { params: { path: { id: trajectoryId, remark: remark.id } } }));
      onChanged();
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setError({ field: null, text: uiError.message });
    }
  }

  const drafts = remarks.filter((r) => r.status === 'draft');
  return (
    <section className="card remarks" aria-labelledby="correcties-titel">
      <h2 id="correcties-titel">{t('remarks.memberTitle')}</h2>
      {open && <p>{windowUntil ? t('remarks.window', { date: formatDate(windowUntil, language) }) : t('remarks.intro')}</p>}
      {error && error.field === null && (
        <Alert tone="error" focus>
          {error.text}
        </Alert>
      )}
      {open && (
        <form className="form remarks__form" onSubmit={add} noValidate aria-labelledby="correcties-nieuw">
          <h3 id="correcties-nieuw">{t('remarks.newTitle')}</h3>
          <div className={`field${error?.field === 'target' ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="correctie-doel">
              {t('remarks.target')}
            </label>
            {error?.field === 'target' && (
              <p className="field__error" id="correctie-doel-error">
                {error.text}
              </p>
            )}
            <select
              ref={targetRef}
              id="correctie-doel"
              className="field__input"
              value={target}
              onChange={(e) => onTarget(e.target.value)}
              aria-invalid={error?.field === 'target' ? true : undefined}
              aria-describedby={error?.field === 'target' ? 'correctie-doel-error' : undefined}
            >
              <option value="">{t('remarks.chooseTarget')}</option>
              {targets.map((option) => (
                <option key={option.target} value={option.target}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${error?.field === 'text' ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="correctie-tekst">
              {t('remarks.text')}
            </label>
            <p className="field__hint" id="correctie-tekst-hint">
              {t('remarks.textHint')}
            </p>
            {error?.field === 'text' && (
              <p className="field__error" id="correctie-tekst-error">
                {error.text}
              </p>
            )}
            <textarea
              id="correctie-tekst"
              className="field__input"
              rows={3}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error?.field === 'text' ? true : undefined}
              aria-describedby={`correctie-tekst-hint${error?.field === 'text' ? ' correctie-tekst-error' : ''}`}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--secondary" aria-disabled={busy}>
              {t('remarks.add')}
            </button>
          </div>
        </form>
      )}
      <h3>{t('remarks.listTitle')}</h3>
      <RemarkList
        remarks={remarks}
        empty={t('remarks.none')}
        action={(remark) =>
          open && remark.status === 'draft' ? (
            <button type="button" className="button button--secondary button--small" onClick={() => remove(remark)}>
              {t('remarks.delete', { target: remark.target_label })}
            </button>
          ) : null
        }
      />
      {open && (
        <RecordEventButton
          trajectoryId={trajectoryId}
          event="corrections_received"
          label={t('remarks.submit')}
          hint={drafts.length === 0 ? t('remarks.submitNone') : t('remarks.submitHint', { count: drafts.length })}
          onRecorded={onChanged}
        />
      )}
    </section>
  );
});
