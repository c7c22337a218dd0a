// "/kalibratie", a member's calibration (issue 12): GET /api/v1/members/{id}/calibration for the
// signed-in member's own organisation. Per audit (newest first) and per norm the member's own
// self-evaluation verdict beside the audit's final verdict, how many agreed, and the branch's
// agreement on that norm; the branch's figure is null while too few organisations compared
// ("te weinig gegevens").
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { useLoaded } from '../home/use-loaded';
import { agreement, formatPercent, verdictsAgree, type CalibrationAudit } from './trend-helpers';

export function CalibrationPage() {
  const { t } = useI18n();
  usePageTitle(t('calibration.title'));
  const { session } = useSession();
  const memberId = session.status === 'signed-in' ? session.organisation?.id ?? null : null;
  const { state } = useLoaded(
    memberId === null ? null : () => unwrap(api.GET('/api/v1/members/{id}/calibration', { params: { path: { id: memberId } } })),
  );

  return (
    <div className="calibration">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{session.status === 'signed-in' ? session.organisation?.name : null}</p>
        <h1 tabIndex={-1}>{t('calibration.title')}</h1>
        <p className="lead">{t('calibration.lead')}</p>
      </div>
      {memberId === null && <Alert tone="info">{t('calibration.noOrganisation')}</Alert>}
      {memberId !== null && state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('calibration.loadError')}>{state.message}</Alert>}
      {state.status === 'ready' && state.data.audits.length === 0 && (
        <div className="card">
          <EmptyState title={t('calibration.emptyTitle')}>
            <p>{t('calibration.emptyBody')}</p>
          </EmptyState>
        </div>
      )}
      {state.status === 'ready' && state.data.audits.map((audit) => <AuditCalibration key={audit.trajectory_id} audit={audit} />)}
    </div>
  );
}

function AuditCalibration({ audit }: { audit: CalibrationAudit }) {
  const { t, language } = useI18n();
  const headingId = `kalibratie-${audit.trajectory_id}`;
  const overall = agreement(audit.agree, audit.compared);
  return (
    <section className="card trends__section" aria-labelledby={headingId} data-testid="calibration-audit">
      <h2 id={headingId}>{t('calibration.auditTitle', { year: audit.year })}</h2>
      <p>
        {overall
          ? t('calibration.agreement', { agree: overall.agree, compared: overall.compared, percent: formatPercent(overall.share, language) })
          : t('calibration.agreementNone')}{' '}
        <Link to={`/trajecten/${audit.trajectory_id}`}>{t('calibration.toTrajectory')}</Link>
      </p>
      <div className="table-wrap">
        <table className="table table--stack trends__table" data-testid="calibration-table">
          <caption>{t('calibration.caption', { year: audit.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.colNorm')}</th>
              <th scope="col">{t('calibration.colSelf')}</th>
              <th scope="col">{t('calibration.colAudit')}</th>
              <th scope="col">{t('calibration.colMatch')}</th>
              <th scope="col">{t('calibration.colBranch')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.norms.map((norm) => {
              const match = verdictsAgree(norm);
              const branch = norm.branch ? agreement(norm.branch.agree ?? 0, norm.branch.compared ?? 0) : null;
              return (
                <tr key={norm.code} className={match === false ? 'calibration__row--differs' : undefined}>
                  <th scope="row">
                    <span className="trends__code">{norm.code}</span> <span className="trends__norm-text">{norm.text}</span>
                  </th>
                  <td data-label={t('calibration.colSelf')}>{norm.self ?? <span className="calibration__none">{t('calibration.noVerdict')}</span>}</td>
                  <td data-label={t('calibration.colAudit')}>{norm.audit ?? <span className="calibration__none">{t('calibration.noVerdict')}</span>}</td>
                  <td data-label={t('calibration.colMatch')}>{t(match === null ? 'calibration.match.unknown' : match ? 'calibration.match.yes' : 'calibration.match.no')}</td>
                  <td data-label={t('calibration.colBranch')}>
                    {norm.branch === null ? (
                      <span className="trends__too-few">{t('trends.tooFew')}</span>
                    ) : branch ? (
                      t('calibration.branch', { agree: branch.agree, compared: branch.compared, percent: formatPercent(branch.share, language) })
                    ) : (
                      t('calibration.branchNone')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
