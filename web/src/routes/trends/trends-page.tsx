// "/trends", the trend analysis for the committee and the secretariat (issue 12): GET /api/v1/trends
// with the variant and FTE band from the page's address (?variant=&band=), then the organisations
// per column, the share of each verdict per rubric and per norm (per year and "alle jaren"), the
// norms most often not met, the strong and improvement points named most often, and the steps
// against their deadlines per party (and per CI, which only the secretariat is sent). A group the
// server suppressed (fewer than 5 organisations) reads "te weinig gegevens" and is never drawn.
// Every chart has a table with the same figures; the downloads carry the same filters.
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { describeError } from '../../utils/handle-error';
import { TrendChart, VERDICT_COLOURS, type PlotModule } from './trend-chart';
import {
  VERDICTS,
  everythingSuppressed,
  filtersFromParams,
  formatDays,
  formatPercent,
  onTimeShare,
  rubricSegments,
  rubricSummary,
  stepsByParty,
  tallyCell,
  trendsDownloadHref,
  trendsQuery,
  type TrendColumn,
  type TrendRankedNorm,
  type TrendRow,
  type TrendStep,
  type TrendView,
} from './trend-helpers';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: TrendView };

export function TrendsPage() {
  const { t, language } = useI18n();
  usePageTitle(t('trends.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  // The last view shown, kept while a new selection loads so the page does not jump.
  const [shown, setShown] = useState<TrendView | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    unwrap(api.GET('/api/v1/trends', { params: { query: trendsQuery(filters) }, signal: controller.signal }))
      .then((view) => {
        setLoaded({ status: 'ready', view });
        setShown(view);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ status: 'error', message: describeError(error, { t, language }).message });
        }
      });
    return () => controller.abort();
    // One request per selection; t and language only shape an error message.
  }, [filters.variant, filters.band]);

  function choose(name: 'variant' | 'band', value: string) {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setParams(next);
  }

  const view = shown;
  return (
    <div className="trends">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('trends.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('trends.title')}</h1>
        <p className="lead">{t('trends.lead', { min: view?.min_organisations ?? 5 })}</p>
      </div>

      {loaded.status === 'error' && <Alert tone="error" title={t('trends.loadError')}>{loaded.message}</Alert>}
      {!view && loaded.status === 'loading' && <Loading />}

      {view && (
        <>
          <TrendFilters view={view} variant={filters.variant} band={filters.band} onChoose={choose} updating={loaded.status === 'loading'} />
          <div className="trends__downloads card">
            <h2>{t('trends.download')}</h2>
            <ul className="link-list">
              <li>
                <a href={trendsDownloadHref(filters, 'csv')} download>
                  {t('trends.downloadCsv')}
                </a>
              </li>
              <li>
                <a href={trendsDownloadHref(filters, 'xlsx')} download>
                  {t('trends.downloadXlsx')}
                </a>
              </li>
            </ul>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('trends.print')}
            </button>
          </div>
          <TrendSections view={view} />
        </>
      )}
    </div>
  );
}

