// One member in the registry (secretariat): its membership, the form with every field (what was
// typed stays after a refusal, the error next to the field the server names), and its users with
// an invitation by e-mail.
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { NotFoundPage } from '../errors/not-found-page';
import { memberFieldGroups } from './registry-fields';
import { RegistryForm, type FormFailure } from './registry-form';
import { memberBody, memberValues, type FormValues, type Member } from './registry-helpers';
import { OrganisationUsers } from './registry-parts';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; member: Member };

export function MemberPage() {
  const { t, language } = useI18n();
  const params = useParams();
  const location = useLocation();
  const id = /^[1-9]\d*$/.test(params.id ?? '') ? Number(params.id) : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [values, setValues] = useState<FormValues>(() => memberValues(null));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<number | null>((location.state as { created?: boolean } | null)?.created ? -1 : null);
  const [busy, setBusy] = useState(false);
  usePageTitle(state.status === 'ready' ? state.member.name : t('registry.members.title'));

  useEffect(() => {
    if (id === null) {
      return;
    }
    let cancelled = false;
    unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id } } }))
      .then((member) => {
        if (!cancelled) {
          setState({ status: 'ready', member });
          setValues(memberValues(member));
        }
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) {
          setState({ status: 'error', error: uiError });
        }
      });
    return () => {
      cancelled = true;
    };
    // Loaded per id; t and language only shape an error message.
  }, [id]);

  async function save() {
    if (id === null) {
      return;
    }
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      const member = await unwrap(
        api.PUT('/api/v1/members/{id}', { params: { path: { id } }, body: memberBody(values) }),
      );
      setState({ status: 'ready', member });
      setValues(memberValues(member));
      setSaved(Date.now());
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        setFailure({ field: uiError.field, message: uiError.message, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  if (id === null || (state.status === 'error' && state.error.kind === 'not-found')) {
    return <NotFoundPage />;
  }
  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }
  const member = state.status === 'ready' ? state.member : null;

  return (
    <div className="registry">
      <p className="registry__back">
        <Link to="/leden">{t('registry.members.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('registry.members.title')}</p>
        <h1 tabIndex={-1}>{member ? member.name : t('registry.members.title')}</h1>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('registry.loadError')}>{state.error.message}</Alert>}
      {saved !== null && (
        <Alert key={saved} tone="success" title={saved === -1 ? t('registry.members.created') : t('registry.saved')} />
      )}
      {member && (
        <div className="registry__grid">
          <section className="card" aria-labelledby="lid-gegevens">
            <h2 id="lid-gegevens">{t('registry.details')}</h2>
            <p className="registry__status">
              <span className={`status-tag status-tag--${member.active ? 'active' : 'deactivated'}`}>
                {t(member.active ? 'registry.member.active' : 'registry.member.inactive')}
              </span>{' '}
              {member.inactive_reason && <span>{member.inactive_reason}</span>}
            </p>
            <RegistryForm
              idPrefix="lid"
              title={t('registry.details')}
              groups={memberFieldGroups(t)}
              values={values}
              onChange={setValues}
              failure={failure}
              busy={busy}
              submitLabel={t('registry.save')}
              onSubmit={save}
            />
          </section>
          <OrganisationUsers organisationId={member.id} roles={['member', 'auditor']} />
        </div>
      )}
    </div>
  );
}
