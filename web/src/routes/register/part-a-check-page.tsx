// "/trajecten/:id/deel-a-controle", the secretariat's check of Part A (issue 11; LIFECYCLE.md §2
// "check"; B6 §13–§15): the checklist the server computes (GET part-a-check: every item in order or
// not, with its problems), and the steps in their order: "Onvolledig: terug naar de CI" with remarks
// (part_a_found_incomplete with the remarks as its reason, then part_a_returned), "Ontvangst
// bevestigen" (receipt_confirmed, which the server refuses while Part A is incomplete: its reason is
// shown), then "Certificaat uitgeven" (certificate_issued; the server numbers it). The CI of the
// trajectory reads the same checklist; only the secretariat records.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Trajectory } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { describeError, handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { NotFoundPage } from '../errors/not-found-page';
import { reasonText, todayIso } from '../trajectories/trajectory-helpers';
import { partAStage, type PartACheck } from './register-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; trajectory: Trajectory; check: PartACheck };

export function PartACheckPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const params = useParams();
  const id = /^[1-9]\d*$/.test(params.id ?? '') ? Number(params.id) : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; title: string; body?: string; key: number } | null>(null);
  const [remarks, setRemarks] = useState<string | null>(null);
  const [remarksError, setRemarksError] = useState<string | null>(null);
  const remarksRef = useRef<HTMLTextAreaElement>(null);
  usePageTitle(state.status === 'ready' ? `${t('partACheck.title')}: ${state.trajectory.member.name}` : t('partACheck.title'));
  const secretariat = session.status === 'signed-in' && session.user.role === 'secretariat';

  async function load(trajectoryId: number): Promise<LoadState> {
    const [trajectory, check] = await Promise.all([
      unwrap(api.GET('/api/v1/trajectories/{id}', { params: { path: { id: trajectoryId } } })),
      unwrap(api.GET('/api/v1/trajectories/{id}/part-a-check', { params: { path: { id: trajectoryId } } })),
    ]);
    return { status: 'ready', trajectory, check };
  }

  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    load(id)
      .then((next) => !cancelled && setState(next))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) setState({ status: 'error', error: uiError });
      });
    return () => {
      cancelled = true;
    };
    // Loaded per id; t and language only shape an error message.
  }, [id]);

  if (id === null || (state.status === 'error' && state.error.kind === 'not-found')) {
    return <NotFoundPage />;
  }
  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  const heading = (
    <>
      <p className="trajectory__back">
        <Link to={`/trajecten/${id}`}>{t('partACheck.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{state.status === 'ready' ? state.trajectory.member.name : t('trajectories.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('partACheck.title')}</h1>
        <p className="lead">{t('partACheck.intro')}</p>
      </div>
    </>
  );
  if (state.status !== 'ready') {
    return (
      <div className="part-a-check">
        {heading}
        {state.status === 'loading' ? <Loading /> : <Alert tone="error" title={t('trajectory.loadError')}>{state.error.message}</Alert>}
      </div>
    );
  }

  const { trajectory, check } = state;
  const stage = partAStage(trajectory.events ?? []);
  const remarksText = remarks ?? check.remarks.join('\n');
  const trajectoryId = trajectory.id;

  /** Records the events in order; stops at the first refusal and shows the server's reason. */
  async function record(events: { event: string; reason?: string }[], success: (next: Trajectory) => string) {
    setBusy(true);
    setOutcome(null);
    try {
      let next = trajectory;
      for (const e of events) {
        next = await unwrap(api.POST('/api/v1/trajectories/{id}/events', { params: { path: { id: trajectoryId } }, body: { ...e, on: todayIso() } }));
      }
      const reloaded = await load(trajectoryId);
      setState(reloaded);
      setRemarks(null);
      setOutcome({ tone: 'success', title: success(reloaded.status === 'ready' ? reloaded.trajectory : next), key: Date.now() });
    } catch (error) {
      const uiError = describeError(error, { t, language });
      if (uiError.kind === 'unauthenticated') {
        handleError(error, { t, language });
        return;
      }
      // What was recorded before the refusal shows on the reloaded page.
      load(trajectoryId).then(setState, () => undefined);
      setOutcome({ tone: 'error', title: t('partACheck.refused'), body: reasonText(uiError.message), key: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  function onReturn(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (remarksText.trim() === '') {
      setRemarksError(t('partACheck.remarksRequired'));
      remarksRef.current?.focus();
      return;
    }
    setRemarksError(null);
    void record(
      [
        { event: 'part_a_found_incomplete', reason: remarksText.trim() },
        { event: 'part_a_returned' },
      ],
      () => t('partACheck.returned'),
    );
  }

  return (
    <div className="part-a-check">
      {heading}
      {outcome && (
        <Alert key={outcome.key} tone={outcome.tone} title={outcome.title} focus>
          {outcome.body}
        </Alert>
      )}

      <p className="part-a-check__stage" data-testid="part-a-stage">
        {t(`partACheck.stage.${stage}`)}
        {stage === 'issued' && trajectory.certificate?.number && (
          <>
            {' '}
            <Link to={`/register/${encodeURIComponent(trajectory.certificate.number)}`}>{trajectory.certificate.number}</Link>
          </>
        )}
      </p>

      <section className="card" aria-labelledby="checklist-titel">
        <h2 id="checklist-titel">{t('partACheck.checklist')}</h2>
        <p className={check.complete ? 'part-a-check__summary part-a-check__summary--ok' : 'part-a-check__summary part-a-check__summary--bad'} data-testid="part-a-complete">
          {check.complete ? t('partACheck.complete') : t('partACheck.incomplete')}
        </p>
        <ul className="checklist" data-testid="part-a-checklist">
          {check.items.map((item) => (
            <li key={item.key} className={`checklist__item checklist__item--${item.ok ? 'ok' : 'bad'}`}>
              <p className="checklist__label">
                <span className="checklist__icon" aria-hidden="true">
                  {item.ok ? '✓' : '✗'}
                </span>
                {item.label}: <strong>{item.ok ? t('partACheck.ok') : t('partACheck.notOk')}</strong>
              </p>
              {item.problems.length > 0 && (
                <ul className="checklist__problems">
                  {item.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      {!secretariat && <p className="muted">{t('partACheck.readOnly')}</p>}

      {secretariat && (stage === 'to-check' || stage === 'found-incomplete' || stage === 'confirmed') && (
        <section className="card part-a-check__actions" aria-labelledby="vastleggen-titel">
          <h2 id="vastleggen-titel">{t('partACheck.actionsTitle')}</h2>

          {stage === 'to-check' && (
            <>
              <form className="form" onSubmit={onReturn} noValidate>
                <div className={`field${remarksError ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor="deel-a-opmerkingen">
                    {t('partACheck.remarks')}
                  </label>
                  <p className="field__hint" id="deel-a-opmerkingen-hint">
                    {t('partACheck.remarksHint')}
                  </p>
                  {remarksError && (
                    <p className="field__error" id="deel-a-opmerkingen-error">
                      <span className="visually-hidden">{`${t('partACheck.remarks')}: `}</span>
                      {remarksError}
                    </p>
                  )}
                  <textarea
                    ref={remarksRef}
                    id="deel-a-opmerkingen"
                    className="field__input"
                    rows={Math.min(10, Math.max(4, remarksText.split('\n').length + 1))}
                    value={remarksText}
                    onChange={(event) => setRemarks(event.target.value)}
                    aria-invalid={remarksError ? true : undefined}
                    aria-describedby={`deel-a-opmerkingen-hint${remarksError ? ' deel-a-opmerkingen-error' : ''}`}
                  />
                </div>
                <div className="form__actions">
                  <button type="submit" className="button button--secondary" aria-disabled={busy}>
                    {t('partACheck.return')}
                  </button>
                </div>
              </form>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  aria-disabled={busy}
                  onClick={() => !busy && void record([{ event: 'receipt_confirmed' }], () => t('partACheck.confirmed'))}
                >
                  {t('partACheck.confirm')}
                </button>
              </div>
            </>
          )}

          {stage === 'found-incomplete' && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                aria-disabled={busy}
                onClick={() => !busy && void record([{ event: 'part_a_returned' }], () => t('partACheck.returned'))}
              >
                {t('partACheck.returnOnly')}
              </button>
            </div>
          )}

          {stage === 'confirmed' && (
            <>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  aria-disabled={busy}
                  onClick={() =>
                    !busy && void record([{ event: 'certificate_issued' }], (next) => t('partACheck.issued', { number: next.certificate?.number ?? '' }))
                  }
                >
                  {t('partACheck.issue')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
