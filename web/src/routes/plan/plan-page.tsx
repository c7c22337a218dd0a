// /trajecten/:id/verbeterplan "Verbeterplan" (scenario b and c): per norm with - or +/- in the final
// report its verdict and final finding, and the member's item (Oorzaak, Verbeteracties, Wie,
// Uiterlijk) with autosave; the member hands the plan in (plan_submitted, or revision_submitted after
// a rejection); the CI approves or rejects each norm with a remark and records its decision; after a
// second rejection it records negative advice or an agreed next step, after approval the advice and
// the final report with the plans. Earlier rounds are read-only below. The server decides who may
// edit what (`editable`, `assessable`) and refuses a step with the rule's reason.
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type Framework, type ImprovementPlan, type PlanItem, type Trajectory } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { OfflineNotice } from '../../components/common/offline-notice';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ReportFrame, useReportData, useTrajectoryId } from '../report/report-frame';
import { RecordEventButton } from '../report/record-event-button';
import { verdictLabel } from '../report/finding-helpers';
import { StepForm } from '../trajectories/step-form';
import { formatDate, partyOf, stepsFor } from '../trajectories/trajectory-helpers';
import { AssessmentSummary, PlanAssessmentEditor } from './plan-assessment-editor';
import { PlanItemEditor, PlanItemSummary } from './plan-item-editor';
import { PlanRounds } from './plan-rounds';
import {
  assessmentCounts,
  assessmentValue,
  PLAN_CI_EVENTS,
  planItemValue,
  planProgress,
  rejection,
  submitEvent,
  type AssessmentValue,
} from './plan-helpers';

type Data = { plan: ImprovementPlan; findings: Map<string, string> | null; framework: Framework | null };

async function loadPlan(id: number, trajectory: Trajectory, readsFindings: boolean): Promise<Data> {
  const path = { params: { path: { id } } };
  const [plan, findings, framework] = await Promise.all([
    unwrap(api.GET('/api/v1/trajectories/{id}/plan', path)),
    // The final findings' texts, for those who may read them (never the secretariat: B5 B11).
    readsFindings
      ? unwrap(api.GET('/api/v1/trajectories/{id}/findings', path))
          .then((f) => new Map(f.findings.map((finding) => [finding.norm, finding.text])))
          .catch(() => null)
      : Promise.resolve(null),
    unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: trajectory.framework } } })).catch(() => null),
  ]);
  return { plan, findings, framework };
}

export function PlanPage() {
  const { t } = useI18n();
  const id = useTrajectoryId();
  const { session } = useSession();
  const readsFindings = session.status === 'signed-in' && session.user.role !== 'secretariat';
  const { state, reload } = useReportData(id, (trajectoryId, trajectory) => loadPlan(trajectoryId, trajectory, readsFindings));
  // Kept above the body, which starts afresh with each stage and round of the plan.
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  return (
    <ReportFrame id={id} state={state} title="plan.title" intro={t('plan.intro')}>
      {(trajectory, data) => (
        <PlanBody
          key={`${trajectory.id}-${data.plan.stage}-${data.plan.round}`}
          trajectory={trajectory}
          data={data}
          recorded={recorded}
          onRecorded={(label) => {
            setRecorded({ label, key: Date.now() });
            reload();
          }}
        />
      )}
    </ReportFrame>
  );
}

type Recorded = { label: string; key: number };

