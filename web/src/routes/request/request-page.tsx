// "Toetsing aanvragen" (member): the scope and FTE (the calculator), the estimate per CI (days and
// cost from the server; a CI that cannot be chosen with its reasons), then the request: CI, variant,
// preferred period. What the request starts from (the self-evaluation and the last day to request,
// 12 months after it) is shown before sending; the server enforces it and its refusal is shown.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import {
  formatEuro,
  formatNumber,
  groupNumbers,
  parseWerksoorten,
  type AuditRequestOutlook,
  type Ci,
} from '../registry/registry-helpers';
import { ScopeCalculator, useEstimate } from '../scope/scope-calculator';
import { useScopeDraft } from '../scope/scope-page';
import { formatDate } from '../trajectories/trajectory-helpers';

const VARIANTS = ['ci', 'peer', 'combi-iso-hkz', 'combi-nvvk'] as const;
type Variant = (typeof VARIANTS)[number];

type Failure = { field: string | null; message: string; key: number };

export function RequestPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  usePageTitle(t('request.title'));
  const [draft, setDraft] = useScopeDraft();
  const [variant, setVariant] = useState<Variant>('ci');
  const estimate = useEstimate(draft.fte, variant);
  const [cis, setCis] = useState<Ci[] | null>(null);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [ciId, setCiId] = useState<number | null>(null);
  const [outsideDate, setOutsideDate] = useState('');
  const [outlook, setOutlook] = useState<AuditRequestOutlook | null>(null);
  const [kind, setKind] = useState<'initial' | 'recertification'>('initial');
  const [previousNumber, setPreviousNumber] = useState('');
  const [previousExpires, setPreviousExpires] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    ci_id: useRef<HTMLInputElement>(null),
    preferred_period: useRef<HTMLInputElement>(null),
    self_evaluation_completed_on: useRef<HTMLInputElement>(null),
    variant: useRef<HTMLSelectElement>(null),
    kind: useRef<HTMLInputElement>(null),
    previous_certificate: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/cis'))
      .then(({ cis: list }) => !cancelled && setCis(list))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setLoadError(uiError);
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded once; t and language only shape an error message.
  }, []);

  // What the request would start from; again when the member types the date of an outside self-evaluation.
  useEffect(() => {
    const controller = new AbortController();
    const date = /^\d{4}-\d{2}-\d{2}$/.test(outsideDate) ? outsideDate : undefined;
    unwrap(
      api.GET('/api/v1/audit-request', {
        params: { query: date ? { self_evaluation_completed_on: date } : {} },
        signal: controller.signal,
      }),
    )
      .then(setOutlook)
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (uiError && !controller.signal.aborted) {
          if (uiError.kind === 'forbidden') {
            setLoadError(uiError);
          }
        }
      });
    return () => controller.abort();
    // t and language only shape an error message.
  }, [outsideDate]);

  const perCi = useMemo(() => {
    const answer = estimate.status === 'ready' ? estimate.answer : estimate.status === 'loading' ? estimate.previous : null;
    return new Map((answer?.per_ci ?? []).map((entry) => [entry.id, entry]));
  }, [estimate]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFailure(null);
    const fte = groupNumbers(draft.fte);
    if (ciId === null) {
      setFailure({ field: 'ci_id', message: t('request.chooseCi'), key: Date.now() });
      refs.ci_id.current?.focus();
      return;
    }
    if (kind === 'recertification' && (previousNumber.trim() === '' || previousExpires === '')) {
      setFailure({ field: 'previous_certificate', message: t('request.previousRequired'), key: Date.now() });
      refs.previous_certificate.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const trajectory = await unwrap(
        api.POST('/api/v1/trajectories', {
          body: {
            kind,
            ...(kind === 'recertification' ? { previous_certificate: { number: previousNumber.trim(), expires: previousExpires } } : {}),
            ci_id: ciId,
            variant,
            // A typed value that is not a number goes as text, so the server names what is wrong.
            fte: (fte ?? draft.fte) as Record<string, number>,
            scope: draft.whole ? { whole: true } : { whole: false, werksoorten: parseWerksoorten(draft.werksoorten) },
            ...(outlook?.self_evaluation_in_sterklabel || outsideDate === '' ? {} : { self_evaluation_completed_on: outsideDate }),
            ...(from || until ? { preferred_period: { from, until } } : {}),
          },
        }),
      );
      navigate(`/trajecten/${trajectory.id}`, { state: { requested: true } });
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        setFailure({ field: uiError.field, message: uiError.message, key: Date.now() });
        const ref = uiError.field ? refs[uiError.field as keyof typeof refs] : undefined;
        ref?.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  if (loadError?.kind === 'forbidden') {
    return <ForbiddenPage />;
  }
  const fieldMessage = (field: string) => (failure?.field === field ? failure.message : null);
  const formLevel = failure && !['ci_id', 'preferred_period', 'self_evaluation_completed_on', 'variant', 'scope', 'kind', 'previous_certificate'].includes(failure.field ?? '');

  return (
    <div className="request">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('request.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('request.title')}</h1>
        <p className="lead">{t('request.intro')}</p>
      </div>

      <RequestOutlookNotice outlook={outlook} />

      <section aria-labelledby="aanvraag-scope">
        <h2 id="aanvraag-scope">{t('request.step.scope')}</h2>
        <ScopeCalculator
          idPrefix="aanvraag"
          draft={draft}
          onChange={setDraft}
          estimate={estimate}
          werksoortenError={fieldMessage('scope')}
        />
      </section>

      <form className="form request__form" onSubmit={submit} noValidate aria-labelledby="aanvraag-titel">
        <h2 id="aanvraag-titel">{t('request.step.request')}</h2>
        {formLevel && failure && <Alert key={failure.key} tone="error" title={failure.message} focus />}

        <fieldset className={`request__kind${fieldMessage('kind') || fieldMessage('previous_certificate') ? ' field--invalid' : ''}`}>
          <legend>{t('request.kind')}</legend>
          {fieldMessage('kind') && <p className="field__error">{fieldMessage('kind')}</p>}
          {(['initial', 'recertification'] as const).map((k, index) => (
            <label key={k} className="radio">
              <input
                ref={index === 0 ? refs.kind : undefined}
                type="radio"
                name="soort"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {t(`request.kind.${k}`)}
            </label>
          ))}
          {kind === 'recertification' && (
            <div className="request__previous">
              <p className="field__hint" id="aanvraag-vorig-hint">
                {t('request.previousHint')}
              </p>
              {fieldMessage('previous_certificate') && (
                <p className="field__error" id="aanvraag-vorig-error">
                  {fieldMessage('previous_certificate')}
                </p>
              )}
              <div className="request__period-fields">
                <TextField
                  ref={refs.previous_certificate}
                  id="aanvraag-vorig-nummer"
                  label={t('request.previousNumber')}
                  placeholder="SSW-2024-0007"
                  value={previousNumber}
                  onChange={(event) => setPreviousNumber(event.target.value)}
                  aria-describedby="aanvraag-vorig-hint"
                />
                <TextField
                  id="aanvraag-vorig-vervalt"
                  type="date"
                  label={t('request.previousExpires')}
                  value={previousExpires}
                  onChange={(event) => setPreviousExpires(event.target.value)}
                />
              </div>
            </div>
          )}
        </fieldset>

        <div className={`field${fieldMessage('variant') ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="aanvraag-variant">
            {t('request.variant')}
          </label>
          {fieldMessage('variant') && (
            <p className="field__error" id="aanvraag-variant-error">
              {fieldMessage('variant')}
            </p>
          )}
          <select
            ref={refs.variant}
            id="aanvraag-variant"
            className="field__input"
            value={variant}
            onChange={(event) => setVariant(event.target.value as Variant)}
          >
            {VARIANTS.map((v) => (
              <option key={v} value={v}>
                {t(`trajectory.variant.${v}`)}
              </option>
            ))}
          </select>
        </div>

        <fieldset className={`card request__cis${fieldMessage('ci_id') ? ' field--invalid' : ''}`} aria-describedby="aanvraag-ci-intro">
          <legend>{t('request.ci')}</legend>
          <p className="muted" id="aanvraag-ci-intro">
            {t('request.ciIntro')}
          </p>
          {fieldMessage('ci_id') && (
            <p className="field__error" role="alert">
              {fieldMessage('ci_id')}
            </p>
          )}
          {loadError && <Alert tone="error" title={t('registry.loadError')}>{loadError.message}</Alert>}
          {!cis && !loadError && <Loading />}
          {cis && cis.length === 0 && <p className="muted">{t('request.noCis')}</p>}
          {cis && cis.length > 0 && (
            <ul className="ci-choice">
              {cis.map((ci, index) => {
                const priced = perCi.get(ci.id);
                const figures = priced?.estimate as { days?: number | null; cost_eur?: number | null; travel_note?: string | null; note?: string | null } | null | undefined;
                return (
                  <li key={ci.id} className={`ci-choice__item${ci.eligible ? '' : ' ci-choice__item--lapsed'}`}>
                    <label className="radio ci-choice__label">
                      <input
                        ref={index === cis.findIndex((c) => c.eligible) ? refs.ci_id : undefined}
                        type="radio"
                        name="ci"
                        value={ci.id}
                        disabled={!ci.eligible}
                        checked={ciId === ci.id}
                        onChange={() => setCiId(ci.id)}
                        aria-describedby={`ci-${ci.id}-uitleg`}
                      />{' '}
                      <span className="ci-choice__name">{ci.name}</span>
                    </label>
                    <div className="ci-choice__detail" id={`ci-${ci.id}-uitleg`}>
                      {!ci.eligible ? (
                        <p>
                          <strong>{t('registry.ci.notEligible')}:</strong> {ci.lapsed.join('; ')}
                        </p>
                      ) : figures && figures.cost_eur != null && figures.days != null ? (
                        <p>
                          {t('request.ciFigures', {
                            days: formatNumber(figures.days, language),
                            cost: formatEuro(figures.cost_eur, language),
                          })}
                          {figures.travel_note && <span className="facts__extra">{figures.travel_note}</span>}
                        </p>
                      ) : priced?.note || figures?.note ? (
                        <p className="muted">{priced?.note ?? figures?.note}</p>
                      ) : estimate.status === 'ready' && !priced ? (
                        <p className="muted">{t('request.noTariff')}</p>
                      ) : (
                        <p className="muted">{t('request.fillScopeFirst')}</p>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <p className="muted">{t('request.exclVat')}</p>
        </fieldset>

        {outlook && !outlook.self_evaluation_in_sterklabel && (
          <TextField
            ref={refs.self_evaluation_completed_on}
            id="aanvraag-zelfevaluatie"
            type="date"
            label={t('request.outsideSelfEvaluation')}
            hint={t('request.outsideSelfEvaluationHint')}
            value={outsideDate}
            onChange={(event) => setOutsideDate(event.target.value)}
            error={fieldMessage('self_evaluation_completed_on')}
          />
        )}

        <fieldset className={`request__period${fieldMessage('preferred_period') ? ' field--invalid' : ''}`}>
          <legend>{t('request.period')}</legend>
          <p className="field__hint" id="aanvraag-periode-hint">
            {outlook?.request_until
              ? t('request.periodHintUntil', { date: formatDate(outlook.request_until, language) })
              : t('request.periodHint')}
          </p>
          {fieldMessage('preferred_period') && (
            <p className="field__error" id="aanvraag-periode-error">
              {fieldMessage('preferred_period')}
            </p>
          )}
          <div className="request__period-fields">
            <TextField
              ref={refs.preferred_period}
              id="aanvraag-van"
              type="date"
              label={t('request.periodFrom')}
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              aria-describedby="aanvraag-periode-hint"
            />
            <TextField
              id="aanvraag-tot"
              type="date"
              label={t('request.periodUntil')}
              value={until}
              onChange={(event) => setUntil(event.target.value)}
            />
          </div>
        </fieldset>

        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('request.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** "Uw zelfevaluatie is afgerond op …; u kunt een toetsing aanvragen tot …", and what stands in the way. */
function RequestOutlookNotice({ outlook }: { outlook: AuditRequestOutlook | null }) {
  const { t, language } = useI18n();
  if (!outlook) {
    return null;
  }
  return (
    <section className="card request__outlook" aria-labelledby="aanvraag-stand">
      <h2 id="aanvraag-stand">{t('request.outlookTitle')}</h2>
      {outlook.self_evaluation_completed_on && outlook.request_until ? (
        <p data-testid="request-until">
          {t('request.selfEvaluationDone', {
            done: formatDate(outlook.self_evaluation_completed_on, language),
            until: formatDate(outlook.request_until, language),
          })}
        </p>
      ) : (
        <p>{t('request.noSelfEvaluation')}</p>
      )}
      {outlook.blockers.length > 0 && (
        <Alert tone="info" title={t('request.blockersTitle')}>
          <ul>
            {outlook.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
          {outlook.running && (
            <p>
              <Link to={`/trajecten/${outlook.running.id}`}>{t('request.toRunning')}</Link>
            </p>
          )}
        </Alert>
      )}
    </section>
  );
}
