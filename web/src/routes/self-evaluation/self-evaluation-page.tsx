// /zelfevaluatie (member): the member's newest self-evaluation per rubric and norm, with its
// progress per rubric, autosave per norm (norm-answer.tsx), and "Afronden" once every norm has a
// verdict. Without one, or after completing one, the member can start a new one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type FeedbackOffer, type Framework, type RubricProgress, type SelfEvaluation } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { NormAnswer } from './norm-answer';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'none' }
  | { status: 'ready'; selfEvaluation: SelfEvaluation; framework: Framework };

async function loadNewest(): Promise<{ selfEvaluation: SelfEvaluation; framework: Framework } | null> {
  const { self_evaluations } = await unwrap(api.GET('/api/v1/self-evaluations'));
  const newest = self_evaluations[0];
  if (!newest) return null;
  const [selfEvaluation, framework] = await Promise.all([
    unwrap(api.GET('/api/v1/self-evaluations/{id}', { params: { path: { id: newest.id } } })),
    unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: newest.framework } } })),
  ]);
  return { selfEvaluation, framework };
}

function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function SelfEvaluationPage() {
  const { t, language } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [progress, setProgress] = useState<RubricProgress[]>([]);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<{ message: string; attempt: number } | null>(null);
  const [working, setWorking] = useState(false);
  const attempt = useRef(0);
  usePageTitle(t('selfEvaluation.title'));

  const load = useCallback(() => {
    loadNewest()
      .then((loaded) => {
        if (!loaded) {
          setState({ status: 'none' });
          return;
        }
        setProgress(loaded.selfEvaluation.progress);
        setBusy(new Set());
        setState({ status: 'ready', ...loaded });
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (uiError) setState({ status: 'error', error: uiError });
      });
  }, [t, language]);

  useEffect(() => {
    load();
    // Loaded once; t and language only shape an error message.
  }, []);

  const onBusy = useCallback((norm: string, isBusy: boolean) => {
    setBusy((previous) => {
      if (previous.has(norm) === isBusy) return previous;
      const next = new Set(previous);
      if (isBusy) next.add(norm);
      else next.delete(norm);
      return next;
    });
  }, []);

  async function run(action: () => Promise<unknown>) {
    setWorking(true);
    setActionError(null);
    try {
      await action();
      load();
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) setActionError({ message: uiError.message, attempt: ++attempt.current });
    } finally {
      setWorking(false);
    }
  }

  const [carryOver, setCarryOver] = useState<'fresh' | 'carry'>('carry');
  const [offers, setOffers] = useState<FeedbackOffer[] | null>(null);
  const [chosenCi, setChosenCi] = useState<string>('');
  const completedOne = state.status === 'ready' && state.selfEvaluation.state === 'completed' ? state.selfEvaluation : null;
  const start = () =>
    run(() =>
      unwrap(
        api.POST('/api/v1/self-evaluations', {
          body: completedOne && carryOver === 'carry' ? { carry_over_from: completedOne.id } : {},
        }),
      ),
    );

  useEffect(() => {
    if (!completedOne || completedOne.feedback_request) return;
    unwrap(api.GET('/api/v1/self-evaluations/{id}/feedback-offers', { params: { path: { id: completedOne.id } } }))
      .then((loaded) => {
        setOffers(loaded.offers);
        setChosenCi(loaded.offers[0] ? String(loaded.offers[0].id) : '');
      })
      .catch(() => setOffers([]));
  }, [completedOne?.id, completedOne?.feedback_request]);

  const offerText = (offer: FeedbackOffer) => {
    if (!offer.fee) return t('selfEvaluation.feedback.noFee', { name: offer.name });
    const euro = (n: number) => new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB').format(n);
    return offer.fee.min_eur === offer.fee.max_eur
      ? t('selfEvaluation.feedback.feeSingle', { name: offer.name, min: euro(offer.fee.min_eur), terms: offer.fee.terms })
      : t('selfEvaluation.feedback.fee', {
          name: offer.name,
          min: euro(offer.fee.min_eur),
          max: euro(offer.fee.max_eur),
          terms: offer.fee.terms,
        });
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (state.error.kind === 'forbidden') return <ForbiddenPage />;
    return <Alert tone="error" title={t('selfEvaluation.loadError')}>{state.error.message}</Alert>;
  }

  const heading = (
    <div className="page-heading">
      <p className="page-heading__eyebrow">{t('selfEvaluation.eyebrow')}</p>
      <h1 tabIndex={-1}>{t('selfEvaluation.title')}</h1>
      <p className="lead">{t('selfEvaluation.intro')}</p>
    </div>
  );
  const errorBox = actionError && (
    <Alert key={actionError.attempt} tone="error" focus>
      {actionError.message}
    </Alert>
  );

  if (state.status === 'none') {
    return (
      <div className="self-evaluation">
        {heading}
        {errorBox}
        <EmptyState
          title={t('selfEvaluation.empty.title')}
          actions={
            <button type="button" className="button button--primary" onClick={start} disabled={working}>
              {t('selfEvaluation.start')}
            </button>
          }
        >
          {t('selfEvaluation.empty.body')}
        </EmptyState>
      </div>
    );
  }

  const { selfEvaluation, framework } = state;
  const completed = selfEvaluation.state === 'completed';
  const answers = new Map(selfEvaluation.answers.map((a) => [a.norm, a]));
  const answered = progress.reduce((sum, p) => sum + p.answered, 0);
  const total = progress.reduce((sum, p) => sum + p.total, 0);
  const complete = () =>
    run(() =>
      unwrap(api.POST('/api/v1/self-evaluations/{id}/complete', { params: { path: { id: selfEvaluation.id } } })),
    );

  return (
    <div className="self-evaluation">
      {heading}
      <section className="card self-evaluation__summary" aria-labelledby="se-summary">
        <h2 id="se-summary">{t('selfEvaluation.summary', { version: selfEvaluation.framework })}</h2>
        <p>
          {completed
            ? t('selfEvaluation.completedOn', { date: formatDate(selfEvaluation.completed_on ?? '', language) })
            : t('selfEvaluation.startedOn', { date: formatDate(selfEvaluation.started_on, language) })}
        </p>
        <p>{t('selfEvaluation.totalProgress', { answered, total })}</p>
        <ul className="progress-list">
          {progress.map((p) => (
            <li key={p.rubric} className="progress-list__item">
              <span id={`se-progress-${p.rubric}`} className="progress-list__label">
                {p.name}: {t('selfEvaluation.progress', { answered: p.answered, total: p.total })}
              </span>
              <progress max={p.total} value={p.answered} aria-labelledby={`se-progress-${p.rubric}`} />
            </li>
          ))}
        </ul>
        {errorBox}
        {completed ? (
          <div className="form__actions self-evaluation__new">
            <p className="self-evaluation__done">{t('selfEvaluation.readOnly')}</p>
            <fieldset className="self-evaluation__carry">
              <legend className="field__label">{t('selfEvaluation.carryOver.legend')}</legend>
              <label className="radio">
                <input type="radio" name="se-carry" checked={carryOver === 'carry'} onChange={() => setCarryOver('carry')} />
                <span>{t('selfEvaluation.carryOver.from', { date: formatDate(selfEvaluation.completed_on ?? '', language) })}</span>
              </label>
              <label className="radio">
                <input type="radio" name="se-carry" checked={carryOver === 'fresh'} onChange={() => setCarryOver('fresh')} />
                <span>{t('selfEvaluation.carryOver.fresh')}</span>
              </label>
            </fieldset>
            <button type="button" className="button button--secondary" onClick={start} disabled={working}>
              {t('selfEvaluation.startNew')}
            </button>
          </div>
        ) : (
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={complete}
              disabled={working || busy.size > 0}
              aria-describedby="se-complete-hint"
            >
              {t('selfEvaluation.complete')}
            </button>
            <p id="se-complete-hint" className="field__hint">
              {busy.size > 0 ? t('selfEvaluation.completeWait') : t('selfEvaluation.completeHint')}
            </p>
          </div>
        )}
      </section>
      {completed && (
        <section className="card self-evaluation__feedback" aria-labelledby="se-feedback">
          <h2 id="se-feedback">{t('selfEvaluation.feedback.title')}</h2>
          {selfEvaluation.feedback_request ? (
            <p>
              {t('selfEvaluation.feedback.asked', {
                name: selfEvaluation.feedback_request.ci.name,
                date: formatDate(selfEvaluation.feedback_request.requested_on, language),
              })}
            </p>
          ) : offers === null ? null : offers.length === 0 ? (
            <p>{t('selfEvaluation.feedback.none')}</p>
          ) : (
            <>
              <p>{t('selfEvaluation.feedback.intro')}</p>
              <fieldset className="self-evaluation__offers">
                <legend className="field__label">{t('selfEvaluation.feedback.ci')}</legend>
                {offers.map((offer) => (
                  <label key={offer.id} className="radio">
                    <input
                      type="radio"
                      name="se-feedback-ci"
                      value={offer.id}
                      checked={chosenCi === String(offer.id)}
                      onChange={() => setChosenCi(String(offer.id))}
                    />
                    <span>{offerText(offer)}</span>
                  </label>
                ))}
              </fieldset>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={working || chosenCi === ''}
                  onClick={() =>
                    run(() =>
                      unwrap(
                        api.POST('/api/v1/self-evaluations/{id}/feedback-request', {
                          params: { path: { id: selfEvaluation.id } },
                          body: { ci_id: Number(chosenCi) },
                        }),
                      ),
                    )
                  }
                >
                  {t('selfEvaluation.feedback.ask')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
      {framework.rubrics.map((rubric) => {
        const p = progress.find((x) => x.rubric === rubric.code);
        return (
          <section key={rubric.code} className="self-evaluation__rubric" aria-labelledby={`se-rubric-${rubric.code}`}>
            <h2 id={`se-rubric-${rubric.code}`}>
              {rubric.name}{' '}
              {p && <span className="self-evaluation__count">({t('selfEvaluation.progress', { answered: p.answered, total: p.total })})</span>}
            </h2>
            {framework.norms
              .filter((norm) => norm.rubric === rubric.code)
              .map((norm) => (
                <NormAnswer
                  key={`${selfEvaluation.id}-${norm.code}`}
                  selfEvaluationId={selfEvaluation.id}
                  norm={norm}
                  initial={
                    answers.get(norm.code) ?? {
                      norm: norm.code,
                      verdict: '',
                      explanation: '',
                      version: 0,
                      to_confirm: false,
                      evidence: [],
                    }
                  }
                  readOnly={completed}
                  feedbackFrom={selfEvaluation.feedback_request?.ci.name}
                  onProgress={setProgress}
                  onBusy={onBusy}
                />
              ))}
          </section>
        );
      })}
    </div>
  );
}
