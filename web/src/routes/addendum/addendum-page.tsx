// /trajecten/:id/aanvullende-toetsing "Aanvullende toetsing" (scenario c, B6 §9c): the CI's team
// reassesses each norm the final report found not or partly met (the findings form, saved to the
// addendum) and writes the additional passage for Part A; the team closes the audit with
// additional_audit_held, which the server refuses while anything is missing. Once held the member
// reads it here too; the report shows the passage in Part A and the addendum after Part B.
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Addendum, type Framework } from '../../api/client';
import { OfflineNotice } from '../../components/common/offline-notice';
import { useI18n } from '../../i18n/i18n-context';
import { FindingEditor, type SavedSummary } from '../report/finding-editor';
import { verdictLabel } from '../report/finding-helpers';
import { OverallTable } from '../report/overall-table';
import { RecordEventButton } from '../report/record-event-button';
import { ReportFrame, useReportData, useTrajectoryId } from '../report/report-frame';
import { formatDate } from '../trajectories/trajectory-helpers';
import { PassageEditor } from './passage-editor';

type Data = { addendum: Addendum; framework: Framework };

async function loadAddendum(id: number, trajectory: { framework: string }): Promise<Data> {
  const [addendum, framework] = await Promise.all([
    unwrap(api.GET('/api/v1/trajectories/{id}/addendum', { params: { path: { id } } })),
    unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: trajectory.framework } } })),
  ]);
  return { addendum, framework };
}

export function AddendumPage() {
  const { t } = useI18n();
  const id = useTrajectoryId();
  const { state, reload } = useReportData(id, loadAddendum);
  return (
    <ReportFrame id={id} state={state} title="addendum.title" intro={t('addendum.intro')}>
      {(trajectory, data) => <AddendumBody key={`${trajectory.id}-${data.addendum.held_on ?? ''}`} trajectoryId={trajectory.id} data={data} reload={reload} />}
    </ReportFrame>
  );
}

function AddendumBody({ trajectoryId, data, reload }: { trajectoryId: number; data: Data; reload: () => void }) {
  const { t, language } = useI18n();
  const { addendum, framework } = data;
  const [summary, setSummary] = useState<SavedSummary>({ overall: addendum.overall, missing_for_concept: addendum.missing });
  const [passageMissing, setPassageMissing] = useState(addendum.missing.includes('passage'));
  const norms = new Map(framework.norms.map((norm) => [norm.code, norm]));
  const missingNorms = summary.missing_for_concept.filter((item) => item !== 'passage');
  const missing = [...missingNorms, ...(passageMissing ? [t('addendum.passageMissing')] : [])];

  return (
    <>
      <OfflineNotice />
      <section className="card findings__summary" aria-labelledby="aanvullend-voortgang">
        <h2 id="aanvullend-voortgang">{t('addendum.progressTitle')}</h2>
        <p data-testid="addendum-stage">
          {addendum.held_on
            ? t('addendum.heldOn', { date: formatDate(addendum.held_on, language) })
            : t('addendum.plannedFor', { date: formatDate(addendum.planned_for, language) })}
        </p>
        {!addendum.held_on && (
          <p data-testid="addendum-missing">{missing.length === 0 ? t('addendum.complete') : t('addendum.missing', { items: missing.join(', ') })}</p>
        )}
        <OverallTable table={summary.overall} caption={t('addendum.overallCaption')} />
        {addendum.held_on && (
          <p>
            <Link to={`/trajecten/${trajectoryId}/rapport`}>{t('addendum.toReport')}</Link>
          </p>
        )}
      </section>

      <section className="findings__rubric" aria-labelledby="aanvullend-normen">
        <h2 id="aanvullend-normen">{t('addendum.normsTitle')}</h2>
        {addendum.norms.map((finding) => {
          const norm = norms.get(finding.norm);
          if (!norm) return null;
          return (
            <div key={finding.norm} className="addendum__norm">
              <p className="badge" data-testid={`before-${finding.norm}`}>
                {t('addendum.before', { verdict: t(verdictLabel(finding.verdict_before)) })}
              </p>
              <FindingEditor trajectoryId={trajectoryId} norm={norm} finding={finding} editable={addendum.editable} onSaved={setSummary} addendum />
            </div>
          );
        })}
      </section>

      <PassageEditor
        trajectoryId={trajectoryId}
        passage={addendum.passage}
        editable={addendum.editable}
        onSaved={(text) => setPassageMissing(text.trim() === '')}
      />

      {addendum.editable && (
        <section className="card" aria-labelledby="aanvullend-afsluiten">
          <h2 id="aanvullend-afsluiten">{t('addendum.hold')}</h2>
          <RecordEventButton trajectoryId={trajectoryId} event="additional_audit_held" label={t('addendum.hold')} hint={t('addendum.holdHint')} onRecorded={reload} />
        </section>
      )}
    </>
  );
}
