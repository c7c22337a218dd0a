// The scope and FTE calculator (§2.4, §2.5): the scope (the whole organisation or named
// werksoorten) and the FTE per scope group of the framework, each group with the handbook's
// explanation of why it counts or not. While the member types, the server computes the total, the
// band and the days per variant (GET /api/v1/estimate, debounced): no rule is repeated here.
import { useEffect, useRef, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import {
  barPercent,
  formatNumber,
  groupOfField,
  groupQuery,
  type EstimateScope,
  type ScopeDraft,
  type VariantDays,
} from '../registry/registry-helpers';

type ScopeGroup = components['schemas']['ScopeGroup'];

export interface EstimateAnswer {
  fte: number;
  band: string | null;
  days: number | null;
  note: string | null;
  scope: EstimateScope;
  per_variant: VariantDays[];
  per_ci: { id?: number; name?: string; estimate?: Record<string, unknown> | null; note?: string | null }[];
}

export type EstimateState =
  | { status: 'idle' }
  | { status: 'loading'; previous: EstimateAnswer | null }
  | { status: 'ready'; answer: EstimateAnswer }
  | { status: 'error'; error: UiError };

const DEBOUNCE_MS = 350;

/** The scope groups of the newest framework version (labels, whether they count, why). */
export function useScopeGroups(): { groups: ScopeGroup[] | null; error: UiError | null } {
  const { t, language } = useI18n();
  const [groups, setGroups] = useState<ScopeGroup[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { versions } = await unwrap(api.GET('/api/v1/frameworks'));
      const version = versions[versions.length - 1];
      const framework = await unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version } } }));
      if (!cancelled) {
        setGroups(framework.scope_groups ?? []);
      }
    })().catch((failure: unknown) => {
      const uiError = handleError(failure, { t, language });
      if (!cancelled && uiError) {
        setError(uiError);
      }
    });
    return () => {
      cancelled = true;
    };
    // Loaded once; t and language only shape an error message.
  }, []);
  return { groups, error };
}

