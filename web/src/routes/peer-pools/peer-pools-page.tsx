// /branchetoetsing: peer pools (variant peer, handbook §2.2 ad 3). The secretariat forms and edits
// any pool, a ci-admin those its CI leads; a member sees the pools it is in, read-only. Each pool
// shows "Wie toetst wie" as a table and as a ring of arrows with the same facts as text. The server
// proposes the visits and checks every rule; this page only shows them and sends the form.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type PeerPool, type PeerPoolCandidate } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { PeerRing } from './peer-ring';

type Ci = { id: number; name: string; eligible: boolean };
type Choices = { members: PeerPoolCandidate[]; cis: Ci[] };
type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; pools: PeerPool[]; choices: Choices | null };
type Editing = { mode: 'new' } | { mode: 'edit'; pool: PeerPool } | null;

export function PeerPoolsPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  const ownOrganisation = session.status === 'signed-in' ? session.organisation : null;
  const mayEdit = role === 'secretariat' || role === 'ci-admin';
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  usePageTitle(t('peerPools.title'));

  const load = useCallback(async () => {
    try {
      const { peer_pools } = await unwrap(api.GET('/api/v1/peer-pools'));
      let choices: Choices | null = null;
      if (mayEdit) {
        const [candidates, cis] = await Promise.all([
          unwrap(api.GET('/api/v1/peer-pool-candidates')),
          unwrap(api.GET('/api/v1/cis')),
        ]);
        choices = {
          members: candidates.members,
          cis: cis.cis
            .filter((ci) => role === 'secretariat' || ci.id === ownOrganisation?.id)
            .map((ci) => ({ id: ci.id, name: ci.name, eligible: ci.eligible })),
        };
      }
      setState({ status: 'ready', pools: peer_pools, choices });
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        setState({ status: 'error', error: uiError });
      }
    }
    // Loaded on demand; t and language only shape an error message.
  }, [mayEdit, role, ownOrganisation?.id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  function onSaved(pool: PeerPool) {
    setEditing(null);
    setSaved(t('peerPools.saved', { name: pool.name }));
    void load();
  }

  return (
    <div className="peer-pools">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('peerPools.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('peerPools.title')}</h1>
        <p className="lead">{t('peerPools.intro')}</p>
      </div>
      {saved && <Alert tone="success" title={saved} />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('peerPools.loadError')}>{state.error.message}</Alert>}
      {state.status === 'ready' && mayEdit && state.choices && editing === null && (
        <p>
          <button type="button" className="button button--primary" onClick={() => { setSaved(null); setEditing({ mode: 'new' }); }}>
            {t('peerPools.new')}
          </button>
        </p>
      )}
      {state.status === 'ready' && state.choices && editing !== null && (
        <PoolForm
          key={editing.mode === 'edit' ? editing.pool.id : 'new'}
          pool={editing.mode === 'edit' ? editing.pool : null}
          choices={state.choices}
          fixedCi={role === 'ci-admin' ? state.choices.cis[0] ?? null : null}
          onSaved={onSaved}
          onCancel={() => setEditing(null)}
        />
      )}
      {state.status === 'ready' && state.pools.length === 0 && (
        <div className="card">
          <EmptyState title={mayEdit ? t('peerPools.emptyEditor') : t('peerPools.emptyMember')}>
            <p>{mayEdit ? t('peerPools.emptyEditorBody') : t('peerPools.emptyMemberBody')}</p>
          </EmptyState>
        </div>
      )}
      {state.status === 'ready' &&
        state.pools.map((pool) => (
          <PoolCard
            key={pool.id}
            pool={pool}
            onEdit={mayEdit && editing === null ? () => { setSaved(null); setEditing({ mode: 'edit', pool }); } : null}
          />
        ))}
    </div>
  );
}

