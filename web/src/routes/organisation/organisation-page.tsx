// "Onze organisatie" (member, ci-admin): the organisation's own registry entry, read-only (the
// role policy lets only the secretariat change the registries: members.write and cis.write), its
// membership or its conditions with what ends soon, and its users.
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import type { Ci, Member } from '../registry/registry-helpers';
import { CiConditions, CiFacts, MemberFacts, OrganisationUsers, TariffFacts } from '../registry/registry-parts';
import { formatDate } from '../trajectories/trajectory-helpers';
import { MemberCertificate } from '../register/member-certificate';

type LoadState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; error: UiError }
  | { status: 'member'; member: Member }
  | { status: 'ci'; ci: Ci };

export function OrganisationPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  usePageTitle(t('organisation.title'));
  const role = session.status === 'signed-in' ? session.user.role : null;
  const organisationId = session.status === 'signed-in' ? (session.user.organisation_id ?? null) : null;

  useEffect(() => {
    if (organisationId === null) {
      setState({ status: 'none' });
      return;
    }
    let cancelled = false;
    const load =
      role === 'ci-admin'
        ? unwrap(api.GET('/api/v1/cis/{id}', { params: { path: { id: organisationId } } })).then((ci): LoadState => ({ status: 'ci', ci }))
        : unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id: organisationId } } })).then(
            (member): LoadState => ({ status: 'member', member }),
          );
    load
      .then((next) => !cancelled && setState(next))
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState(uiError.kind === 'not-found' ? { status: 'none' } : { status: 'error', error: uiError });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded per organisation; t and language only shape an error message.
  }, [organisationId, role]);

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }
  const name = state.status === 'member' ? state.member.name : state.status === 'ci' ? state.ci.name : null;

  return (
    <div className="organisation">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('organisation.title')}</p>
        <h1 tabIndex={-1}>{name ?? t('organisation.title')}</h1>
        <p className="lead">{t('organisation.readOnly')}</p>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('registry.loadError')}>{state.error.message}</Alert>}
      {state.status === 'none' && (
        <div className="card">
          <EmptyState title={t('organisation.none')}>
            <p>{t('organisation.noneBody')}</p>
          </EmptyState>
        </div>
      )}
      {state.status === 'member' && (
        <div className="registry__grid">
          <section className="card" aria-labelledby="organisatie-gegevens">
            <h2 id="organisatie-gegevens">{t('registry.details')}</h2>
            <MemberFacts member={state.member} />
          </section>
          <div className="registry__side">
            <section className="card" aria-labelledby="organisatie-lidmaatschap">
              <h2 id="organisatie-lidmaatschap">{t('organisation.membership')}</h2>
              <p>
                <span className={`status-tag status-tag--${state.member.active ? 'active' : 'deactivated'}`}>
                  {t(state.member.active ? 'registry.member.active' : 'registry.member.inactive')}
                </span>
              </p>
              {state.member.active ? (
                <p>
                  {state.member.member_until
                    ? t('organisation.activeUntil', { date: formatDate(state.member.member_until, language) })
                    : t('organisation.activeOpenEnded')}
                </p>
              ) : (
                <p>{state.member.inactive_reason}</p>
              )}
            </section>
            <OrganisationUsers organisationId={state.member.id} />
          </div>
        </div>
      )}
      {state.status === 'member' && <MemberCertificate />}
      {state.status === 'ci' && (
        <div className="registry__grid">
          <section className="card" aria-labelledby="organisatie-gegevens">
            <h2 id="organisatie-gegevens">{t('registry.details')}</h2>
            <CiFacts ci={state.ci} />
          </section>
          <div className="registry__side">
            <section className="card" aria-labelledby="organisatie-voorwaarden">
              <h2 id="organisatie-voorwaarden">{t('registry.cis.conditions')}</h2>
              <CiConditions ci={state.ci} />
            </section>
            <section className="card" aria-labelledby="organisatie-tarief">
              <h2 id="organisatie-tarief">{t('registry.tariff.title')}</h2>
              <TariffFacts tariff={state.ci.tariff} code={state.ci.tariff_code} />
            </section>
            <OrganisationUsers organisationId={state.ci.id} />
          </div>
        </div>
      )}
    </div>
  );
}
