// What the three report pages share: the trajectory's id from the address, loading the page's data
// with the trajectory, the heading with a way back to the trajectory, the links between Bevindingen,
// Deel A and Rapport (and the Verbeterplan once plans are asked for), and the not-found (404) and
// "Geen toegang" (403) pages as the server answers.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Role, type Trajectory } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/nl';
import { useSession } from '../../session/session-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { showsAddendumLink, showsPlanLink } from '../plan/plan-helpers';
import { NotFoundPage } from '../errors/not-found-page';

type Loaded<T> = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; trajectory: Trajectory; data: T };

/** The trajectory id in /trajecten/:id/…, or null for anything else. */
export function useTrajectoryId(): number | null {
  const params = useParams();
  return /^[1-9]\d*$/.test(params.id ?? '') ? Number(params.id) : null;
}

/** Loads the trajectory and the page's own data together; `reload` fetches both again. */
export function useReportData<T>(id: number | null, load: (id: number, trajectory: Trajectory) => Promise<T>) {
  const { t, language } = useI18n();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const reload = useCallback(() => {
    if (id === null) return;
    unwrap(api.GET('/api/v1/trajectories/{id}', { params: { path: { id } } }))
      .then(async (trajectory) => ({ trajectory, data: await load(id, trajectory) }))
      .then(({ trajectory, data }) => setState({ status: 'ready', trajectory, data }))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (uiError) setState({ status: 'error', error: uiError });
      });
    // The loader is fixed per page; t and language only shape an error message.
  }, [id]);
  useEffect(reload, [reload]);
  return { state, reload, setState };
}

// The secretariat reads Part A and the report, never the findings page (the server refuses it too).
const PAGES: { to: string; label: MessageKey; roles: readonly Role[] }[] = [
  { to: 'bevindingen', label: 'report.nav.findings', roles: ['auditor', 'ci-admin', 'member'] },
  { to: 'deel-a', label: 'report.nav.partA', roles: ['auditor', 'ci-admin', 'member', 'secretariat'] },
  { to: 'rapport', label: 'report.nav.report', roles: ['auditor', 'ci-admin', 'member', 'secretariat'] },
];

export function ReportFrame<T>({
  id,
  state,
  title,
  intro,
  children,
}: {
  id: number | null;
  state: Loaded<T>;
  title: MessageKey;
  intro?: string;
  children: (trajectory: Trajectory, data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  const member = state.status === 'ready' ? state.trajectory.member.name : '';
  const heading = member ? t('report.titleOf', { title: t(title), member }) : t(title);
  usePageTitle(heading);
  if (id === null || (state.status === 'error' && state.error.kind === 'not-found')) return <NotFoundPage />;
  // A 403 with the server's reason ("… zodra het concept is verstuurd") says when; without one, "Geen toegang".
  if (state.status === 'error' && state.error.kind === 'forbidden' && state.error.code !== 'permission_denied') return <ForbiddenPage />;
  return (
    <div className="report-page">
      <p className="trajectory__back">
        <Link to={`/trajecten/${id}`}>{t('report.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('report.eyebrow')}</p>
        <h1 tabIndex={-1}>{heading}</h1>
        {intro && <p className="lead">{intro}</p>}
      </div>
      <nav className="report-nav" aria-label={t('report.nav.label')}>
        <ul>
          {PAGES.filter((page) => role !== null && page.roles.includes(role)).map((page) => (
            <li key={page.to}>
              <NavLink to={`/trajecten/${id}/${page.to}`} end>
                {t(page.label)}
              </NavLink>
            </li>
          ))}
          {state.status === 'ready' && role !== null && role !== 'committee' && showsPlanLink(state.trajectory) && (
            <li>
              <NavLink to={`/trajecten/${id}/verbeterplan`} end>
                {t('plan.title')}
              </NavLink>
            </li>
          )}
          {state.status === 'ready' && showsAddendumLink(state.trajectory, role) && (
            <li>
              <NavLink to={`/trajecten/${id}/aanvullende-toetsing`} end>
                {t('addendum.title')}
              </NavLink>
            </li>
          )}
        </ul>
      </nav>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && state.error.kind === 'forbidden' && (
        <Alert tone="info" title={t('report.notYet')}>
          {state.error.message}
        </Alert>
      )}
      {state.status === 'error' && state.error.kind !== 'forbidden' && (
        <Alert tone="error" title={t('report.loadError')}>
          {state.error.message}
        </Alert>
      )}
      {state.status === 'ready' && children(state.trajectory, state.data)}
    </div>
  );
}
