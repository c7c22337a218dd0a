// The auditors registry as a page (issue 8, item 1): a ci-admin keeps its CI's team leaders and
// assessors, the secretariat every auditor, a member the peer auditors (branchetoetsers) it puts
// forward. Each auditor with its role, its signed code of conduct and confidentiality declaration
// (B9: the date received and the uploaded document) and its declared ties. The server decides who
// may see and change which auditor; errors name the field and keep what was typed.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type Auditor, type AuditorInput, type AuditorRole, type AuditorTieKind, type Organisation, type Role } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { isValidEmail } from '../../utils/email';
import { handleError, type UiError } from '../../utils/handle-error';
import { ForbiddenPage } from '../errors/forbidden-page';
import { formatDate, todayIso } from '../trajectories/trajectory-helpers';
import { uploadDocument } from './upload-document';

type MemberOption = { id: number; name: string; town: string };
type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; auditors: Auditor[]; members: MemberOption[]; organisations: Organisation[] };

const TIE_KINDS: readonly AuditorTieKind[] = ['works_for', 'advises', 'member_of'];

/** The roles a caller may give an auditor (the server checks it again). */
export function rolesFor(role: Role): AuditorRole[] {
  if (role === 'member') {
    return ['peer'];
  }
  if (role === 'ci-admin') {
    return ['team_leader', 'assessor'];
  }
  return ['team_leader', 'assessor', 'peer'];
}

