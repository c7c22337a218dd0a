// The one API client: typed from the generated OpenAPI schema, cookies same-origin, and the CSRF
// token on every state-changing request.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type User = components['schemas']['User'];
export type Role = components['schemas']['Role'];
export type Organisation = components['schemas']['Organisation'];
export type Framework = components['schemas']['Framework'];
export type Norm = components['schemas']['Norm'];
export type Rubric = components['schemas']['Rubric'];
export type AuditEntry = components['schemas']['AuditEntry'];
export type Trajectory = components['schemas']['Trajectory'];
export type TrajectoryState = Trajectory['state'];
export type TrajectoryDeadline = components['schemas']['TrajectoryDeadline'];
export type TrajectoryAction = components['schemas']['TrajectoryAction'];
export type TrajectoryEvent = components['schemas']['TrajectoryEvent'];
export type TrajectoryEventInput = components['schemas']['TrajectoryEventInput'];
export type Party = TrajectoryAction['actor'];
export type SelfEvaluation = components['schemas']['SelfEvaluation'];
export type SelfEvaluationAnswer = components['schemas']['SelfEvaluationAnswer'];
export type SelfEvaluationVerdict = components['schemas']['SelfEvaluationVerdict'];
export type RubricProgress = components['schemas']['RubricProgress'];
export type PeerPool = components['schemas']['PeerPool'];
export type PeerPoolCandidate = components['schemas']['PeerPoolCandidate'];
export type Auditor = components['schemas']['Auditor'];
export type AuditorInput = components['schemas']['AuditorInput'];
export type AuditorRole = components['schemas']['AuditorRole'];
export type AuditorTieKind = components['schemas']['AuditorTieKind'];
export type TeamCandidate = components['schemas']['TeamCandidate'];
export type AuditPlanning = components['schemas']['AuditPlanning'];
export type TeamMemberInput = components['schemas']['TeamMemberInput'];
export type EvidenceDocument = components['schemas']['EvidenceDocument'];
export type FeedbackOffer = components['schemas']['FeedbackOffer'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;

/** Set from the login answer or GET /api/v1/me; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header for operations whose OpenAPI signature names X-CSRF-Token (the middleware adds it anyway). */
export function csrfHeader(): { 'X-CSRF-Token': string } {
  return { 'X-CSRF-Token': csrfToken ?? '' };
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});
api.use(csrfMiddleware);

// The audit report (issue 9): findings per norm, Part A, the assembled report, remarks, Part B requests.
export type Finding = components['schemas']['Finding'];
export type FindingInput = components['schemas']['FindingInput'];
export type FindingSource = components['schemas']['FindingSource'];
export type FindingVerdict = components['schemas']['FindingVerdict'];
export type Findings = components['schemas']['Findings'];
export type Addendum = components['schemas']['Addendum'];
export type AddendumPassage = components['schemas']['AddendumPassage'];
export type OverallTable = components['schemas']['OverallTable'];
export type RubricDocuments = components['schemas']['RubricDocuments'];
export type ReportStage = components['schemas']['ReportStage'];
export type PartAField = components['schemas']['PartAField'];
export type PartAFields = components['schemas']['PartAFields'];
export type Report = components['schemas']['Report'];
export type ReportVersions = components['schemas']['ReportVersions'];
export type ReportChange = components['schemas']['ReportChange'];
export type Remark = components['schemas']['Remark'];
export type RemarkList = components['schemas']['RemarkList'];
export type PartBRequest = components['schemas']['PartBRequest'];

// From the final report to the advice (issue 10): the improvement plan, open actions, notifications,
// the calendar feed, the e-mail language and the outbox.
export type ImprovementPlan = components['schemas']['ImprovementPlan'];
export type PlanStage = components['schemas']['PlanStage'];
export type PlanItem = components['schemas']['PlanItem'];
export type PlanItemInput = components['schemas']['PlanItemInput'];
export type PlanAssessment = components['schemas']['PlanAssessment'];
export type PlanRound = components['schemas']['PlanRound'];
export type PlanRoundItem = components['schemas']['PlanRoundItem'];
export type OpenAction = components['schemas']['OpenAction'];
export type AppNotification = components['schemas']['Notification'];
export type CalendarFeed = components['schemas']['CalendarFeed'];
export type EmailLanguage = components['schemas']['LanguagePreference']['language'];
export type OutboxMessage = components['schemas']['OutboxMessage'];
export type OutboxStatus = components['schemas']['OutboxStatus'];
export type OutboxList = components['schemas']['OutboxList'];
