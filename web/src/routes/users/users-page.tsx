// The secretariat's user management: the list (a table that stacks into cards on a narrow screen),
// inviting a new user, changing a role, deactivating and reactivating, and mailing a new link.
// The server checks and audits every step; this page only shows what it answered.
import { useCallback, useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { unwrap } from '../../api/api-error';
import { api, csrfHeader, type Organisation, type Role, type User } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { ALL_ROLES } from '../../session/access';
import { useSession } from '../../session/session-context';
import { isValidEmail } from '../../utils/email';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { allowedOrganisations, defaultOrganisation, needsOrganisation } from './role-organisations';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; users: User[]; organisations: Organisation[] };

type Notice = { tone: 'success' | 'error'; text: string; key: number };

export function UsersPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const inviteButtonRef = useRef<HTMLButtonElement>(null);
  usePageTitle(t('users.title'));
  const myId = session.status === 'signed-in' ? session.user.id : null;

  const load = useCallback(async () => {
    const [{ users }, { organisations }] = await Promise.all([
      unwrap(api.GET('/api/v1/users')),
      unwrap(api.GET('/api/v1/organisations')),
    ]);
    setState({ status: 'ready', users, organisations });
  }, []);

  useEffect(() => {
    let cancelled = false;
    load().catch((error: unknown) => {
      const uiError = handleError(error, { t, language });
      if (!cancelled && uiError) {
        setState({ status: 'error', error: uiError });
      }
    });
    return () => {
      cancelled = true;
    };
    // Loaded once; t and language only shape an error message.
  }, [load]);

  function say(tone: Notice['tone'], text: string) {
    setNotice({ tone, text, key: Date.now() });
  }

  /** Replaces one user in the list with the server's answer. */
  function updated(user: User) {
    setState((previous) =>
      previous.status === 'ready' ? { ...previous, users: previous.users.map((u) => (u.id === user.id ? user : u)) } : previous,
    );
  }

  async function act(user: User, action: 'deactivate' | 'activate' | 'link') {
    if (busyId !== null) {
      return;
    }
    setBusyId(user.id);
    setNotice(null);
    try {
      const params = { params: { path: { id: user.id }, header: csrfHeader() } };
      if (action === 'deactivate') {
        updated(await unwrap(api.POST('/api/v1/users/{id}/deactivate', params)));
        say('success', t('users.deactivated', { name: user.name }));
      } else if (action === 'activate') {
        updated(await unwrap(api.POST('/api/v1/users/{id}/activate', params)));
        say('success', t('users.activated', { name: user.name }));
      } else {
        await unwrap(api.POST('/api/v1/users/{id}/link', params));
        say('success', t(user.status === 'invited' ? 'users.invitationSent' : 'users.resetLinkSent', { email: user.email }));
      }
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        say('error', uiError.message);
      }
    } finally {
      setBusyId(null);
    }
  }

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  const organisations = state.status === 'ready' ? state.organisations : [];
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));

  return (
    <div className="users">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('users.eyebrow')}</p>
        <h1 tabIndex={-1}>{t('users.title')}</h1>
        <p className="lead">{t('users.intro')}</p>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('users.loadError')}>{state.error.message}</Alert>}
      {notice && <Alert key={notice.key} tone={notice.tone} title={notice.text} focus={notice.tone === 'error'} />}

      {state.status === 'ready' && (
        <>
          <div className="users__toolbar">
            {!inviting && (
              <button
                ref={inviteButtonRef}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setInviting(true);
                  setEditing(null);
                  setNotice(null);
                }}
              >
                {t('users.invite')}
              </button>
            )}
          </div>
          {inviting && (
            <InviteForm
              organisations={organisations}
              onCancel={() => {
                setInviting(false);
                window.requestAnimationFrame(() => inviteButtonRef.current?.focus());
              }}
              onInvited={(user) => {
                setState((previous) =>
                  previous.status === 'ready' ? { ...previous, users: [...previous.users, user] } : previous,
                );
                setInviting(false);
                say('success', t('users.invited', { email: user.email }));
              }}
            />
          )}
          {editing && (
            <RoleForm
              user={editing}
              organisations={organisations}
              onCancel={() => setEditing(null)}
              onSaved={(user) => {
                updated(user);
                setEditing(null);
                say('success', t('users.roleChanged', { name: user.name, role: t(`role.${user.role}`) }));
              }}
            />
          )}
          {state.users.length === 0 ? (
            <EmptyState title={t('users.empty')} />
          ) : (
            <div className="table-wrap card">
              <table className="table table--stack users__table">
                <caption id="gebruikers-caption">{t('users.caption', { count: state.users.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.nameAndEmail')}</th>
                    <th scope="col">{t('users.roleAndOrganisation')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.users.map((user) => {
                    const organisation = user.organisation_id != null ? byId.get(user.organisation_id) : undefined;
                    const self = user.id === myId;
                    const busy = busyId === user.id;
                    return (
                      <tr key={user.id} className={user.status === 'deactivated' ? 'users__row--off' : undefined}>
                        <th scope="row">
                          <span className="users__name">
                            {user.name}
                            {self && <span className="muted"> {t('users.you')}</span>}
                          </span>
                          <a className="users__email" href={`mailto:${user.email}`}>
                            {user.email}
                          </a>
                        </th>
                        <td data-label={t('users.roleAndOrganisation')}>
                          <div>
                            <span className={`role-tag role-tag--${user.role}`}>{t(`role.${user.role}`)}</span>
                            <span className="users__organisation">
                              {organisation ? organisation.name : <span className="muted">{t('users.noOrganisation')}</span>}
                            </span>
                          </div>
                        </td>
                        <td data-label={t('users.status')}>
                          <div>
                            <span className={`status-tag status-tag--${user.status}`}>{t(`users.status.${user.status}`)}</span>
                          </div>
                        </td>
                        <td data-label={t('users.actions')}>
                          {self ? (
                            <span className="muted">{t('users.selfNote')}</span>
                          ) : (
                            <div className="row-actions">
                              <button
                                type="button"
                                className="button button--small button--secondary"
                                aria-label={t('users.changeRoleOf', { name: user.name })}
                                onClick={() => {
                                  setEditing(user);
                                  setInviting(false);
                                  setNotice(null);
                                }}
                              >
                                {t('users.changeRole')}
                              </button>
                              {user.status !== 'deactivated' && (
                                <button
                                  type="button"
                                  className="button button--small button--secondary"
                                  aria-label={t(user.status === 'invited' ? 'users.resendInvitationOf' : 'users.sendResetLinkOf', { name: user.name })}
                                  aria-disabled={busy}
                                  onClick={() => act(user, 'link')}
                                >
                                  {t(user.status === 'invited' ? 'users.resendInvitation' : 'users.sendResetLink')}
                                </button>
                              )}
                              <button
                                type="button"
                                className="button button--small button--quiet"
                                aria-label={t(user.status === 'deactivated' ? 'users.activateOf' : 'users.deactivateOf', { name: user.name })}
                                aria-disabled={busy}
                                onClick={() => act(user, user.status === 'deactivated' ? 'activate' : 'deactivate')}
                              >
                                {t(user.status === 'deactivated' ? 'users.activate' : 'users.deactivate')}
                              </button>
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

type InviteErrors = { email?: string; name?: string; role?: string; organisation_id?: string };

function RoleSelect({ id, value, onChange, error }: { id: string; value: Role; onChange: (role: Role) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('users.role')}
      </label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value as Role)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {ALL_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function OrganisationSelect({
  id,
  role,
  organisations,
  value,
  onChange,
  error,
  selectRef,
}: {
  id: string;
  role: Role;
  organisations: Organisation[];
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useI18n();
  const options = allowedOrganisations(role, organisations);
  if (options.length === 0 && !needsOrganisation(role)) {
    return <p className="muted">{t('users.noOrganisationForRole', { role: t(`role.${role}`) })}</p>;
  }
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('users.organisation')}
      </label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        ref={selectRef}
        id={id}
        className="field__input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {!needsOrganisation(role) && <option value="">{t('users.noOrganisation')}</option>}
        {needsOrganisation(role) && value === null && <option value="">{t('users.chooseOrganisation')}</option>}
        {options.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function InviteForm({
  organisations,
  onCancel,
  onInvited,
}: {
  organisations: Organisation[];
  onCancel: () => void;
  onInvited: (user: User) => void;
}) {
  const { t, language } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [organisationId, setOrganisationId] = useState<number | null>(() => defaultOrganisation('member', organisations));
  const [errors, setErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<{ text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const organisationRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  function chooseRole(next: Role) {
    setRole(next);
    setOrganisationId(defaultOrganisation(next, organisations));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    const found: InviteErrors = {};
    if (email.trim() === '') {
      found.email = t('users.emailRequired');
    } else if (!isValidEmail(email)) {
      found.email = t('common.emailInvalid');
    }
    if (needsOrganisation(role) && organisationId === null) {
      found.organisation_id = t('users.organisationRequired');
    }
    setErrors(found);
    if (found.email) {
      emailRef.current?.focus();
      return;
    }
    if (found.organisation_id) {
      organisationRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const user = await unwrap(
        api.POST('/api/v1/users', {
          params: { header: csrfHeader() },
          body: { email: email.trim(), name: name.trim(), role, organisation_id: organisationId },
        }),
      );
      onInvited(user);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) {
        return;
      }
      if (uiError.field === 'email' || uiError.field === 'name' || uiError.field === 'organisation_id') {
        setErrors({ [uiError.field]: uiError.message });
        const ref = uiError.field === 'email' ? emailRef : uiError.field === 'name' ? nameRef : organisationRef;
        ref.current?.focus();
      } else {
        setFormError({ text: uiError.message, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card users__panel" aria-labelledby="uitnodigen-titel">
      <h2 id="uitnodigen-titel">{t('users.inviteTitle')}</h2>
      <p className="muted">{t('users.inviteIntro')}</p>
      {formError && <Alert key={formError.key} tone="error" title={formError.text} focus />}
      <form className="form users__form" onSubmit={onSubmit} noValidate aria-labelledby="uitnodigen-titel">
        <TextField
          ref={emailRef}
          id="uitnodigen-email"
          name="email"
          type="email"
          label={t('users.email')}
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          required
        />
        <TextField
          ref={nameRef}
          id="uitnodigen-naam"
          name="name"
          label={t('users.nameOptional')}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <RoleSelect id="uitnodigen-rol" value={role} onChange={chooseRole} error={errors.role} />
        <OrganisationSelect
          id="uitnodigen-organisatie"
          role={role}
          organisations={organisations}
          value={organisationId}
          onChange={setOrganisationId}
          error={errors.organisation_id}
          selectRef={organisationRef}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('users.inviteSubmit')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RoleForm({
  user,
  organisations,
  onCancel,
  onSaved,
}: {
  user: User;
  organisations: Organisation[];
  onCancel: () => void;
  onSaved: (user: User) => void;
}) {
  const { t, language } = useI18n();
  const [role, setRole] = useState<Role>(user.role);
  const [organisationId, setOrganisationId] = useState<number | null>(user.organisation_id ?? null);
  const [error, setError] = useState<{ field: 'role' | 'organisation_id' | null; text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const organisationRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [user.id]);

  function chooseRole(next: Role) {
    setRole(next);
    const fits = allowedOrganisations(next, organisations).some((organisation) => organisation.id === organisationId);
    setOrganisationId(fits ? organisationId : defaultOrganisation(next, organisations));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setError(null);
    if (needsOrganisation(role) && organisationId === null) {
      setError({ field: 'organisation_id', text: t('users.organisationRequired'), key: Date.now() });
      organisationRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await unwrap(
        api.PUT('/api/v1/users/{id}/role', {
          params: { path: { id: user.id }, header: csrfHeader() },
          body: { role, organisation_id: needsOrganisation(role) || organisationId !== null ? organisationId : null },
        }),
      );
      onSaved(saved);
    } catch (failure) {
      const uiError = handleError(failure, { t, language });
      if (!uiError) {
        return;
      }
      const field = uiError.field === 'role' || uiError.field === 'organisation_id' ? uiError.field : null;
      setError({ field, text: uiError.message, key: Date.now() });
      if (field === 'organisation_id') {
        organisationRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card users__panel" aria-labelledby="rol-titel">
      <h2 id="rol-titel" tabIndex={-1} ref={headingRef}>
        {t('users.changeRoleOf', { name: user.name })}
      </h2>
      {error && error.field === null && <Alert key={error.key} tone="error" title={error.text} focus />}
      <form className="form users__form" onSubmit={onSubmit} noValidate aria-labelledby="rol-titel">
        <RoleSelect id="rol-rol" value={role} onChange={chooseRole} error={error?.field === 'role' ? error.text : undefined} />
        <OrganisationSelect
          id="rol-organisatie"
          role={role}
          organisations={organisations}
          value={organisationId}
          onChange={setOrganisationId}
          error={error?.field === 'organisation_id' ? error.text : undefined}
          selectRef={organisationRef}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('users.saveRole')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
