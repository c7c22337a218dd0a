// /trajecten/:id/deel-a "Deel A": Part A's typed fields in B7's order (labels from the server),
// editable by the team's auditors during fieldwork and read by the CI, the member from the concept on
// and the secretariat. Everything else in Part A (organisation, CI, team, counts) the report fills in.
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type PartAFields } from '../../api/client';
import { EmptyState } from '../../components/common/empty-state';
import { OfflineNotice } from '../../components/common/offline-notice';
import { useI18n } from '../../i18n/i18n-context';
import { PartAFieldEditor } from './part-a-field-editor';
import { ReportFrame, useReportData, useTrajectoryId } from './report-frame';

async function loadPartA(id: number): Promise<PartAFields> {
  return unwrap(api.GET('/api/v1/trajectories/{id}/part-a', { params: { path: { id } } }));
}

export function PartAPage() {
  const { t } = useI18n();
  const id = useTrajectoryId();
  const { state } = useReportData(id, loadPartA);
  return (
    <ReportFrame id={id} state={state} title="partA.title" intro={t('partA.intro')}>
      {(trajectory, partA) => (
        <>
          <OfflineNotice />
          <section className="card part-a" aria-labelledby="deel-a-velden">
            <h2 id="deel-a-velden">{t('partA.fieldsTitle')}</h2>
            <p data-testid="report-stage">{t(`report.stage.${partA.stage}`)}</p>
            {!partA.editable && <p className="muted">{t('partA.readOnly')}</p>}
            <p>
              {t('partA.filledIn')} <Link to={`/trajecten/${trajectory.id}/rapport`}>{t('partA.toReport')}</Link>
            </p>
            {partA.fields.length === 0 ? (
              <EmptyState title={t('partA.empty')} />
            ) : (
              partA.fields.map((field) => <PartAFieldEditor key={field.key} trajectoryId={trajectory.id} field={field} editable={partA.editable} />)
            )}
          </section>
        </>
      )}
    </ReportFrame>
  );
}
