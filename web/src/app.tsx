import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from './components/common/loading';
import { AppShell } from './components/layout/app-shell';
import { I18nProvider } from './i18n/i18n-context';
import { mayOpen, type GuardedPage } from './session/access';
import { SessionProvider, useSession } from './session/session-context';
import { ForbiddenPage } from './routes/errors/forbidden-page';
import { NotFoundPage } from './routes/errors/not-found-page';
import { FrameworkPage } from './routes/framework/framework-page';
import { HomePage } from './routes/home/home-page';
import { LoginPage } from './routes/login/login-page';
import { ForgotPasswordPage } from './routes/password/forgot-password-page';
import { ResetPasswordPage } from './routes/password/reset-password-page';
import { UsersPage } from './routes/users/users-page';
import { AuditLogPage } from './routes/audit-log/audit-log-page';
import { TrajectoriesPage } from './routes/trajectories/trajectories-page';
import { TrajectoryPage } from './routes/trajectories/trajectory-page';
import { SelfEvaluationPage } from './routes/self-evaluation/self-evaluation-page';
import { PeerPoolsPage } from './routes/peer-pools/peer-pools-page';
import { AuditorsPage } from './routes/auditors/auditors-page';
import { MembersPage } from './routes/registry/members-page';
import { MemberPage } from './routes/registry/member-page';
import { CisPage } from './routes/registry/cis-page';
import { CiPage } from './routes/registry/ci-page';
import { OrganisationPage } from './routes/organisation/organisation-page';
import { ScopePage } from './routes/scope/scope-page';
import { RequestPage } from './routes/request/request-page';
import { SelfEvaluationFeedbackPage } from './routes/self-evaluation/feedback-page';
import { FindingsPage } from './routes/report/findings-page';
import { PartAPage } from './routes/report/part-a-page';
import { ReportPage } from './routes/report/report-page';
import { PlanPage } from './routes/plan/plan-page';
import { AddendumPage } from './routes/addendum/addendum-page';
import { OutboxPage } from './routes/outbox/outbox-page';
import { RegisterPage } from './routes/register/register-page';
import { CertificatePage } from './routes/register/certificate-page';
import { PartACheckPage } from './routes/register/part-a-check-page';
import { RegisterImportPage } from './routes/register/register-import-page';
import { TrendsPage } from './routes/trends/trends-page';
import { CalibrationPage } from './routes/trends/calibration-page';

/** Signed out → to /inloggen (and back afterwards); signed in with the wrong role → "Geen toegang". */
function Guard({ page, children }: { page: GuardedPage; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return <Loading />;
  }
  if (session.status === 'anonymous') {
    const here = location.pathname + location.search;
    const back = here === '/' ? '' : `?terug=${encodeURIComponent(here)}`;
    return <Navigate to={`/inloggen${back}`} replace />;
  }
  if (!mayOpen(session.user.role, page)) {
    return <ForbiddenPage />;
  }
  return <>{children}</>;
}

/** Public pages wait for the session too, so the header does not flicker. */
function AfterSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  return session.status === 'loading' ? <Loading /> : <>{children}</>;
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route element={<AppShell />}>
              <Route
                index
                element={
                  <Guard page="home">
                    <HomePage />
                  </Guard>
                }
              />
              <Route
                path="gebruikers"
                element={
                  <Guard page="users">
                    <UsersPage />
                  </Guard>
                }
              />
              <Route
                path="auditlog"
                element={
                  <Guard page="auditLog">
                    <AuditLogPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten"
                element={
                  <Guard page="trajectories">
                    <TrajectoriesPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id"
                element={
                  <Guard page="trajectories">
                    <TrajectoryPage />
                  </Guard>
                }
              />
              <Route
                path="zelfevaluatie"
                element={
                  <Guard page="selfEvaluation">
                    <SelfEvaluationPage />
                  </Guard>
                }
              />
              <Route
                path="leden"
                element={
                  <Guard page="members">
                    <MembersPage />
                  </Guard>
                }
              />
              <Route
                path="leden/:id"
                element={
                  <Guard page="members">
                    <MemberPage />
                  </Guard>
                }
              />
              <Route
                path="instellingen"
                element={
                  <Guard page="cis">
                    <CisPage />
                  </Guard>
                }
              />
              <Route
                path="instellingen/:id"
                element={
                  <Guard page="cis">
                    <CiPage />
                  </Guard>
                }
              />
              <Route
                path="organisatie"
                element={
                  <Guard page="organisation">
                    <OrganisationPage />
                  </Guard>
                }
              />
              <Route
                path="scope-en-fte"
                element={
                  <Guard page="scope">
                    <ScopePage />
                  </Guard>
                }
              />
              <Route
                path="toetsing-aanvragen"
                element={
                  <Guard page="request">
                    <RequestPage />
                  </Guard>
                }
              />
              <Route
                path="branchetoetsing"
                element={
                  <Guard page="peerPools">
                    <PeerPoolsPage />
                  </Guard>
                }
              />
              <Route
                path="auditoren"
                element={
                  <Guard page="auditors">
                    <AuditorsPage />
                  </Guard>
                }
              />
              <Route
                path="zelfevaluatie-feedback"
                element={
                  <Guard page="ciFeedback">
                    <SelfEvaluationFeedbackPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/bevindingen"
                element={
                  <Guard page="findings">
                    <FindingsPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/deel-a"
                element={
                  <Guard page="reportPages">
                    <PartAPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/rapport"
                element={
                  <Guard page="reportPages">
                    <ReportPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/verbeterplan"
                element={
                  <Guard page="plan">
                    <PlanPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/aanvullende-toetsing"
                element={
                  <Guard page="findings">
                    <AddendumPage />
                  </Guard>
                }
              />
              <Route
                path="uitgaande-post"
                element={
                  <Guard page="outbox">
                    <OutboxPage />
                  </Guard>
                }
              />
              <Route
                path="trajecten/:id/deel-a-controle"
                element={
                  <Guard page="partACheck">
                    <PartACheckPage />
                  </Guard>
                }
              />
              <Route
                path="trends"
                element={
                  <Guard page="trends">
                    <TrendsPage />
                  </Guard>
                }
              />
              <Route
                path="kalibratie"
                element={
                  <Guard page="calibration">
                    <CalibrationPage />
                  </Guard>
                }
              />
              <Route path="register" element={<AfterSession><RegisterPage /></AfterSession>} />
              <Route
                path="register/importeren"
                element={
                  <Guard page="registerImport">
                    <RegisterImportPage />
                  </Guard>
                }
              />
              <Route path="register/:number" element={<AfterSession><CertificatePage /></AfterSession>} />
              <Route path="normenkader" element={<AfterSession><FrameworkPage /></AfterSession>} />
              <Route path="inloggen" element={<AfterSession><LoginPage /></AfterSession>} />
              <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
              <Route path="wachtwoord-herstellen" element={<ResetPasswordPage />} />
              <Route path="index.html" element={<Navigate to="/" replace />} />
              <Route path="*" element={<AfterSession><NotFoundPage /></AfterSession>} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
