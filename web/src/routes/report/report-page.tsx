// /trajecten/:id/rapport "Rapport": the report of one version as the server assembles it (the same
// as the PDF), a version selector (concept, final), once final the changes concept → final per norm,
// and the PDF of Part A and Part B. Per party: the member drafts factual corrections while the concept
// is open and submits them; the CI decides on submitted ones and makes the findings final; the
// secretariat reads Part A and asks for Part B with a reason. The server decides what each may read.
import { useRef, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type PartAField, type PartBRequest, type Report, type RemarkList as Remarks, type ReportVersions, type Role, type Trajectory } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { handleError } from '../../utils/handle-error';
import { formatDate, partyOf, todayIso } from '../trajectories/trajectory-helpers';
import { MemberRemarks, type RemarkTarget } from './member-remarks';
import { PartBRequests } from './part-b-requests';
import { RecordEventButton } from './record-event-button';
import { RemarkDecision } from './remark-decision';
import { RemarkList } from './remark-list';
import { ReportChanges } from './report-changes';
import { ReportFrame, useReportData, useTrajectoryId } from './report-frame';
import { ReportView } from './report-view';

type Data = { report: Report; versions: ReportVersions | null; remarks: Remarks | null; requests: PartBRequest[] | null; partA: PartAField[] };

/** An answer the caller may not get (403/404) is "none" here; the report itself decides the page. */
async function optional<T>(pending: Promise<T>): Promise<T | null> {
  return pending.catch(() => null);
}

async function loadReport(id: number): Promise<Data> {
  const path = { params: { path: { id } } };
  const [report, versions, remarks, requests, partA] = await Promise.all([
    unwrap(api.GET('/api/v1/trajectories/{id}/report', path)),
    optional(unwrap(api.GET('/api/v1/trajectories/{id}/report/versions', path))),
    optional(unwrap(api.GET('/api/v1/trajectories/{id}/remarks', path))),
    optional(unwrap(api.GET('/api/v1/trajectories/{id}/part-b-requests', path)).then((r) => r.requests)),
    optional(unwrap(api.GET('/api/v1/trajectories/{id}/part-a', path)).then((r) => r.fields)),
  ]);
  return { report, versions, remarks, requests, partA: partA ?? [] };
}

export function ReportPage() {
  const { t } = useI18n();
  const id = useTrajectoryId();
  const { state, reload } = useReportData(id, loadReport);
  return (
    <ReportFrame id={id} state={state} title="report.title" intro={t('report.intro')}>
      {(trajectory, data) => <ReportBody key={data.report.version} trajectory={trajectory} data={data} reload={reload} />}
    </ReportFrame>
  );
}