function TrendFilters({
  view,
  variant,
  band,
  updating,
  onChoose,
}: {
  view: TrendView;
  variant: string;
  band: string;
  updating: boolean;
  onChoose: (name: 'variant' | 'band', value: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const shownColumns = view.columns.filter((c) => !c.suppressed).length;
  const variantLabel = view.variants.find((v) => v.key === variant)?.label ?? t('trends.allVariants');
  const bandLabel = band || t('trends.allBands');
  return (
    <div className="card trends__filters">
      <form aria-label={t('trends.filtersLabel')} onSubmit={(event) => event.preventDefault()}>
        <div className="trends__fields">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-variant`}>
              {t('trends.variant')}
            </label>
            <select id={`${id}-variant`} className="field__input" value={variant} onChange={(event) => onChoose('variant', event.target.value)}>
              <option value="">{t('trends.allVariants')}</option>
              {view.variants.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-band`}>
              {t('trends.band')}
            </label>
            <select id={`${id}-band`} className="field__input" value={band} onChange={(event) => onChoose('band', event.target.value)}>
              <option value="">{t('trends.allBands')}</option>
              {view.bands.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <p className="search-box__status" role="status" aria-live="polite" aria-atomic="true" data-testid="trends-status">
        {updating
          ? t('trends.updating')
          : t('trends.selectionStatus', {
              variant: variantLabel,
              band: bandLabel,
              columns: shownColumns === 0 ? t('trends.columnsShown.none') : t('trends.columnsShown.some', { shown: shownColumns, total: view.columns.length }),
            })}
      </p>
    </div>
  );
}

function Section({ id, title, children, lead }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section className="card trends__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p>{lead}</p>}
      {children}
    </section>
  );
}

function TooFew() {
  const { t } = useI18n();
  return <span className="trends__too-few">{t('trends.tooFew')}</span>;
}

function TrendSections({ view }: { view: TrendView }) {
  const { t } = useI18n();
  return (
    <>
      <Section id="trends-overview" title={t('trends.overviewTitle')}>
        <OverviewTable columns={view.columns} />
      </Section>
      <Section id="trends-rubrics" title={t('trends.rubricsTitle')}>
        <RubricChart view={view} />
        <VerdictLegend />
        <TallyTable caption={t('trends.rubricsCaption')} columns={view.columns} rows={view.rubrics} headKey="trends.colRubric" testId="trends-rubrics" />
      </Section>
      <Section id="trends-norms" title={t('trends.normsTitle')}>
        <TallyTable caption={t('trends.normsCaption')} columns={view.columns} rows={view.norms} headKey="trends.colNorm" testId="trends-norms" />
      </Section>
      <Section id="trends-not-met" title={t('trends.notMetTitle')}>
        <NotMet norms={view.most_not_met} />
      </Section>
      <Section id="trends-strong" title={t('trends.strongTitle')}>
        <RankedTable norms={view.strong_points} caption={t('trends.strongCaption')} />
      </Section>
      <Section id="trends-improvement" title={t('trends.improvementTitle')}>
        <RankedTable norms={view.improvement_points} caption={t('trends.improvementCaption')} />
      </Section>
      <Section id="trends-steps" title={t('trends.stepsTitle')} lead={t('trends.stepsLead')}>
        <Steps steps={view.steps} />
      </Section>
      {view.per_ci.length > 0 && (
        <Section id="trends-per-ci" title={t('trends.perCiTitle')} lead={t('trends.perCiLead')}>
          {view.per_ci.map((ci) => (
            <div key={ci.ci_id} className="trends__ci">
              <h3>{ci.name}</h3>
              {ci.suppressed || ci.organisations === null ? (
                <p>
                  <TooFew />
                </p>
              ) : (
                <>
                  <p>{t('trends.perCiOrganisations', { count: ci.organisations })}</p>
                  <StepTable steps={ci.steps} caption={t('trends.perCiCaption', { ci: ci.name })} />
                </>
              )}
            </div>
          ))}
        </Section>
      )}
    </>
  );
}

function OverviewTable({ columns }: { columns: TrendColumn[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack trends__table" data-testid="trends-overview">
        <caption>{t('trends.overviewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.colColumn')}</th>
            <th scope="col">{t('trends.colOrganisations')}</th>
            <th scope="col">{t('trends.colReports')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.label}>
              <th scope="row">{column.label}</th>
              {column.suppressed || column.organisations === null ? (
                <td colSpan={2} data-label={t('trends.colOrganisations')}>
                  <TooFew />
                </td>
              ) : (
                <>
                  <td data-label={t('trends.colOrganisations')}>{column.organisations}</td>
                  <td data-label={t('trends.colReports')}>{column.reports}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VerdictLegend() {
  const { t } = useI18n();
  return (
    <ul className="trends__legend" aria-label={t('trends.legend')}>
      {VERDICTS.map((v) => (
        <li key={v.key}>
          <span className={`trends__swatch trends__swatch--${v.key}`} aria-hidden="true" />
          {t(`trends.verdict.${v.key}`)}
        </li>
      ))}
    </ul>
  );
}

/** Rows (rubrics or norms) × columns (years, then "alle jaren"); each cell its four shares or "te weinig gegevens". */
function TallyTable({
  caption,
  columns,
  rows,
  headKey,
  testId,
}: {
  caption: string;
  columns: TrendColumn[];
  rows: TrendRow[];
  headKey: 'trends.colRubric' | 'trends.colNorm';
  testId: string;
}) {
  const { t, language } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack trends__table trends__tally" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(headKey)}</th>
            {columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name ? `${row.code} ${row.name}` : row.code}</th>
              {columns.map((column, index) => {
                const cell = tallyCell(row.columns[index], column, language);
                return (
                  <td key={column.label} data-label={column.label}>
                    {cell.suppressed ? (
                      <TooFew />
                    ) : (
                      <ul className="trends__shares">
                        {cell.shares.map((s) => (
                          <li key={s.key}>
                            <span className={`trends__verdict trends__verdict--${s.key}`}>{s.symbol}</span>{' '}
                            {t('trends.shareOf', { percent: s.percent, count: s.count })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RubricChart({ view }: { view: TrendView }) {
  const { t, language } = useI18n();
  const segments = rubricSegments(view);
  const render = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        marginLeft: 56,
        // The rubric's name beside its bars; on a phone the bars keep most of the width.
        marginRight: width < 600 ? 120 : 150,
        x: { percent: true, domain: [0, 100], label: '%', grid: true },
        y: { label: null, domain: view.columns.map((c) => c.label) },
        fy: { label: null, domain: view.rubrics.map((r) => r.name ?? r.code) },
        color: { domain: Object.keys(VERDICT_COLOURS), range: Object.values(VERDICT_COLOURS) },
        marks: [Plot.barX(segments, Plot.stackX({ x: 'share', y: 'column', fy: 'group', fill: 'verdict', order: Object.keys(VERDICT_COLOURS) })), Plot.ruleX([0])],
      }),
    // The view object changes with each answer; that is when to draw again.
    [view],
  );
  if (everythingSuppressed(view) || segments.length === 0) {
    return <p className="trends__no-chart">{t('trends.rubricsChartNone')}</p>;
  }
  return <TrendChart label={t('trends.rubricsChart', { summary: rubricSummary(view, language).join('; ') })} render={render} testId="trends-rubrics-chart" />;
}

function NotMet({ norms }: { norms: TrendRankedNorm[] }) {
  const { t } = useI18n();
  const top = norms.slice(0, 10);
  const render = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        marginLeft: 60,
        // Whole reports: integer ticks only.
        x: { label: t('trends.colCount'), grid: true, ticks: Math.min(10, Math.max(1, ...top.map((n) => n.count))), tickFormat: 'd' },
        y: { label: null, domain: top.map((n) => n.code) },
        marks: [Plot.barX(top, { x: 'count', y: 'code', fill: VERDICT_COLOURS['-'] }), Plot.ruleX([0])],
      }),
    [norms],
  );
  if (norms.length === 0) {
    return <p>{t('trends.notMetNone')}</p>;
  }
  const summary = top.map((n) => t('trends.rankedItem', { code: n.code, count: n.count, outOf: n.out_of })).join('; ');
  return (
    <>
      <TrendChart label={t('trends.notMetChart', { summary })} render={render} testId="trends-not-met-chart" />
      <RankedTable
        norms={norms}
        caption={t('trends.notMetCaption')}
        testId="trends-not-met"
        columns={[
          { label: t('trends.colCount'), value: (n) => n.count },
          { label: t('trends.colPartly'), value: (n) => n.partly },
        ]}
      />
    </>
  );
}

type RankedColumn = { label: string; value: (norm: TrendRankedNorm) => ReactNode };

/** Norms ranked by how often they were named: the count columns given (by default "genoemd"), out of how many. */
function RankedTable({
  norms,
  caption,
  testId,
  columns,
}: {
  norms: TrendRankedNorm[];
  caption: string;
  testId?: string;
  columns?: RankedColumn[];
}) {
  const { t } = useI18n();
  if (norms.length === 0) {
    return <p>{t('trends.pointsNone')}</p>;
  }
  const shown: RankedColumn[] = [...(columns ?? [{ label: t('trends.colNamed'), value: (n) => n.count }]),
    { label: t('trends.colOutOf'), value: (n) => n.out_of }];
  return (
    <div className="table-wrap">
      <table className="table table--stack trends__table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.colNorm')}</th>
            {shown.map((column) => (
              <th key={column.label} scope="col">{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {norms.map((n) => (
            <tr key={n.code}>
              <th scope="row">
                <span className="trends__code">{n.code}</span> <span className="trends__norm-text">{n.text}</span>
              </th>
              {shown.map((column) => (
                <td key={column.label} data-label={column.label}>{column.value(n)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Steps({ steps }: { steps: TrendStep[] }) {
  const { t, language } = useI18n();
  const render = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        // Step names are long: cut shorter on a phone (the table below has them in full).
        marginLeft: width < 600 ? 130 : 230,
        x: { label: t('trends.colMeanDays'), grid: true },
        y: { label: null, domain: steps.map((s) => s.deadline), tickFormat: (key: string) => shorten(steps.find((s) => s.deadline === key)?.label ?? key, width < 600 ? 20 : 38) },
        marks: [
          Plot.barX(steps, { x: 'mean_days', y: 'deadline', fill: '#1f5f8b' }),
          Plot.tickX(steps, { x: 'mean_allowed', y: 'deadline', stroke: VERDICT_COLOURS['-'], strokeWidth: 3 }),
          Plot.ruleX([0]),
        ],
      }),
    [steps],
  );
  if (steps.length === 0) {
    return <p>{t('trends.stepsNone')}</p>;
  }
  const summary = steps
    .map((s) => t('trends.stepItem', { step: s.label, days: formatDays(s.mean_days, language), allowed: formatDays(s.mean_allowed, language) }))
    .join('; ');
  return (
    <>
      <TrendChart label={t('trends.stepsChart', { summary })} render={render} testId="trends-steps-chart" />
      <ul className="trends__legend">
        <li>
          <span className="trends__swatch trends__swatch--days" aria-hidden="true" />
          {t('trends.meanDays')}
        </li>
        <li>
          <span className="trends__swatch trends__swatch--allowed" aria-hidden="true" />
          {t('trends.allowed')}
        </li>
      </ul>
      {stepsByParty(steps).map((group) => (
        <div key={group.party} className="trends__party">
          <h3>{t(`trends.partyTitle.${group.party}`)}</h3>
          <StepTable steps={group.steps} caption={t('trends.stepsCaption', { party: t(`trends.party.${group.party}`) })} />
        </div>
      ))}
    </>
  );
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function StepTable({ steps, caption }: { steps: TrendStep[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack trends__table" data-testid="trends-steps">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.colStep')}</th>
            <th scope="col">{t('trends.colMet')}</th>
            <th scope="col">{t('trends.colLate')}</th>
            <th scope="col">{t('trends.colOnTime')}</th>
            <th scope="col">{t('trends.colMeanDays')}</th>
            <th scope="col">{t('trends.colAllowed')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => {
            const onTime = onTimeShare(s);
            return (
              <tr key={s.deadline}>
                <th scope="row">{s.label}</th>
                <td data-label={t('trends.colMet')}>{s.met}</td>
                <td data-label={t('trends.colLate')}>{s.late}</td>
                <td data-label={t('trends.colOnTime')}>{onTime === null ? '–' : formatPercent(onTime, language)}</td>
                <td data-label={t('trends.colMeanDays')}>{formatDays(s.mean_days, language)}</td>
                <td data-label={t('trends.colAllowed')}>{formatDays(s.mean_allowed, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
