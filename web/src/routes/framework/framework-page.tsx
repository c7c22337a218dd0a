import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Framework } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { highlightTerms, queryTerms, searchNorms } from './framework-search';
import { NormCard } from './norm-card';

function formatDate(isoDate: string | undefined, language: string): string {
  if (!isoDate) {
    return '';
  }
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return isoDate;
  }
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; framework: Framework };

async function loadNewestFramework(): Promise<Framework> {
  const { versions } = await unwrap(api.GET('/api/v1/frameworks'));
  const newest = [...versions].sort().at(-1);
  if (!newest) {
    throw new Error('no framework versions');
  }
  return unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: newest } } }));
}

export function FrameworkPage() {
  const { t, language } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get('q') ?? '');
  usePageTitle(t('framework.title'));

  useEffect(() => {
    let cancelled = false;
    loadNewestFramework()
      .then((framework) => !cancelled && setState({ status: 'ready', framework }))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', message: uiError.message });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded once (t and language deliberately left out): a language switch does not reload the Dutch text.
  }, []);

  function onQueryChange(value: string) {
    setQuery(value);
    const next = new URLSearchParams(searchParams);
    if (value.trim() === '') {
      next.delete('q');
    } else {
      next.set('q', value);
    }
    setSearchParams(next, { replace: true, preventScrollReset: true });
  }

  const framework = state.status === 'ready' ? state.framework : null;
  const terms = useMemo(() => queryTerms(query), [query]);
  const marks = useMemo(() => highlightTerms(query), [query]);
  const matches = useMemo(
    () => (framework ? searchNorms(framework.norms, query, framework.rubrics) : []),
    [framework, query],
  );
  const searching = terms.length > 0;

  let status = '';
  if (framework) {
    if (!searching) {
      status = t('framework.countAll', { count: framework.norms.length, rubrics: framework.rubrics.length });
    } else if (matches.length === 0) {
      status = t('framework.countNone', { query: query.trim() });
    } else if (matches.length === 1) {
      status = t('framework.countOne', { query: query.trim() });
    } else {
      status = t('framework.countSome', { count: matches.length, query: query.trim() });
    }
  }

  return (
    <div className="framework">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('framework.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('framework.title')}</h1>
        {framework && (
          <p className="lead">
            <span lang="nl">{framework.title}</span>
            {t('framework.versionLine', { version: framework.version, published: formatDate(framework.published, language) })}
          </p>
        )}
        {language !== 'nl' && <p className="muted">{t('framework.dutchNote')}</p>}
      </div>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('framework.loadError')}>{state.message}</Alert>}

      {framework && (
        <>
          <div className="card search-box">
            <form role="search" onSubmit={(event) => event.preventDefault()} aria-label={t('framework.searchLabel')}>
              <label className="field__label" htmlFor="normen-zoeken">
                {t('framework.searchLabel')}
              </label>
              <p className="field__hint" id="normen-zoeken-hint">
                {t('framework.searchHint')}
              </p>
              <div className="search-box__row">
                <input
                  id="normen-zoeken"
                  className="field__input"
                  type="search"
                  placeholder={t('framework.searchPlaceholder')}
                  value={query}
                  onChange={(event) => onQueryChange(event.target.value)}
                  aria-describedby="normen-zoeken-hint"
                  aria-controls="normen-resultaten"
                  autoComplete="off"
                  spellCheck={false}
                />
                {searching && (
                  <button type="button" className="button button--secondary" onClick={() => onQueryChange('')}>
                    {t('framework.clear')}
                  </button>
                )}
              </div>
            </form>
            <p className="search-box__status" role="status" aria-live="polite" aria-atomic="true">
              {status}
            </p>
          </div>

          <nav className="rubric-nav" id="rubrieken" aria-label={t('framework.rubricNav')} tabIndex={-1}>
            <ul>
              {framework.rubrics.map((rubric) => {
                const count = matches.filter((match) => match.norm.rubric === rubric.code).length;
                const label = (
                  <>
                    <span className="rubric-nav__name" lang="nl">
                      {rubric.number}. {rubric.name}
                    </span>
                    <span className="rubric-nav__count">
                      {searching
                        ? t('framework.rubricCountSearch', { count, total: rubric.norm_count })
                        : t('framework.rubricCount', { count: rubric.norm_count })}
                    </span>
                  </>
                );
                return (
                  <li key={rubric.code}>
                    {count === 0 ? (
                      <span className="rubric-nav__item rubric-nav__item--empty">{label}</span>
                    ) : (
                      <a className="rubric-nav__item" href={`#rubriek-${rubric.code}`}>
                        {label}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          </nav>

          <div id="normen-resultaten">
            {matches.length === 0 && (
              <EmptyState icon="search" title={t('framework.emptyTitle', { query: query.trim() })}>
                <p>{t('framework.emptyBody')}</p>
              </EmptyState>
            )}
            {framework.rubrics.map((rubric) => {
              const rubricMatches = matches.filter((match) => match.norm.rubric === rubric.code);
              if (rubricMatches.length === 0) {
                return null;
              }
              const codes = framework.norms.filter((norm) => norm.rubric === rubric.code).map((norm) => norm.code);
              return (
                <section
                  key={rubric.code}
                  id={`rubriek-${rubric.code}`}
                  className="rubric"
                  aria-labelledby={`rubriek-${rubric.code}-titel`}
                >
                  <header className="rubric__header">
                    <h2 id={`rubriek-${rubric.code}-titel`}>
                      <span className="rubric__number">{rubric.number}</span>
                      <span lang="nl">{rubric.name}</span>
                      {codes.length > 0 && (
                        <span className="rubric__range">
                          {codes[0]}–{codes[codes.length - 1]}
                        </span>
                      )}
                    </h2>
                    <p lang="nl">{rubric.description}</p>
                  </header>
                  <div className="rubric__norms">
                    {rubricMatches.map((match) => (
                      <NormCard
                        key={match.norm.code}
                        norm={match.norm}
                        terms={marks}
                        openQuestions={match.inQuestions}
                        openEvidence={match.inEvidence}
                      />
                    ))}
                  </div>
                  <p className="rubric__back">
                    <a href="#rubrieken">{t('framework.backToRubrics')}</a>
                  </p>
                </section>
              );
            })}
          </div>
          {framework.copyright && (
            <p className="framework__copyright" lang="nl">
              {framework.copyright}
            </p>
          )}
        </>
      )}
    </div>
  );
}
