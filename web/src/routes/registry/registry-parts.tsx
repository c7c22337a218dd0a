// Pieces the registry pages and "Onze organisatie" share: a CI's conditions (can it be chosen, and
// why not; what ends soon), its rates from the tariffs file, a member's or a CI's facts as a list,
// and the users of one organisation with an invitation form for the secretariat.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, csrfHeader, type Role, type User } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { Loading } from '../../components/common/loading';
import { TextField } from '../../components/common/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { isValidEmail } from '../../utils/email';
import { handleError, type UiError } from '../../utils/handle-error';
import { formatDate } from '../trajectories/trajectory-helpers';
import { formatEuro, type Ci, type CiTariff, type Member } from './registry-helpers';

/** "Te kiezen" or "Niet te kiezen" with the server's reasons, and the warnings of what ends soon. */
export function CiConditions({ ci }: { ci: Ci }) {
  const { t } = useI18n();
  return (
    <div className="ci-conditions">
      {ci.eligible ? (
        <p className="ci-conditions__state">
          <span className="status-tag status-tag--active">{t('registry.ci.eligible')}</span>
        </p>
      ) : (
        <div className="ci-conditions__lapsed">
          <p className="ci-conditions__state">
            <span className="status-tag status-tag--deactivated">{t('registry.ci.notEligible')}</span>
          </p>
          <ul className="ci-conditions__reasons" aria-label={t('registry.ci.reasons')}>
            {ci.lapsed.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {(ci.warnings ?? []).length > 0 && (
        <ul className="ci-conditions__warnings" aria-label={t('registry.ci.warnings')}>
          {(ci.warnings ?? []).map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The CI's day rates with their validity and how travel is charged (from the tariffs file). */
export function TariffFacts({ tariff, code }: { tariff: CiTariff | null | undefined; code: string }) {
  const { t, language } = useI18n();
  if (!tariff) {
    return <p className="muted">{code ? t('registry.tariff.unknownCode', { code }) : t('registry.tariff.none')}</p>;
  }
  return (
    <div className="tariff">
      <table className="table tariff__table">
        <caption>{t('registry.tariff.caption', { name: tariff.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.tariff.validFrom')}</th>
            <th scope="col">{t('registry.tariff.dayRate')}</th>
          </tr>
        </thead>
        <tbody>
          {tariff.day_rates.map((rate) => (
            <tr key={rate.valid_from ?? 'start'}>
              <td>{rate.valid_from ? formatDate(rate.valid_from, language) : t('registry.tariff.fromStart')}</td>
              <td>{formatEuro(rate.eur, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tariff__travel">
        {tariff.travel_per_km_eur != null
          ? t('registry.tariff.travelPerKm', { amount: formatEuro(tariff.travel_per_km_eur, language) })
          : (tariff.travel_note ?? t('registry.tariff.travelNone'))}
      </p>
      <p className="muted">{t('registry.tariff.exclVat')}</p>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value ? value : <span className="muted">{t('registry.notFilled')}</span>}</dd>
    </div>
  );
}

export function MemberFacts({ member }: { member: Member }) {
  const { t, language } = useI18n();
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : null);
  return (
    <dl className="facts facts--grid">
      <Fact label={t('registry.field.name')} value={member.name} />
      <Fact label={t('registry.field.lidnummer')} value={member.lidnummer} />
      <Fact label={t('registry.field.kvk')} value={member.kvk} />
      <Fact label={t('registry.field.address')} value={[member.address, member.postcode, member.town].filter(Boolean).join(', ')} />
      <Fact label={t('registry.field.contact_person')} value={member.contact_person} />
      <Fact label={t('registry.field.phone')} value={member.phone} />
      <Fact label={t('registry.field.email')} value={member.email} />
      <Fact label={t('registry.field.website')} value={member.website} />
      <Fact label={t('registry.field.member_from')} value={date(member.member_from)} />
      <Fact label={t('registry.field.member_until')} value={date(member.member_until) ?? t('registry.openEnded')} />
    </dl>
  );
}

export function CiFacts({ ci }: { ci: Ci }) {
  const { t, language } = useI18n();
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : null);
  return (
    <dl className="facts facts--grid">
      <Fact label={t('registry.field.name')} value={ci.name} />
      <Fact label={t('registry.field.kvk')} value={ci.kvk} />
      <Fact label={t('registry.field.address')} value={[ci.address, ci.postcode, ci.town].filter(Boolean).join(', ')} />
      <Fact label={t('registry.field.phone')} value={ci.phone} />
      <Fact label={t('registry.field.email')} value={ci.email} />
      <Fact label={t('registry.field.website')} value={ci.website} />
      <Fact label={t('registry.field.iso17021_ea38_until')} value={date(ci.iso17021_ea38_until)} />
      <Fact label={t('registry.field.hkz_welzijn_until')} value={date(ci.hkz_welzijn_until)} />
      <Fact label={t('registry.field.insured_until')} value={date(ci.insured_until)} />
      <Fact label={t('registry.field.complaints_procedure')} value={t(ci.complaints_procedure ? 'registry.yes' : 'registry.no')} />
      <Fact label={t('registry.field.framework_contract')} value={t(ci.framework_contract ? 'registry.yes' : 'registry.no')} />
    </dl>
  );
}

export function membershipLabel(member: Member, t: ReturnType<typeof useI18n>['t']): string {
  return member.active ? t('registry.member.active') : t('registry.member.inactive');
}

/**
 * The users of one organisation (GET /api/v1/organisations/{id}/users). With `roles`, the
 * secretariat invites a new user for this organisation: the server mails the link with which the
 * user chooses a password (the existing users API).
 */
export function OrganisationUsers({ organisationId, roles }: { organisationId: number; roles?: readonly Role[] }) {
  const { t, language } = useI18n();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await unwrap(api.GET('/api/v1/organisations/{id}/users', { params: { path: { id: organisationId } } }));
      setUsers(answer.users);
    } catch (failure) {
      const uiError = handleError(failure, { t, language });
      if (uiError) {
        setError(uiError);
      }
    }
    // t and language only shape an error message.
  }, [organisationId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card organisation-users" aria-labelledby={`gebruikers-${organisationId}`}>
      <h2 id={`gebruikers-${organisationId}`}>{t('registry.users.title')}</h2>
      {notice && <Alert key={notice.key} tone="success" title={notice.text} />}
      {error && <Alert tone="error" title={t('registry.users.loadError')}>{error.message}</Alert>}
      {!error && users === null && <Loading />}
      {users && users.length === 0 && <p className="muted">{t('registry.users.empty')}</p>}
      {users && users.length > 0 && (
        <ul className="organisation-users__list">
          {users.map((user) => (
            <li key={user.id}>
              <span className="organisation-users__name">{user.name || user.email}</span>{' '}
              <a href={`mailto:${user.email}`}>{user.email}</a>{' '}
              <span className="muted">{t(`role.${user.role}`)}</span>{' '}
              <span className={`status-tag status-tag--${user.status}`}>{t(`users.status.${user.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {roles && roles.length > 0 && (
        <InviteForOrganisation
          organisationId={organisationId}
          roles={roles}
          onInvited={(user) => {
            setUsers((previous) => [...(previous ?? []), user]);
            setNotice({ text: t('users.invited', { email: user.email }), key: Date.now() });
          }}
        />
      )}
    </section>
  );
}

function InviteForOrganisation({
  organisationId,
  roles,
  onInvited,
}: {
  organisationId: number;
  roles: readonly Role[];
  onInvited: (user: User) => void;
}) {
  const { t, language } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(roles[0]);
  const [failure, setFailure] = useState<{ field: 'email' | 'name' | 'role' | null; text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = `uitnodigen-${organisationId}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFailure(null);
    if (email.trim() === '' || !isValidEmail(email)) {
      setFailure({ field: 'email', text: email.trim() === '' ? t('users.emailRequired') : t('common.emailInvalid'), key: Date.now() });
      emailRef.current?.focus();
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
      setEmail('');
      setName('');
      onInvited(user);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) {
        return;
      }
      const field = uiError.field === 'email' || uiError.field === 'name' || uiError.field === 'role' ? uiError.field : null;
      setFailure({ field, text: uiError.message, key: Date.now() });
      if (field === 'email') {
        emailRef.current?.focus();
      } else if (field === 'name') {
        nameRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form organisation-users__invite" onSubmit={submit} noValidate aria-labelledby={`${id}-titel`}>
      <h3 id={`${id}-titel`}>{t('registry.users.inviteTitle')}</h3>
      <p className="muted">{t('registry.users.inviteIntro')}</p>
      {failure && failure.field === null && <Alert key={failure.key} tone="error" title={failure.text} focus />}
      <TextField
        ref={emailRef}
        id={`${id}-email`}
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        label={t('users.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={failure?.field === 'email' ? failure.text : null}
        required
      />
      <TextField
        ref={nameRef}
        id={`${id}-naam`}
        autoComplete="off"
        label={t('users.nameOptional')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={failure?.field === 'name' ? failure.text : null}
      />
      {roles.length > 1 && (
        <div className={`field${failure?.field === 'role' ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-rol`}>
            {t('users.role')}
          </label>
          {failure?.field === 'role' && (
            <p className="field__error" id={`${id}-rol-error`}>
              {failure.text}
            </p>
          )}
          <select id={`${id}-rol`} className="field__input" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--secondary" aria-disabled={busy}>
          {t('registry.users.inviteSubmit')}
        </button>
      </div>
    </form>
  );
}