function PlanBody({
  trajectory,
  data,
  recorded,
  onRecorded,
}: {
  trajectory: Trajectory;
  data: Data;
  recorded: Recorded | null;
  onRecorded: (label: string) => void;
}) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const party = session.status === 'signed-in' ? partyOf(session.user.role) : null;
  const { plan, findings, framework } = data;
  const [complete, setComplete] = useState(() => new Map(plan.items.map((item) => [item.norm, item.complete])));
  const [assessments, setAssessments] = useState(() => new Map(plan.items.map((item) => [item.norm, assessmentValue(item.assessment)])));
  const [refused, setRefused] = useState(false);
  const items = new Map(plan.items.map((item) => [item.norm, item]));
  const normText = new Map((framework?.norms ?? []).map((norm) => [norm.code, norm.text]));
  const progress = planProgress(plan.norms, complete);
  const missing = plan.norms.filter((norm) => complete.get(norm) !== true);
  const submit = plan.editable ? submitEvent(plan.stage) : null;
  const counts = assessmentCounts(plan.norms.map((norm) => assessments.get(norm) ?? { approved: null, remark: '' }));
  const ciSteps = stepsFor(trajectory, party).filter((step) => PLAN_CI_EVENTS.includes(step.event));

  if (plan.norms.length === 0) {
    return (
      <section className="card">
        <EmptyState title={t('plan.noneTitle')}>
          <p>{t('plan.noneBody')}</p>
        </EmptyState>
      </section>
    );
  }

  return (
    <>
      <OfflineNotice />
      {recorded && <Alert key={recorded.key} tone="success" title={t('trajectory.recorded', { label: recorded.label })} focus />}
      <section className="card plan__summary" aria-labelledby="plan-stand">
        <h2 id="plan-stand">{t('plan.stateTitle')}</h2>
        <p data-testid="plan-stage">{t(`plan.stage.${plan.stage}`)}</p>
        {plan.due && (
          <p>
            {t('plan.due', { date: formatDate(plan.due, language) })}
          </p>
        )}
        <p data-testid="plan-progress">{t('plan.progress', { done: progress.done, total: progress.total })}</p>
        {plan.assessable && (
          <p data-testid="plan-assessed">{t('plan.assessedCount', { assessed: counts.assessed, total: plan.norms.length, rejected: counts.rejected })}</p>
        )}
        {!plan.editable && !plan.assessable && <p className="muted">{t('plan.readOnly')}</p>}
      </section>

      {plan.norms.map((norm) => {
        const item = items.get(norm);
        return item ? (
          <PlanNorm
            key={norm}
            trajectoryId={trajectory.id}
            plan={plan}
            item={item}
            text={normText.get(norm) ?? null}
            finding={findings?.get(norm) ?? null}
            onSaved={(code, done) => setComplete((previous) => new Map(previous).set(code, done))}
            onAssessed={(code, value) => setAssessments((previous) => new Map(previous).set(code, value))}
          />
        ) : null;
      })}

      {submit && (
        <section className="card plan__submit" aria-labelledby="plan-indienen">
          <h2 id="plan-indienen">{t(submit === 'plan_submitted' ? 'plan.submitTitle' : 'plan.reviseTitle')}</h2>
          {missing.length > 0 ? (
            <div className={refused ? 'alert alert--error' : 'alert alert--info'} data-testid="plan-missing">
              <p className="alert__title">{t('plan.missingTitle', { count: missing.length })}</p>
              <ul className="link-list link-list--inline">
                {missing.map((norm) => (
                  <li key={norm}>
                    <a href={`#norm-${norm}`}>{norm}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t('plan.allComplete')}</p>
          )}
          <RecordEventButton
            trajectoryId={trajectory.id}
            event={submit}
            label={t(submit === 'plan_submitted' ? 'plan.submit' : 'plan.submitRevision')}
            hint={t('plan.submitHint')}
            onRecorded={() => onRecorded(t.optional(`trajectory.event.${submit}`) ?? submit)}
            onRefused={() => setRefused(true)}
          />
        </section>
      )}

      {ciSteps.length > 0 && (
        <section className="trajectory__steps plan__steps" aria-labelledby="plan-besluit">
          <h2 id="plan-besluit">{t('plan.decisionTitle')}</h2>
          <p className="muted">{t(plan.assessable ? 'plan.decisionIntro' : 'plan.nextIntro')}</p>
          {ciSteps.map((step) => (
            <StepForm
              key={`${step.event}-${trajectory.events?.length ?? 0}`}
              trajectoryId={trajectory.id}
              step={step}
              onRecorded={() => onRecorded(t.optional(`trajectory.event.${step.event}`) ?? step.event)}
            />
          ))}
        </section>
      )}

      <section className="card plan__rounds" aria-labelledby="plan-rondes">
        <h2 id="plan-rondes">{t('plan.roundsTitle')}</h2>
        <PlanRounds rounds={plan.rounds} />
      </section>
    </>
  );
}

function PlanNorm({
  trajectoryId,
  plan,
  item,
  text,
  finding,
  onSaved,
  onAssessed,
}: {
  trajectoryId: number;
  plan: ImprovementPlan;
  item: PlanItem;
  text: string | null;
  finding: string | null;
  onSaved: (norm: string, complete: boolean) => void;
  onAssessed: (norm: string, value: AssessmentValue) => void;
}) {
  const { t } = useI18n();
  const id = `norm-${item.norm}`;
  const rejected = rejection(plan, item);
  const current = assessmentValue(item.assessment);
  return (
    <article className="card plan-item" id={id} aria-labelledby={`${id}-title`}>
      <div className="plan-item__main">
        <h3 className="norm-answer__title" id={`${id}-title`}>
          <span className="badge">{item.norm}</span> {text && <span lang="nl">{text}</span>}
        </h3>
        <p className="plan-item__verdict" data-testid={`verdict-${item.norm}`}>
          {t('plan.verdictIs', { verdict: t(verdictLabel(item.verdict)) })}
        </p>
        {rejected && plan.editable && (
          <div className="alert alert--error plan-item__rejection" data-testid={`rejection-${item.norm}`}>
            <p className="alert__title">{rejected.round ? t('plan.rejectedInRound', { round: rejected.round }) : t('plan.rejectedNow')}</p>
            <div className="alert__body">
              <p>{rejected.remark}</p>
            </div>
          </div>
        )}
        {plan.editable ? (
          <PlanItemEditor trajectoryId={trajectoryId} item={item} onSaved={onSaved} />
        ) : (
          <PlanItemSummary value={planItemValue(item)} />
        )}
        {plan.assessable && (
          <PlanAssessmentEditor trajectoryId={trajectoryId} norm={item.norm} assessment={item.assessment} onChange={onAssessed} />
        )}
        {!plan.assessable && current.approved !== null && !(plan.editable && rejected) && (
          <div className="plan-item__assessment" data-testid={`assessment-${item.norm}`}>
            <h4>{t('plan.assessmentTitle')}</h4>
            <AssessmentSummary value={current} />
          </div>
        )}
      </div>
      <aside className="plan-item__finding" aria-label={t('plan.findingOf', { code: item.norm })}>
        <h4>{t('plan.findingTitle')}</h4>
        {finding === null ? (
          <p className="muted">{t('plan.findingHidden')}</p>
        ) : (
          <p className="plan-item__finding-text">{finding.trim() || t('stale.noText')}</p>
        )}
      </aside>
    </article>
  );
}