export function AuditorsPage() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const role: Role = session.status === 'signed-in' ? session.user.role : 'committee';
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [editing, setEditing] = useState<Auditor | 'new' | null>(null);
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const title = role === 'member' ? t('auditors.titleMember') : t('auditors.title');
  usePageTitle(title);

  const load = useCallback(async () => {
    const [{ auditors }, { organisations: members }, organisations] = await Promise.all([
      unwrap(api.GET('/api/v1/auditors')),
      unwrap(api.GET('/api/v1/auditors/organisations')),
      role === 'secretariat' ? unwrap(api.GET('/api/v1/organisations')).then((r) => r.organisations) : Promise.resolve([]),
    ]);
    setState({ status: 'ready', auditors, members, organisations });
  }, [role]);

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
    // Loaded once per role; t and language only shape an error message.
  }, [load]);

  if (state.status === 'error' && state.error.kind === 'forbidden') {
    return <ForbiddenPage />;
  }

  function saved(auditor: Auditor) {
    setState((previous) => {
      if (previous.status !== 'ready') {
        return previous;
      }
      const others = previous.auditors.filter((a) => a.id !== auditor.id);
      return { ...previous, auditors: [...others, auditor].sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
    });
    setEditing(null);
    setNotice({ text: t('auditors.saved', { name: auditor.name }), key: Date.now() });
  }

  return (
    <div className="auditors">
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('auditors.eyebrow')}</p>
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">{role === 'member' ? t('auditors.introMember') : t('auditors.intro')}</p>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert tone="error" title={t('auditors.loadError')}>{state.error.message}</Alert>}
      {notice && <Alert key={notice.key} tone="success" title={notice.text} />}

      {state.status === 'ready' && (
        <>
          <div className="users__toolbar">
            {editing === null && (
              <button
                ref={addButtonRef}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setEditing('new');
                  setNotice(null);
                }}
              >
                {role === 'member' ? t('auditors.addPeer') : t('auditors.add')}
              </button>
            )}
          </div>
          {editing !== null && (
            <AuditorForm
              key={editing === 'new' ? 'new' : editing.id}
              auditor={editing === 'new' ? null : editing}
              callerRole={role}
              members={state.members}
              organisations={state.organisations}
              onCancel={() => {
                setEditing(null);
                window.requestAnimationFrame(() => addButtonRef.current?.focus());
              }}
              onSaved={saved}
            />
          )}
          {state.auditors.length === 0 ? (
            <EmptyState title={role === 'member' ? t('auditors.emptyMember') : t('auditors.empty')}>
              <p>{role === 'member' ? t('auditors.emptyMemberBody') : t('auditors.emptyBody')}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap card">
              <table className="table table--stack">
                <caption>{t('auditors.caption', { count: state.auditors.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('auditors.nameAndEmail')}</th>
                    <th scope="col">{t('auditors.roleAndOrganisation')}</th>
                    <th scope="col">{t('auditors.declaration')}</th>
                    <th scope="col">{t('auditors.ties')}</th>
                    <th scope="col">{t('auditors.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.auditors.map((auditor) => (
                    <tr key={auditor.id} className={auditor.active ? undefined : 'users__row--off'}>
                      <th scope="row">
                        <span className="users__name">{auditor.name}</span>
                        <a className="users__email" href={`mailto:${auditor.email}`}>
                          {auditor.email}
                        </a>
                        {!auditor.active && <span className="muted">{t('auditors.inactive')}</span>}
                      </th>
                      <td data-label={t('auditors.roleAndOrganisation')}>
                        <div>
                          <span className="role-tag">{t(`auditors.role.${auditor.role}`)}</span>
                          <span className="users__organisation">{auditor.organisation_name}</span>
                        </div>
                      </td>
                      <td data-label={t('auditors.declaration')}>
                        {auditor.declaration_received_on ? (
                          <span>
                            {t('auditors.receivedOn', { date: formatDate(auditor.declaration_received_on, language) })}
                            {auditor.declaration_document_id != null && role !== 'member' && (
                              <>
                                {' · '}
                                <a
                                  href={`/api/v1/documents/${auditor.declaration_document_id}`}
                                  aria-label={t('auditors.documentOf', { name: auditor.name })}
                                >
                                  {t('auditors.document')}
                                </a>
                              </>
                            )}
                          </span>
                        ) : (
                          <strong className="overdue-tag">{t('auditors.noDeclaration')}</strong>
                        )}
                      </td>
                      <td data-label={t('auditors.ties')}>
                        {auditor.ties.length === 0 ? (
                          <span className="muted">{t('auditors.noTies')}</span>
                        ) : (
                          <ul className="plain-list">
                            {auditor.ties.map((tie, index) => (
                              <li key={index}>
                                {t(`auditors.tie.${tie.kind}`)} {tie.organisation_name}
                                {tie.until ? ` (${t('auditors.tieUntil', { date: formatDate(tie.until, language) })})` : ''}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-label={t('auditors.actions')}>
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={t('auditors.editOf', { name: auditor.name })}
                          onClick={() => {
                            setEditing(auditor);
                            setNotice(null);
                          }}
                        >
                          {t('auditors.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

type TieDraft = { organisation_id: string; kind: AuditorTieKind; from: string; until: string };
type Errors = Record<string, string>;

function AuditorForm({
  auditor,
  callerRole,
  members,
  organisations,
  onCancel,
  onSaved,
}: {
  auditor: Auditor | null;
  callerRole: Role;
  members: MemberOption[];
  organisations: Organisation[];
  onCancel: () => void;
  onSaved: (auditor: Auditor) => void;
}) {
  const { t, language } = useI18n();
  const roles = rolesFor(callerRole);
  const [name, setName] = useState(auditor?.name ?? '');
  const [email, setEmail] = useState(auditor?.email ?? '');
  const [role, setRole] = useState<AuditorRole>(auditor?.role ?? roles[0]);
  const [organisationId, setOrganisationId] = useState<string>(auditor ? String(auditor.organisation_id) : '');
  const [active, setActive] = useState(auditor?.active ?? true);
  const [received, setReceived] = useState(auditor?.declaration_received_on ?? '');
  const [documentId, setDocumentId] = useState<number | null>(auditor?.declaration_document_id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [ties, setTies] = useState<TieDraft[]>(
    (auditor?.ties ?? []).map((tie) => ({
      organisation_id: String(tie.organisation_id),
      kind: tie.kind,
      from: tie.from,
      until: tie.until ?? '',
    })),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<{ text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Record<string, HTMLInputElement | HTMLSelectElement | null>>({});
  const headingId = 'auditor-form-titel';
  const today = todayIso();
  const mayRecordDeclaration = callerRole !== 'member';
  const organisationChoices =
    callerRole === 'secretariat'
      ? organisations.filter((o) => (role === 'peer' ? o.kind === 'member' : o.kind === 'ci'))
      : [];

  useEffect(() => {
    refs.current.name?.focus();
  }, []);

  function focus(field: string) {
    window.requestAnimationFrame(() => (refs.current[field] ?? refs.current.name)?.focus());
  }

  function setTie(index: number, change: Partial<TieDraft>) {
    setTies((previous) => previous.map((tie, i) => (i === index ? { ...tie, ...change } : tie)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    const found: Errors = {};
    if (name.trim() === '') {
      found.name = t('auditors.nameRequired');
    }
    if (!isValidEmail(email)) {
      found.email = t('common.emailInvalid');
    }
    if (callerRole === 'secretariat' && organisationId === '') {
      found.organisation_id = t('auditors.organisationRequired');
    }
    if (received && received > today) {
      found.declaration_received_on = t('auditors.receivedFuture');
    }
    if (file && !received) {
      found.declaration_received_on = t('auditors.receivedWithFile');
    }
    ties.forEach((tie, index) => {
      if (tie.organisation_id === '') {
        found[`ties[${index}].organisation_id`] = t('auditors.tieOrganisationRequired');
      }
      if (tie.from === '') {
        found[`ties[${index}].from`] = t('auditors.tieFromRequired');
      }
    });
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focus(first);
      return;
    }
    setBusy(true);
    try {
      let declarationDocument = documentId;
      if (file) {
        try {
          declarationDocument = (await uploadDocument(file)).id;
          setDocumentId(declarationDocument);
          setFile(null);
        } catch (error) {
          const uiError = handleError(error, { t, language });
          if (uiError) {
            setErrors({ declaration_document: uiError.message });
            focus('declaration_document');
          }
          return;
        }
      }
      const body: AuditorInput = {
        name: name.trim(),
        email: email.trim(),
        role,
        active,
        ties: ties.map((tie) => ({
          organisation_id: Number(tie.organisation_id),
          kind: tie.kind,
          from: tie.from,
          until: tie.until === '' ? null : tie.until,
        })),
      };
      if (organisationId !== '') {
        body.organisation_id = Number(organisationId);
      }
      if (mayRecordDeclaration) {
        body.declaration_received_on = received === '' ? null : received;
        body.declaration_document_id = declarationDocument;
      } else if (auditor) {
        body.declaration_received_on = auditor.declaration_received_on;
        body.declaration_document_id = auditor.declaration_document_id;
      }
      const answer = auditor
        ? await unwrap(api.PUT('/api/v1/auditors/{id}', { params: { path: { id: auditor.id } }, body }))
        : await unwrap(api.POST('/api/v1/auditors', { body }));
      onSaved(answer);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) {
        return;
      }
      const field = uiError.field && uiError.field in refs.current ? uiError.field : null;
      if (field) {
        setErrors({ [field]: uiError.message });
        focus(field);
      } else {
        setFormError({ text: uiError.message, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card users__panel auditors__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{auditor ? t('auditors.editTitle', { name: auditor.name }) : t('auditors.newTitle')}</h2>
      {formError && (
        <Alert key={formError.key} tone="error" title={t('auditors.saveFailed')} focus>
          <p>{formError.text}</p>
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <TextField
          ref={(element) => {
            refs.current.name = element;
          }}
          id="auditor-name"
          label={t('auditors.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
          required
        />
        <TextField
          ref={(element) => {
            refs.current.email = element;
          }}
          id="auditor-email"
          type="email"
          label={t('auditors.email')}
          hint={t('auditors.emailHint')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          autoComplete="off"
          required
        />
        <SelectField
          id="auditor-role"
          label={t('auditors.role')}
          value={role}
          error={errors.role}
          selectRef={(element) => {
            refs.current.role = element;
          }}
          onChange={(value) => {
            setRole(value as AuditorRole);
            setOrganisationId(callerRole === 'secretariat' ? '' : organisationId);
          }}
          options={roles.map((r) => ({ value: r, label: t(`auditors.role.${r}`) }))}
        />
        {callerRole === 'secretariat' ? (
          <SelectField
            id="auditor-organisation"
            label={role === 'peer' ? t('auditors.organisationMember') : t('auditors.organisationCi')}
            value={organisationId}
            error={errors.organisation_id}
            selectRef={(element) => {
              refs.current.organisation_id = element;
            }}
            onChange={setOrganisationId}
            options={[
              { value: '', label: t('auditors.chooseOrganisation') },
              ...organisationChoices.map((o) => ({ value: String(o.id), label: o.name })),
            ]}
          />
        ) : null}
        {auditor && (
          <div className="field field--check">
            <label className="check">
              <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
              <span>{t('auditors.activeLabel')}</span>
            </label>
          </div>
        )}

        <fieldset className="fieldset">
          <legend>{t('auditors.declarationLegend')}</legend>
          <p className="field__hint">{t('auditors.declarationHint')}</p>
          {mayRecordDeclaration ? (
            <>
              <TextField
                ref={(element) => {
                  refs.current.declaration_received_on = element;
                }}
                id="auditor-received"
                type="date"
                max={today}
                label={t('auditors.receivedLabel')}
                value={received}
                onChange={(e) => setReceived(e.target.value)}
                error={errors.declaration_received_on}
              />
              <div className={`field${errors.declaration_document ? ' field--invalid' : ''}`}>
                <label className="field__label" htmlFor="auditor-document">
                  {t('auditors.documentLabel')}
                </label>
                <p className="field__hint" id="auditor-document-hint">
                  {documentId !== null ? t('auditors.documentOnFile') : t('auditors.documentHint')}
                </p>
                {errors.declaration_document && (
                  <p className="field__error" id="auditor-document-error">
                    {errors.declaration_document}
                  </p>
                )}
                <input
                  ref={(element) => {
                    refs.current.declaration_document = element;
                  }}
                  id="auditor-document"
                  type="file"
                  accept="application/pdf,image/png,image/jpeg"
                  className="field__input"
                  aria-describedby={`auditor-document-hint${errors.declaration_document ? ' auditor-document-error' : ''}`}
                  aria-invalid={errors.declaration_document ? true : undefined}
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
            </>
          ) : (
            <p>
              {auditor?.declaration_received_on
                ? t('auditors.receivedOn', { date: formatDate(auditor.declaration_received_on, language) })
                : t('auditors.declarationBySecretariat')}
            </p>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('auditors.tiesLegend')}</legend>
          <p className="field__hint">{role === 'peer' ? t('auditors.tiesHintPeer') : t('auditors.tiesHint')}</p>
          {ties.length === 0 && <p className="muted">{t('auditors.noTies')}</p>}
          {ties.map((tie, index) => (
            <div key={index} className="auditors__tie" role="group" aria-label={t('auditors.tieNumber', { number: index + 1 })}>
              <SelectField
                id={`tie-${index}-organisation`}
                label={t('auditors.tieOrganisation')}
                value={tie.organisation_id}
                error={errors[`ties[${index}].organisation_id`]}
                selectRef={(element) => {
                  refs.current[`ties[${index}].organisation_id`] = element;
                }}
                onChange={(value) => setTie(index, { organisation_id: value })}
                options={[
                  { value: '', label: t('auditors.chooseOrganisation') },
                  ...members.map((m) => ({ value: String(m.id), label: m.town ? `${m.name} (${m.town})` : m.name })),
                ]}
              />
              <SelectField
                id={`tie-${index}-kind`}
                label={t('auditors.tieKind')}
                value={tie.kind}
                error={errors[`ties[${index}].kind`]}
                selectRef={(element) => {
                  refs.current[`ties[${index}].kind`] = element;
                }}
                onChange={(value) => setTie(index, { kind: value as AuditorTieKind })}
                options={TIE_KINDS.map((kind) => ({ value: kind, label: t(`auditors.tie.${kind}`) }))}
              />
              <TextField
                ref={(element) => {
                  refs.current[`ties[${index}].from`] = element;
                }}
                id={`tie-${index}-from`}
                type="date"
                label={t('auditors.tieFrom')}
                value={tie.from}
                onChange={(e) => setTie(index, { from: e.target.value })}
                error={errors[`ties[${index}].from`]}
              />
              <TextField
                ref={(element) => {
                  refs.current[`ties[${index}].until`] = element;
                }}
                id={`tie-${index}-until`}
                type="date"
                label={t('auditors.tieUntilLabel')}
                hint={t('auditors.tieUntilHint')}
                value={tie.until}
                onChange={(e) => setTie(index, { until: e.target.value })}
                error={errors[`ties[${index}].until`]}
              />
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => setTies((previous) => previous.filter((_, i) => i !== index))}
              >
                {t('auditors.tieRemove', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setTies((previous) => [...previous, { organisation_id: '', kind: 'works_for', from: '', until: '' }])}
          >
            {t('auditors.tieAdd')}
          </button>
        </fieldset>

        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('auditors.save')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  error,
  hint,
  selectRef,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string; disabled?: boolean }[];
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  selectRef?: (element: HTMLSelectElement | null) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{`${label}: `}</span>
          {error}
        </p>
      )}
      <select
        ref={selectRef}
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
