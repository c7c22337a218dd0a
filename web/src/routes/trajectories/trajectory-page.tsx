// One trajectory: who and what (header), "Wat vraagt nu actie?" per party, the steps the signed-in
// party may record now, the timeline of what happened and what is due, and every deadline as a table.
// A trajectory the caller may not see is 404 on the server, and the not-found page here.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Party, type Trajectory } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { NotFoundPage } from '../errors/not-found-page';
import { showsAddendumLink, showsPlanLink } from '../plan/plan-helpers';
import { reportLinks } from '../report/report-links';
import { RequestFacts } from '../request/request-facts';
import { CertificateCard } from '../register/certificate-card';
import { PART_A_CHECK_EVENTS, showsPartACheckLink } from '../register/part-a-links';
import { returnedRemarks } from '../register/register-helpers';
import { PreviousCertificateFacts } from './previous-certificate-facts';
import { StepForm } from './step-form';
import { Timeline } from './timeline';
import { formatDate, partyOf, stateKey, stepsFor } from './trajectory-helpers';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; trajectory: Trajectory };

const PARTIES: readonly Party[] = ['member', 'ci', 'secretariat'];

export function TrajectoryPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const params = useParams();
  const id = /^[1-9]\d*$/.test(params.id ?? '') ? Number(params.id) : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [recorded, setRecorded] = useState<{ label: string; key: number } | null>(null);
  const member = state.status === 'ready' ? state.trajectory.member.name : '';
  usePageTitle(member ? t('trajectory.title', { member }) : t('trajectories.title'));

  useEffect(() => {
    if (id === null) {
      return;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/trajectories/{id}', { params: { path: { id } } }))
      .then((trajectory) => {
        if (!cancelled) {
          setState({ status: 'ready', trajectory });
        }
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', error: uiError });
        }
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
  if (state.status !== 'ready') {
    return (
      <div className="trajectory">
        <p className="trajectory__back">
          <Link to="/trajecten">{t('trajectory.back')}</Link>
        </p>
        {/* The same place as the loaded page's heading, so focus stays on it when the data arrives. */}
        <div className="page-heading">
          <p className="page-heading__eyebrow">{t('trajectories.eyebrow')}</p>
          <h1 tabIndex={-1}>{t('trajectories.title')}</h1>
        </div>
        {state.status === 'loading' ? <Loading /> : <Alert tone="error" title={t('trajectory.loadError')}>{state.error.message}</Alert>}
      </div>
    );
  }

  const { trajectory } = state;
  const party = session.status === 'signed-in' ? partyOf(session.user.role) : null;
  const role = session.status === 'signed-in' ? session.user.role : null;
  // The secretariat records the Part A check on its own page, beside the checklist.
  const steps = stepsFor(trajectory, party).filter((step) => role !== 'secretariat' || !PART_A_CHECK_EVENTS.includes(step.event));
  const links = [
    ...reportLinks(trajectory.id, trajectory.state, role),
    // The improvement plan (scenario b and c), for everyone on the trajectory.
    ...(role && role !== 'committee' && showsPlanLink(trajectory) ? [{ path: `/trajecten/${trajectory.id}/verbeterplan`, label: 'plan.title' as const }] : []),
    ...(showsAddendumLink(trajectory, role) ? [{ path: `/trajecten/${trajectory.id}/aanvullende-toetsing`, label: 'addendum.title' as const }] : []),
    // The check of Part A (issue 11), once Part A has reached the secretariat.
    ...(role && showsPartACheckLink(trajectory, role) ? [{ path: `/trajecten/${trajectory.id}/deel-a-controle`, label: 'partACheck.link' as const }] : []),
  ];
  const remarks = returnedRemarks(trajectory.events ?? []);
  const completionDue = trajectory.actions.find((a) => a.key === 'part_a_completion')?.due ?? null;
  const variant = t.optional(`trajectory.variant.${trajectory.variant}`) ?? trajectory.variant;

  return (
    <div className="trajectory">
      <p className="trajectory__back">
        <Link to="/trajecten">{t('trajectory.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('trajectories.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('trajectory.title', { member: trajectory.member.name })}</h1>
      </div>

      {recorded && <Alert key={recorded.key} tone="success" title={t('trajectory.recorded', { label: recorded.label })} focus />}

      <section className="card trajectory__facts" aria-label={t('trajectory.facts')}>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('trajectory.member')}</dt>
            <dd>{trajectory.member.name}</dd>
          </div>
          <div>
            <dt>{t('trajectory.ci')}</dt>
            <dd>{trajectory.ci.name}</dd>
          </div>
          <div>
            <dt>{t('trajectory.variant')}</dt>
            <dd>{variant}</dd>
          </div>
          <div>
            <dt>{t('trajectory.kind')}</dt>
            <dd>{t(`trajectory.kind.${trajectory.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('trajectory.state')}</dt>
            <dd>
              <span className={`status-tag state-tag state-tag--${trajectory.state}`} data-testid="trajectory-state">
                {t(stateKey(trajectory.state))}
              </span>
            </dd>
          </div>
          <RequestFacts trajectory={trajectory} />
          <PreviousCertificateFacts trajectory={trajectory} />
          <div>
            <dt>{t('trajectory.advice')}</dt>
            <dd>{trajectory.advice ? t(`trajectory.advice.${trajectory.advice}`) : <span className="muted">{t('trajectory.advice.none')}</span>}</dd>
          </div>
        </dl>
        {trajectory.notes.length > 0 && (
          <>
            <h2 className="trajectory__notes-title">{t('trajectory.notes')}</h2>
            <ul className="trajectory__notes">
              {trajectory.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      {remarks !== null && (
        <Alert tone="info" title={t('partACheck.returnedTitle')}>
          {remarks && <p className="pre-line" data-testid="part-a-remarks">{remarks}</p>}
          {completionDue && <p>{t('partACheck.returnedDue', { date: formatDate(completionDue, language) })}</p>}
        </Alert>
      )}

      {trajectory.certificate?.number && <CertificateCard number={trajectory.certificate.number} />}

      {trajectory.planning && (
        <section className="card trajectory__team" aria-labelledby="team-titel">
          <h2 id="team-titel">{t('trajectory.team')}</h2>
          <dl className="facts facts--grid">
            <div>
              <dt>{t('trajectory.teamWhen')}</dt>
              <dd>
                {t('trajectory.teamDays', {
                  first: formatDate(trajectory.planning.first_day, language),
                  last: formatDate(trajectory.planning.last_day, language),
                })}
                {trajectory.planning.days != null && ` (${trajectory.planning.days.toLocaleString(language)} ${t('step.days').toLowerCase()})`}
              </dd>
            </div>
            {trajectory.planning.locations.length > 0 && (
              <div>
                <dt>{t('trajectory.teamLocations')}</dt>
                <dd>{trajectory.planning.locations.join('; ')}</dd>
              </div>
            )}
            <div>
              <dt>{t('trajectory.teamMembers')}</dt>
              <dd>
                <ul className="plain-list" data-testid="trajectory-team">
                  {trajectory.planning.team.map((member) => (
                    <li key={member.auditor_id}>
                      {member.name ?? `#${member.auditor_id}`} – {t(`auditors.role.${member.role}`)}
                      {member.organisation && <span className="muted"> · {member.organisation.name}</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </section>
      )}

      {links.length > 0 && (
        <section className="card trajectory__report" aria-labelledby="rapport-titel">
          <h2 id="rapport-titel">{t('report.linksTitle')}</h2>
          <p className="muted">{t('report.linksIntro')}</p>
          <ul className="link-list link-list--inline">
            {links.map((link) => (
              <li key={link.path}>
                <Link to={link.path}>{t(link.label)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="trajectory__grid">
        <div className="trajectory__main">
          <section className="card" aria-labelledby="acties-titel">
            <h2 id="acties-titel">{t('trajectory.actionsTitle')}</h2>
            {trajectory.actions.length === 0 ? (
              <p className="muted">{t('trajectory.actionsEmpty')}</p>
            ) : (
              PARTIES.filter((p) => trajectory.actions.some((a) => a.actor === p)).map((p) => (
                <div key={p} className="party-actions">
                  <h3 id={`acties-${p}`}>{t(`trajectory.party.${p}`)}</h3>
                  <ul className="action-list" aria-labelledby={`acties-${p}`}>
                    {trajectory.actions
                      .filter((a) => a.actor === p)
                      .map((action) => {
                        const late = action.status === 'overdue';
                        return (
                          <li key={`${action.key}${action.due ?? ''}`} className={late ? 'action-list__item action-list__item--late' : 'action-list__item'}>
                            <span className="action-list__todo">{action.todo}</span>
                            <span className="action-list__due">
                              {late && <strong className="overdue-tag">{t('trajectory.overdue')}</strong>}{' '}
                              {action.due ? t('trajectory.due', { date: formatDate(action.due, language) }) : t('trajectory.noDue')}
                            </span>
                          </li>
                        );
                      })}
                  </ul>
                </div>
              ))
            )}
          </section>

          {steps.length > 0 && (
            <section className="trajectory__steps" aria-labelledby="vastleggen-titel">
              <h2 id="vastleggen-titel">{t('trajectory.stepsTitle')}</h2>
              <p className="muted">{t('trajectory.stepsIntro')}</p>
              {steps.map((step) => (
                <StepForm
                  key={`${step.event}-${trajectory.events?.length ?? 0}`}
                  trajectoryId={trajectory.id}
                  step={step}
                  prefill={
                    step.event === 'membership_confirmed' && trajectory.previous_certificate
                      ? { previous_number: trajectory.previous_certificate.number, previous_expires: trajectory.previous_certificate.expires }
                      : undefined
                  }
                  onRecorded={(next) => {
                    setState({ status: 'ready', trajectory: next });
                    setRecorded({ label: t.optional(`trajectory.event.${step.event}`) ?? step.event, key: Date.now() });
                  }}
                />
              ))}
            </section>
          )}
        </div>

        <section className="card trajectory__timeline" aria-labelledby="tijdlijn-titel">
          <h2 id="tijdlijn-titel">{t('trajectory.timelineTitle')}</h2>
          <p className="muted">{t('trajectory.timelineIntro')}</p>
          <Timeline trajectory={trajectory} />
        </section>
      </div>

      {trajectory.deadlines.length > 0 && (
        <section aria-labelledby="termijnen-titel" className="trajectory__deadlines">
          <h2 id="termijnen-titel">{t('trajectory.deadlinesTitle')}</h2>
          <div className="table-wrap card">
            <table className="table table--stack">
              <caption>{t('trajectory.deadlinesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trajectory.deadlineWhat')}</th>
                  <th scope="col">{t('trajectory.deadlineWho')}</th>
                  <th scope="col">{t('trajectory.deadlineDue')}</th>
                  <th scope="col">{t('trajectory.deadlineStatus')}</th>
                  <th scope="col">{t('trajectory.deadlineSource')}</th>
                </tr>
              </thead>
              <tbody>
                {trajectory.deadlines.map((d) => (
                  <tr key={`${d.key}${d.from}`} className={d.status === 'overdue' ? 'trajectory__row--late' : undefined}>
                    <th scope="row">{d.label}</th>
                    <td data-label={t('trajectory.deadlineWho')}>{t(`trajectory.party.${d.actor}`)}</td>
                    <td data-label={t('trajectory.deadlineDue')}>
                      <time dateTime={d.due}>{formatDate(d.due, language)}</time>
                    </td>
                    <td data-label={t('trajectory.deadlineStatus')}>
                      <div>
                        <span className={`deadline-status deadline-status--${d.status}`}>{t(`trajectory.deadline.${d.status}`)}</span>
                        {d.met_on && <span className="muted"> {t('trajectory.metOn', { date: formatDate(d.met_on, language) })}</span>}
                      </div>
                    </td>
                    <td data-label={t('trajectory.deadlineSource')}>{d.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