function ReportBody({ trajectory, data, reload }: { trajectory: Trajectory; data: Data; reload: () => void }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role: Role | null = session.status === 'signed-in' ? session.user.role : null;
  const party = role ? partyOf(role) : null;
  const [shown, setShown] = useState<Report>(data.report);
  const [versionError, setVersionError] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const targetRef = useRef<HTMLSelectElement>(null);
  const newest = data.report;
  const report = shown.version === newest.version ? newest : shown;
  const versions = data.versions?.versions ?? [];
  const remarks = data.remarks?.remarks ?? [];
  const submitted = trajectory.events?.some((e) => e.event === 'corrections_received') ?? false;
  const windowUntil = data.remarks?.window_until ?? null;
  const correctionsOpen =
    role === 'member' && newest.stage === 'concept' && !submitted && (windowUntil === null || windowUntil >= todayIso());
  const pdf = (part: 'A' | 'B') => `/api/v1/trajectories/${trajectory.id}/report.pdf?part=${part}${report.version > 0 ? `&version=${report.version}` : ''}`;

  async function showVersion(value: string) {
    setVersionError(null);
    const version = Number(value);
    try {
      setShown(
        version === newest.version
          ? newest
          : await unwrap(api.GET('/api/v1/trajectories/{id}/report', { params: { path: { id: trajectory.id }, query: { version } } })),
      );
    } catch (caught) {
      const uiError = handleError(caught, { t, language });
      if (uiError) setVersionError(uiError.message);
    }
  }

  // A correction is about a norm or one of Part A's typed fields (not what the registries fill in).
  const targets: RemarkTarget[] = [
    ...data.partA.map((field) => ({ target: `part_a.${field.key}`, label: `${field.label} (${t('report.partAShort')})` })),
    ...(newest.part_b ?? []).flatMap((rubric) => rubric.norms.map((norm) => ({ target: norm.code, label: `${norm.code} – ${rubric.name}` }))),
  ];
  const remarkFor = correctionsOpen && report === newest
    ? (code: string, label: string) =>
        targets.some((option) => option.target === code) ? (
          <button
            type="button"
            className="button button--secondary button--small report__remark"
            onClick={() => {
              setTarget(code);
              targetRef.current?.scrollIntoView({ block: 'center' });
              targetRef.current?.focus();
            }}
          >
            {t('remarks.forTarget', { target: label })}
          </button>
        ) : null
    : undefined;

  return (
    <>
      <section className="card report__meta" aria-labelledby="rapport-versie">
        <h2 id="rapport-versie">{t('report.versionTitle')}</h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('trajectory.member')}</dt>
            <dd>{report.member}</dd>
          </div>
          <div>
            <dt>{t('trajectory.ci')}</dt>
            <dd>{report.ci}</dd>
          </div>
          <div>
            <dt>{t('report.stageLabel')}</dt>
            <dd data-testid="report-stage">{t(`report.stageName.${report.stage}`)}</dd>
          </div>
          {report.dated && (
            <div>
              <dt>{t('report.dated')}</dt>
              <dd>{formatDate(report.dated, language)}</dd>
            </div>
          )}
        </dl>
        {versions.length > 0 && (
          <div className="field report__version">
            <label className="field__label" htmlFor="rapport-versie-keuze">
              {t('report.version')}
            </label>
            <select id="rapport-versie-keuze" className="field__input" value={report.version} onChange={(e) => showVersion(e.target.value)}>
              {newest.version === 0 && <option value={0}>{t('report.workingVersion')}</option>}
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('report.versionOption', { stage: t(`report.stageName.${v.stage}`), version: v.version, date: formatDate(v.dated, language) })}
                </option>
              ))}
            </select>
            {versionError && <p className="field__error">{versionError}</p>}
          </div>
        )}
        <ul className="link-list link-list--inline report__pdf">
          <li>
            <a href={pdf('A')} download>
              {t('report.pdfA')}
            </a>
          </li>
          {report.part_b && (
            <li>
              <a href={pdf('B')} download>
                {t('report.pdfB')}
              </a>
            </li>
          )}
        </ul>
      </section>

      {party === 'ci' && newest.stage === 'concept' && (
        <section className="card remarks" aria-labelledby="correcties-ci">
          <h2 id="correcties-ci">{t('remarks.ciTitle')}</h2>
          <RemarkList
            remarks={remarks.filter((r) => r.status !== 'draft')}
            empty={t('remarks.noneSubmitted')}
            action={(remark) => (remark.status === 'submitted' ? <RemarkDecision trajectoryId={trajectory.id} remark={remark} onDecided={reload} /> : null)}
          />
          <RecordEventButton trajectoryId={trajectory.id} event="findings_final" label={t('report.makeFinal')} hint={t('report.makeFinalHint')} onRecorded={reload} />
        </section>
      )}

      {role === 'member' && newest.stage !== 'draft' && (data.remarks !== null || correctionsOpen) && (
        <MemberRemarks
          ref={targetRef}
          trajectoryId={trajectory.id}
          remarks={remarks}
          windowUntil={windowUntil}
          open={correctionsOpen}
          targets={targets}
          target={target}
          onTarget={setTarget}
          onChanged={reload}
        />
      )}

      {role === 'secretariat' && report.part_b === null && <p className="card">{t('partB.onlyPartA')}</p>}

      {party === 'ci' && newest.stage === 'final' && remarks.length > 0 && (
        <section className="card remarks" aria-labelledby="correcties-besluiten">
          <h2 id="correcties-besluiten">{t('remarks.decidedTitle')}</h2>
          <RemarkList remarks={remarks.filter((r) => r.status !== 'draft')} empty={t('remarks.noneSubmitted')} />
        </section>
      )}

      <ReportView report={report} remarkFor={remarkFor} />

      {newest.stage === 'final' && data.versions && <ReportChanges changes={data.versions.changes} />}

      {data.requests !== null && (
        <PartBRequests trajectoryId={trajectory.id} requests={data.requests} mayAsk={role === 'secretariat' && newest.part_b === null} onAsked={reload} />
      )}
    </>
  );
}
