// The report as the server assembles it (the same content as the PDF): Part A's sections as
// definition lists, the strong and improvement points, B8's overall table, and Part B per rubric as a
// table norm / bevindingen / oordeel with the documents inspected. `remarkFor` adds the member's
// "Correctie" button to each norm and Part A line while the concept is open.
import type { ReactNode } from 'react';
import type { Report } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { verdictLabel } from './finding-helpers';
import { OverallTable } from './overall-table';

export function ReportView({ report, remarkFor }: { report: Report; remarkFor?: (target: string, label: string) => ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <section className="card report__part" aria-labelledby="deel-a-titel">
        <h2 id="deel-a-titel">{t('report.partA')}</h2>
        {report.part_a.map((section) => (
          <div key={section.title} className="report__section">
            <h3>{section.title}</h3>
            <dl className="facts report__facts">
              {section.lines.map((line) => (
                <div key={line.key}>
                  <dt>{line.label}</dt>
                  <dd>
                    <span className="report__value">{line.value || <span className="muted">–</span>}</span>
                    {remarkFor?.(`part_a.${line.key}`, line.label)}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
        <div className="report__points">
          <div>
            <h3>{t('report.strongPoints')}</h3>
            <PointList points={report.strong_points} />
            {remarkFor?.('part_a.strong_points', t('report.strongPoints'))}
          </div>
          <div>
            <h3>{t('report.improvementPoints')}</h3>
            <PointList points={report.improvement_points} />
            {remarkFor?.('part_a.improvement_points', t('report.improvementPoints'))}
          </div>
        </div>
        <h3>{t('report.overallTitle')}</h3>
        <OverallTable table={report.overall} caption={t('overall.caption')} />
      </section>

      {report.part_b && (
        <section className="card report__part" aria-labelledby="deel-b-titel">
          <h2 id="deel-b-titel">{t('report.partB')}</h2>
          {report.part_b.map((rubric) => (
            <div key={rubric.code} className="report__rubric">
              <h3 id={`deel-b-${rubric.code}`}>{rubric.name}</h3>
              <div className="table-wrap">
                <table className="table table--stack report__norms" aria-labelledby={`deel-b-${rubric.code}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.norm')}</th>
                      <th scope="col">{t('report.findings')}</th>
                      <th scope="col">{t('report.verdict')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rubric.norms.map((norm) => (
                      <tr key={norm.code} data-norm={norm.code}>
                        <th scope="row">
                          <span className="badge">{norm.code}</span> <span lang="nl">{norm.text}</span>
                        </th>
                        <td data-label={t('report.findings')}>
                          <div className="report__findings">
                            <p className="report__text">{norm.findings || <span className="muted">{t('report.noFindings')}</span>}</p>
                            {remarkFor?.(norm.code, norm.code)}
                          </div>
                        </td>
                        <td data-label={t('report.verdict')}>
                          <div>
                            <strong className="report__verdict">{norm.verdict ?? '–'}</strong> <span className="muted">{t(verdictLabel(norm.verdict))}</span>
                            {norm.verdict === 'n.v.t.' && norm.reason && <p className="muted">{norm.reason}</p>}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h4>{t('report.documents', { rubric: rubric.name })}</h4>
              {rubric.documents.length === 0 ? (
                <p className="muted">{t('sources.none')}</p>
              ) : (
                <ul className="plain-list">
                  {rubric.documents.map((document) => (
                    <li key={document}>{document}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </>
  );
}

function PointList({ points }: { points: string[] }) {
  const { t } = useI18n();
  if (points.length === 0) return <p className="muted">{t('report.noPoints')}</p>;
  return (
    <ol>
      {points.map((point, index) => (
        <li key={index}>{point}</li>
      ))}
    </ol>
  );
}
