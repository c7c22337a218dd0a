// /trajecten/:id/bevindingen "Bevindingen": the team's findings per rubric and norm (editable by the
// team's auditors during fieldwork, read-only for the others who may read them), the documents per
// rubric, and the progress: B8's overall table and the norms the concept still lacks. The team
// leader sends the concept on the trajectory page (the event concept_sent).
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api, type Findings, type Framework } from '../../api/client';
import { OfflineNotice } from '../../components/common/offline-notice';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { partyOf } from '../trajectories/trajectory-helpers';
import { FindingEditor, type SavedSummary } from './finding-editor';
import { OverallTable } from './overall-table';
import { ReportFrame, useReportData, useTrajectoryId } from './report-frame';
import { RubricDocumentsEditor } from './rubric-documents-editor';

type Data = { findings: Findings; framework: Framework };

async function loadFindings(id: number, trajectory: { framework: string }): Promise<Data> {
  const [findings, framework] = await Promise.all([
    unwrap(api.GET('/api/v1/trajectories/{id}/findings', { params: { path: { id } } })),
    unwrap(api.GET('/api/v1/frameworks/{version}', { params: { path: { version: trajectory.framework } } })),
  ]);
  return { findings, framework };
}

export function FindingsPage() {
  const { t } = useI18n();
  const id = useTrajectoryId();
  const { state } = useReportData(id, loadFindings);
  return (
    <ReportFrame id={id} state={state} title="findings.title" intro={t('findings.intro')}>
      {(trajectory, data) => <FindingsBody key={trajectory.id} trajectoryId={trajectory.id} data={data} />}
    </ReportFrame>
  );
}

function FindingsBody({ trajectoryId, data }: { trajectoryId: number; data: Data }) {
  const { t } = useI18n();
  const { session } = useSession();
  const { findings, framework } = data;
  const [summary, setSummary] = useState<SavedSummary>({ overall: findings.overall, missing_for_concept: findings.missing_for_concept });
  const byNorm = new Map(findings.findings.map((f) => [f.norm, f]));
  const documents = new Map(findings.rubric_documents.map((d) => [d.rubric, d]));
  const ciParty = session.status === 'signed-in' && partyOf(session.user.role) === 'ci';
  const missing = summary.missing_for_concept;

  return (
    <>
      <OfflineNotice />
      <section className="card findings__summary" aria-labelledby="bevindingen-voortgang">
        <h2 id="bevindingen-voortgang">{t('findings.progressTitle')}</h2>
        <p data-testid="report-stage">{t(`report.stage.${findings.stage}`)}</p>
        {!findings.editable && <p className="muted">{t('findings.readOnly')}</p>}
        {findings.stage === 'draft' && (
          <p data-testid="missing-for-concept">
            {missing.length === 0 ? t('findings.allAssessed') : t('findings.missing', { norms: missing.join(', '), count: missing.length })}
          </p>
        )}
        <OverallTable table={summary.overall} caption={t('overall.caption')} />
        {ciParty && findings.stage === 'draft' && (
          <p className="findings__concept">
            {t('findings.conceptHint')} <Link to={`/trajecten/${trajectoryId}`}>{t('findings.toTrajectory')}</Link>
          </p>
        )}
      </section>

      <nav className="rubric-nav" aria-label={t('findings.rubrics')}>
        <ul>
          {framework.rubrics.map((rubric) => (
            <li key={rubric.code} className="rubric-nav__item">
              <a href={`#rubriek-${rubric.code}`}>{rubric.name}</a>
            </li>
          ))}
        </ul>
      </nav>

      {framework.rubrics.map((rubric) => (
        <section key={rubric.code} id={`rubriek-${rubric.code}`} className="findings__rubric" aria-labelledby={`rubriek-${rubric.code}-titel`}>
          <h2 id={`rubriek-${rubric.code}-titel`}>{rubric.name}</h2>
          {framework.norms
            .filter((norm) => norm.rubric === rubric.code)
            .map((norm) => {
              const finding = byNorm.get(norm.code);
              return finding ? (
                <FindingEditor key={norm.code} trajectoryId={trajectoryId} norm={norm} finding={finding} editable={findings.editable} onSaved={setSummary} />
              ) : null;
            })}
          <RubricDocumentsEditor
            trajectoryId={trajectoryId}
            rubric={rubric.code}
            name={rubric.name}
            initial={documents.get(rubric.code)}
            editable={findings.editable}
          />
        </section>
      ))}
    </>
  );
}