function PoolCard({ pool, onEdit }: { pool: PeerPool; onEdit: (() => void) | null }) {
  const { t } = useI18n();
  const titleId = `pool-${pool.id}-titel`;
  return (
    <section className="card peer-pool" aria-labelledby={titleId}>
      <div className="peer-pool__head">
        <h2 id={titleId}>{pool.name}</h2>
        <span className={`status-tag peer-pool__state peer-pool__state--${pool.state}`}>{t(`peerPools.state.${pool.state}`)}</span>
      </div>
      <p>
        {t('peerPools.ledBy', { ci: pool.ci.name })} {t('peerPools.memberCount', { count: pool.members.length })}
      </p>
      <div className="peer-pool__body">
        <div className="table-wrap peer-pool__table">
          <table className="table table--stack">
            <caption>{t('peerPools.whoAuditsWhom')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('peerPools.audited')}</th>
                <th scope="col">{t('peerPools.auditors')}</th>
                <th scope="col">{t('peerPools.leadBy')}</th>
              </tr>
            </thead>
            <tbody>
              {pool.visits.map((visit) => (
                <tr key={visit.audited.id}>
                  <th scope="row">{visit.audited.name}</th>
                  <td data-label={t('peerPools.auditors')}>
                    <span>
                      <span aria-hidden="true">← </span>
                      {visit.auditors.map((a) => a.name).join(` ${t('peerPools.and')} `)}
                    </span>
                  </td>
                  <td data-label={t('peerPools.leadBy')}>{visit.led_by.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <PeerRing pool={pool} />
      </div>
      {onEdit && (
        <p>
          <button type="button" className="button button--secondary" onClick={onEdit} aria-label={t('peerPools.editNamed', { name: pool.name })}>
            {t('peerPools.edit')}
          </button>
        </p>
      )}
    </section>
  );
}

type FieldErrors = Partial<Record<'name' | 'ci_id' | 'members' | 'state', string>>;

function PoolForm({
  pool,
  choices,
  fixedCi,
  onSaved,
  onCancel,
}: {
  pool: PeerPool | null;
  choices: Choices;
  fixedCi: Ci | null;
  onSaved: (pool: PeerPool) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState(pool?.name ?? '');
  const [ciId, setCiId] = useState<number | null>(pool?.ci.id ?? fixedCi?.id ?? null);
  const [members, setMembers] = useState<number[]>(pool?.members.map((m) => m.id) ?? []);
  const [poolState, setPoolState] = useState<'open' | 'closed'>(pool?.state ?? 'open');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ciRef = useRef<HTMLSelectElement>(null);
  const membersRef = useRef<HTMLFieldSetElement>(null);
  const titleId = 'pool-formulier-titel';

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  function toggle(id: number, on: boolean) {
    setMembers((current) => (on ? [...current.filter((m) => m !== id), id] : current.filter((m) => m !== id)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('peerPools.nameRequired');
    if (ciId === null) found.ci_id = t('peerPools.ciRequired');
    if (members.length < 3) found.members = t('peerPools.membersTooFew', { count: members.length });
    setErrors(found);
    setFormError(null);
    if (found.name) { nameRef.current?.focus(); return; }
    if (found.ci_id) { ciRef.current?.focus(); return; }
    if (found.members) { membersRef.current?.querySelector('input')?.focus(); return; }
    setBusy(true);
    try {
      const body = { name: name.trim(), ci_id: ciId as number, members, state: poolState };
      const result = pool
        ? await unwrap(api.PUT('/api/v1/peer-pools/{id}', { params: { path: { id: pool.id } }, body }))
        : await unwrap(api.POST('/api/v1/peer-pools', { body }));
      onSaved(result);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) return;
      const field = uiError.field;
      if (field === 'name' || field === 'ci_id' || field === 'members' || field === 'state') {
        setErrors({ [field]: uiError.message });
        if (field === 'name') nameRef.current?.focus();
        else if (field === 'ci_id') ciRef.current?.focus();
        else membersRef.current?.querySelector('input')?.focus();
      } else {
        setFormError({ text: uiError.message, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  const chosen = members
    .map((id) => choices.members.find((m) => m.id === id)?.name ?? String(id));

  return (
    <section className="card peer-pools__form" aria-labelledby={titleId}>
      <h2 id={titleId}>{pool ? t('peerPools.editTitle', { name: pool.name }) : t('peerPools.newTitle')}</h2>
      <p className="muted">{t('peerPools.formIntro')}</p>
      {formError && <Alert key={formError.key} tone="error" title={formError.text} focus />}
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <TextField
          ref={nameRef}
          id="pool-naam"
          name="name"
          label={t('peerPools.name')}
          hint={t('peerPools.nameHint')}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          required
        />
        {fixedCi ? (
          <div className="field">
            <p className="field__label">{t('peerPools.ci')}</p>
            <p>{fixedCi.name}</p>
          </div>
        ) : (
          <div className={`field${errors.ci_id ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="pool-ci">{t('peerPools.ci')}</label>
            {errors.ci_id && (
              <p className="field__error" id="pool-ci-error">
                <span className="visually-hidden">{`${t('peerPools.ci')}: `}</span>
                {errors.ci_id}
              </p>
            )}
            <select
              ref={ciRef}
              id="pool-ci"
              className="field__input"
              value={ciId ?? ''}
              onChange={(event) => setCiId(event.target.value ? Number(event.target.value) : null)}
              aria-invalid={errors.ci_id ? true : undefined}
              aria-describedby={errors.ci_id ? 'pool-ci-error' : undefined}
            >
              <option value="">{t('peerPools.ciChoose')}</option>
              {choices.cis.map((ci) => (
                <option key={ci.id} value={ci.id} disabled={!ci.eligible && ci.id !== pool?.ci.id}>
                  {ci.eligible ? ci.name : t('peerPools.ciNotEligible', { name: ci.name })}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset
          ref={membersRef}
          className={`field peer-pools__members${errors.members ? ' field--invalid' : ''}`}
          aria-describedby={`pool-leden-hint${errors.members ? ' pool-leden-error' : ''}`}
        >
          <legend className="field__label">{t('peerPools.members')}</legend>
          <p className="field__hint" id="pool-leden-hint">{t('peerPools.membersHint')}</p>
          {errors.members && (
            <p className="field__error" id="pool-leden-error">
              <span className="visually-hidden">{`${t('peerPools.members')}: `}</span>
              {errors.members}
            </p>
          )}
          {choices.members.length === 0 && <p className="muted">{t('peerPools.noCandidates')}</p>}
          <ul className="peer-pools__choices">
            {choices.members.map((m) => {
              const takenElsewhere = !!m.open_pool && m.open_pool.id !== pool?.id;
              const disabled = (!m.active || takenElsewhere) && !members.includes(m.id);
              const why = !m.active
                ? m.inactive_reason ?? t('peerPools.inactive')
                : takenElsewhere
                  ? m.open_pool?.name
                    ? t('peerPools.inPool', { name: m.open_pool.name })
                    : t('peerPools.inOtherPool')
                  : null;
              const id = `pool-lid-${m.id}`;
              return (
                <li key={m.id}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={members.includes(m.id)}
                    disabled={disabled}
                    onChange={(event) => toggle(m.id, event.target.checked)}
                    aria-describedby={why ? `${id}-waarom` : undefined}
                  />{' '}
                  <label htmlFor={id}>
                    {m.name} <span className="muted">({m.town || m.lidnummer})</span>
                  </label>
                  {why && (
                    <span className="muted peer-pools__why" id={`${id}-waarom`}>
                      {' '}
                      – {why}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {chosen.length > 0 && (
            <p className="peer-pools__order">{t('peerPools.order', { names: chosen.join(' → ') })}</p>
          )}
        </fieldset>
        {pool && (
          <div className="field">
            <label className="field__label" htmlFor="pool-status">{t('peerPools.stateLabel')}</label>
            <select id="pool-status" className="field__input" value={poolState} onChange={(event) => setPoolState(event.target.value as 'open' | 'closed')}>
              <option value="open">{t('peerPools.state.open')}</option>
              <option value="closed">{t('peerPools.state.closed')}</option>
            </select>
          </div>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {pool ? t('peerPools.save') : t('peerPools.create')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