/** GET /api/v1/estimate for the FTE per group as typed, at most one request per pause in typing. */
export function useEstimate(fte: Record<string, string>, variant: string): EstimateState {
  const { t, language } = useI18n();
  const [state, setState] = useState<EstimateState>({ status: 'idle' });
  const last = useRef<EstimateAnswer | null>(null);
  const key = JSON.stringify(groupQuery(fte));

  useEffect(() => {
    const group = JSON.parse(key) as Record<string, string>;
    if (Object.keys(group).length === 0) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading', previous: last.current });
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      unwrap(api.GET('/api/v1/estimate', { params: { query: { variant, group } }, signal: controller.signal }))
        .then((answer) => {
          const typed = answer as unknown as EstimateAnswer;
          last.current = typed;
          setState({ status: 'ready', answer: typed });
        })
        .catch((error: unknown) => {
          const uiError = handleError(error, { t, language });
          if (uiError && !controller.signal.aborted) {
            setState({ status: 'error', error: uiError });
          }
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // t and language only shape an error message.
  }, [key, variant]);
  return state;
}

export function ScopeCalculator({
  draft,
  onChange,
  estimate,
  idPrefix = 'scope',
  werksoortenError,
}: {
  draft: ScopeDraft;
  onChange: (draft: ScopeDraft) => void;
  estimate: EstimateState;
  idPrefix?: string;
  werksoortenError?: string | null;
}) {
  const { t } = useI18n();
  const { groups, error } = useScopeGroups();
  const fieldError = estimate.status === 'error' ? groupOfField(estimate.error.field) : null;

  if (error) {
    return <Alert tone="error" title={t('scope.loadError')}>{error.message}</Alert>;
  }
  if (!groups) {
    return <Loading />;
  }
  const counting = groups.filter((g) => g.counts);
  const notCounting = groups.filter((g) => !g.counts);

  const groupField = (group: ScopeGroup) => {
    const id = `${idPrefix}-fte-${group.key}`;
    const error = fieldError === group.key && estimate.status === 'error' ? estimate.error.message : null;
    return (
      <div key={group.key} className={`field scope-group${error ? ' field--invalid' : ''}${group.counts ? '' : ' scope-group--not-counted'}`}>
        <label className="field__label" htmlFor={id}>
          {group.label}{' '}
          <span className={`count-tag count-tag--${group.counts ? 'yes' : 'no'}`}>{t(group.counts ? 'scope.counts' : 'scope.notCounted')}</span>
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {group.explanation}
        </p>
        {error && (
          <p className="field__error" id={`${id}-error`}>
            <span className="visually-hidden">{`${group.label}: `}</span>
            {error}
          </p>
        )}
        <div className="scope-group__input">
          <input
            id={id}
            className="field__input"
            inputMode="decimal"
            autoComplete="off"
            value={draft.fte[group.key] ?? ''}
            onChange={(event) => onChange({ ...draft, fte: { ...draft.fte, [group.key]: event.target.value } })}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          />
          <span className="scope-group__unit" aria-hidden="true">
            {t('scope.fteUnit')}
          </span>
        </div>
      </div>
    );
  };

  return (
    <div className="scope-calculator">
      <fieldset className="card scope-calculator__scope">
        <legend>{t('scope.scopeLegend')}</legend>
        <p className="muted">{t('scope.scopeIntro')}</p>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name={`${idPrefix}-heel`} checked={draft.whole} onChange={() => onChange({ ...draft, whole: true })} />{' '}
            {t('scope.whole')}
          </label>
          <label className="radio">
            <input type="radio" name={`${idPrefix}-heel`} checked={!draft.whole} onChange={() => onChange({ ...draft, whole: false })} />{' '}
            {t('scope.partly')}
          </label>
        </div>
        {!draft.whole && (
          <div className={`field${werksoortenError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${idPrefix}-werksoorten`}>
              {t('scope.werksoorten')}
            </label>
            <p className="field__hint" id={`${idPrefix}-werksoorten-hint`}>
              {t('scope.werksoortenHint')}
            </p>
            {werksoortenError && (
              <p className="field__error" id={`${idPrefix}-werksoorten-error`}>
                {werksoortenError}
              </p>
            )}
            <input
              id={`${idPrefix}-werksoorten`}
              className="field__input"
              value={draft.werksoorten}
              onChange={(event) => onChange({ ...draft, werksoorten: event.target.value })}
              aria-invalid={werksoortenError ? true : undefined}
              aria-describedby={`${idPrefix}-werksoorten-hint${werksoortenError ? ` ${idPrefix}-werksoorten-error` : ''}`}
            />
          </div>
        )}
      </fieldset>

      <div className="scope-calculator__grid">
        <div className="scope-calculator__groups">
          <fieldset className="card">
            <legend>{t('scope.countingLegend')}</legend>
            {counting.map(groupField)}
          </fieldset>
          <fieldset className="card">
            <legend>{t('scope.notCountingLegend')}</legend>
            {notCounting.map(groupField)}
          </fieldset>
        </div>
        <ScopeResult estimate={estimate} />
      </div>
    </div>
  );
}

/** Total, band and days per variant as the server computed them, and a bar per group. */
export function ScopeResult({ estimate }: { estimate: EstimateState }) {
  const { t, language } = useI18n();
  const answer = estimate.status === 'ready' ? estimate.answer : estimate.status === 'loading' ? estimate.previous : null;
  const groupError = estimate.status === 'error' && groupOfField(estimate.error.field) === null ? estimate.error.message : null;
  const largest = answer ? Math.max(0, ...answer.scope.lines.map((line) => line.fte)) : 0;
  return (
    <section className="card scope-result" aria-labelledby="scope-uitkomst" aria-busy={estimate.status === 'loading'}>
      <h2 id="scope-uitkomst">{t('scope.resultTitle')}</h2>
      <div aria-live="polite">
        {estimate.status === 'idle' && <p className="muted">{t('scope.resultEmpty')}</p>}
        {groupError && <p className="scope-result__error">{groupError}</p>}
        {estimate.status === 'error' && !groupError && <p className="muted">{t('scope.resultFix')}</p>}
        {answer && (
          <dl className="facts scope-result__figures">
            <div>
              <dt>{t('scope.total')}</dt>
              <dd data-testid="scope-total">{t('scope.fteValue', { fte: formatNumber(answer.scope.total, language) })}</dd>
            </div>
            <div>
              <dt>{t('scope.band')}</dt>
              <dd data-testid="scope-band">{answer.band ? t('scope.bandValue', { band: answer.band }) : (answer.note ?? t('scope.noBand'))}</dd>
            </div>
          </dl>
        )}
      </div>
      {answer && (
        <>
          <table className="table scope-result__days">
            <caption>{t('scope.daysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scope.variant')}</th>
                <th scope="col">{t('scope.days')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.per_variant.map((variant) => (
                <tr key={variant.variant}>
                  <th scope="row">{variant.label}</th>
                  <td data-testid={`days-${variant.variant}`}>
                    {variant.days != null ? (
                      <>
                        {t('scope.daysValue', { days: formatNumber(variant.days, language) })}
                        {variant.on_top_of && <span className="facts__extra">{t('scope.onTopOf')}</span>}
                      </>
                    ) : (
                      <span className="muted">{variant.note ?? t('scope.noFigure')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <figure className="fte-bars">
            <figcaption>{t('scope.barsCaption')}</figcaption>
            <ul className="visually-hidden">
              {answer.scope.lines.map((line) => (
                <li key={line.key}>
                  {t(line.counts ? 'scope.barTextCounts' : 'scope.barTextNotCounted', {
                    group: line.label,
                    fte: formatNumber(line.fte, language),
                  })}
                </li>
              ))}
            </ul>
            <div className="fte-bars__chart" aria-hidden="true">
              {answer.scope.lines.map((line) => (
                <div key={line.key} className={`fte-bars__row${line.counts ? '' : ' fte-bars__row--not-counted'}`}>
                  <span className="fte-bars__label">{line.label}</span>
                  <svg className="fte-bars__track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                    <rect className="fte-bars__bar" x="0" y="0" height="10" width={barPercent(line.fte, largest)} />
                  </svg>
                  <span className="fte-bars__value">{formatNumber(line.fte, language)}</span>
                </div>
              ))}
            </div>
          </figure>
        </>
      )}
    </section>
  );
}
