// /zelfevaluatie-feedback (ci-admin, auditor): the self-evaluations members handed to the CI for
// feedback. One is shown as the member left it (the member's own components, read-only, with the
// cited documents to download) and under each norm the CI writes its feedback, saved by itself
// over its version (norm-feedback-editor.tsx). The server decides which ones the CI may read.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Framework, type SelfEvaluation } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { NormAnswer } from './norm-answer';
import { NormFeedbackEditor } from './norm-feedback-editor';

type Listed = { id: number; member: { name: string }; completed_on?: string | null };
type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; list: Listed[]; chosen: { selfEvaluation: SelfEvaluation; framework: Framework } | null };

const noop = () => {};

export function SelfEvaluationFeedbackPage() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  usePageTitle(t('ciFeedback.title'));
  const wanted = Number(params.get('id') ?? '');

  useEffect(() => {
    let live = true;
    (async () => {
      const { self_evaluations } = await unwrap(api.GET('/api/v1/self-evaluations'));
      const pick = self_evaluations.find((s) => s.id === wanted) ?? self_evaluations[0];
      let chosen = null;
      if (pick) {
        const [selfEvaluation, framework] = await Promise.all([
          unwrap(api.GET('/api/v1/self-evaluations/{id}', { params: { path: { id: pick.id } } })),
          unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: pick.framework } } })),
        ]);
        chosen = { selfEvaluation, framework };
      }
      if (live) setState({ status: 'ready', list: self_evaluations, chosen });
    })().catch((error: unknown) => {
      const uiError = handleError(error, { t, language });
      if (uiError && live) setState({ status: 'error', error: uiError });
    });
    return () => {
      live = false;
    };
  }, [wanted]);

  const date = (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${iso}T12:00:00Z`),
        )
      : '';

  const heading = (
    <div className="page-heading">
      <p className="page-heading__eyebrow">{t('ciFeedback.eyebrow')}</p>
      <h1 tabIndex={-1}>{t('ciFeedback.title')}</h1>
      <p className="lead">{t('ciFeedback.intro')}</p>
    </div>
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <div className="self-evaluation">
        {heading}
        <Alert tone="error" title={t('ciFeedback.loadError')}>
          {state.error.message}
        </Alert>
      </div>
    );
  }
  if (!state.chosen) {
    return (
      <div className="self-evaluation">
        {heading}
        <EmptyState title={t('ciFeedback.empty.title')}>{t('ciFeedback.empty.body')}</EmptyState>
      </div>
    );
  }

  const { selfEvaluation, framework } = state.chosen;
  const answers = new Map(selfEvaluation.answers.map((a) => [a.norm, a]));
  return (
    <div className="self-evaluation">
      {heading}
      <section className="card self-evaluation__summary" aria-labelledby="ci-feedback-list">
        <h2 id="ci-feedback-list">{t('ciFeedback.list')}</h2>
        <ul className="ci-feedback__list">
          {state.list.map((item) => (
            <li key={item.id}>
              <Link
                to={`/zelfevaluatie-feedback?id=${item.id}`}
                aria-current={item.id === selfEvaluation.id ? 'page' : undefined}
              >
                {t('ciFeedback.item', { member: item.member.name, date: date(item.completed_on) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="ci-feedback__member">
        {t('ciFeedback.of', { member: selfEvaluation.member.name, version: selfEvaluation.framework })}
      </h2>
      {framework.rubrics.map((rubric) => (
        <section key={rubric.code} className="self-evaluation__rubric" aria-labelledby={`ci-rubric-${rubric.code}`}>
          <h2 id={`ci-rubric-${rubric.code}`}>
            {rubric.name}
          </h2>
          {framework.norms
            .filter((norm) => norm.rubric === rubric.code)
            .map((norm) => {
              const answer = answers.get(norm.code);
              return (
                <NormAnswer
                  key={`${selfEvaluation.id}-${norm.code}`}
                  selfEvaluationId={selfEvaluation.id}
                  norm={norm}
                  initial={
                    answer ?? { norm: norm.code, verdict: '', explanation: '', version: 0, to_confirm: false, evidence: [] }
                  }
                  readOnly
                  onProgress={noop}
                  onBusy={noop}
                >
                  <NormFeedbackEditor
                    selfEvaluationId={selfEvaluation.id}
                    normCode={norm.code}
                    initial={answer?.feedback}
                  />
                </NormAnswer>
              );
            })}
        </section>
      ))}
    </div>
  );
}
