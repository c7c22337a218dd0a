// One CI in the registry (secretariat): whether it can be chosen and why not, what ends soon, its
// rates from the tariffs file, the form with every field, and its users with an invitation.
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
import { ciFieldGroups } from './registry-fields';
import { RegistryForm, type FormFailure } from './registry-form';
import { ciBody, ciValues, type Ci, type FormValues } from './registry-helpers';
import { CiConditions, OrganisationUsers, TariffFacts } from './registry-parts';

type LoadState = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; ci: Ci };

export function CiPage() {
  const { t, language } = useI18n();
  const params = useParams();
  const location = useLocation();
  const id = /^[1-9]\d*$/.test(params.id ?? '') ? Number(params.id) : null;
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [values, setValues] = useState<FormValues>(() => ciValues(null));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<number | null>((location.state as { created?: boolean } | null)?.created ? -1 : null);
  const [busy, setBusy] = useState(false);
  usePageTitle(state.status === 'ready' ? state.ci.name : t('registry.cis.title'));

  useEffect(() => {
    if (id === null) {
      return;
    }
    let cancelled = false;
    unwrap(api.GET('/api/v1/cis/{id}', { params: { path: { id } } }))
      .then((ci) => {
        if (!cancelled) {
          setState({ status: 'ready', ci });
          setValues(ciValues(ci));
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
      const ci = await unwrap(api.PUT('/api/v1/cis/{id}', { params: { path: { id } }, body: ciBody(values) }));
      setState({ status: 'ready', ci });
      setValues(ciValues(ci));
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
  const ci = state.status === 'ready' ? state.ci : null;

  return (
    <div className="registry">
      <p className="registry__back">
        <Link to="/instellingen">{t('registry.cis.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('registry.cis.title')}</p>
        <h1 tabIndex={-1}>{ci ? ci.name : t('registry.cis.title')}</h1>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('registry.loadError')}>{state.error.message}</Alert>}
      {saved !== null && <Alert key={saved} tone="success" title={saved === -1 ? t('registry.cis.created') : t('registry.saved')} />}
      {ci && (
        <div className="registry__grid">
          <section className="card" aria-labelledby="ci-gegevens">
            <h2 id="ci-gegevens">{t('registry.details')}</h2>
            <RegistryForm
              idPrefix="ci"
              title={t('registry.details')}
              groups={ciFieldGroups(t)}
              values={values}
              onChange={setValues}
              failure={failure}
              busy={busy}
              submitLabel={t('registry.save')}
              onSubmit={save}
            />
          </section>
          <div className="registry__side">
            <section className="card" aria-labelledby="ci-voorwaarden">
              <h2 id="ci-voorwaarden">{t('registry.cis.conditions')}</h2>
              <CiConditions ci={ci} />
            </section>
            <section className="card" aria-labelledby="ci-tarief">
              <h2 id="ci-tarief">{t('registry.tariff.title')}</h2>
              <TariffFacts tariff={ci.tariff} code={ci.tariff_code} />
            </section>
            <OrganisationUsers organisationId={ci.id} roles={['ci-admin', 'auditor']} />
          </div>
        </div>
      )}
    </div>
  );
}
